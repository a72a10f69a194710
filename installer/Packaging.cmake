# Installation layout and installers (CPack): a .deb on Linux, an NSIS installer on Windows, a .dmg with the app
# bundle on macOS. Included at the end of the top-level CMakeLists.txt; docs/INSTALL.md describes the results.
include(GNUInstallDirs)
find_package(Qt6 REQUIRED COMPONENTS Qml)

# The reverse-DNS id of the desktop entry, the AppStream metadata, the icons and the macOS bundle.
set(NATTER_APP_ID chat.natter.Natter)
set(natter_installer_dir ${PROJECT_SOURCE_DIR}/installer)
set(natter_installer_build_dir ${PROJECT_BINARY_DIR}/installer)
set(natter_icon_svg ${PROJECT_SOURCE_DIR}/resources/icons/natter.svg)

set(NATTER_PACKAGE_MAINTAINER "Natter developers <packaging@natter.chat>" CACHE STRING
    "Maintainer named in the packages")

# ---- Linux: desktop entry, AppStream metadata, icons, the server's systemd unit and configuration ----
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    # The hicolor PNGs are rendered from the SVG at build time.
    find_program(NATTER_RSVG_CONVERT rsvg-convert REQUIRED)
    set(natter_icon_pngs)
    foreach(size 16 24 32 48 64 128 256 512)
        set(icon_dir ${natter_installer_build_dir}/icons/hicolor/${size}x${size}/apps)
        set(png ${icon_dir}/${NATTER_APP_ID}.png)
        add_custom_command(OUTPUT ${png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${icon_dir}
            COMMAND ${NATTER_RSVG_CONVERT} --width ${size} --height ${size} --output ${png} ${natter_icon_svg}
            DEPENDS ${natter_icon_svg}
            COMMENT "Rendering the ${size}x${size} icon"
            VERBATIM)
        list(APPEND natter_icon_pngs ${png})
    endforeach()
    add_custom_target(natter_icons ALL DEPENDS ${natter_icon_pngs})

    install(DIRECTORY ${natter_installer_build_dir}/icons/ DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
    install(FILES ${natter_icon_svg}
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${NATTER_APP_ID}.svg)
    install(FILES ${natter_installer_dir}/linux/${NATTER_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${natter_installer_dir}/linux/${NATTER_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    # System paths, as the unit and the maintainer scripts expect them (the unit runs /usr/bin/natter).
    install(FILES ${natter_installer_dir}/linux/natter-server.service DESTINATION /lib/systemd/system)
    install(FILES ${natter_installer_dir}/linux/server.ini DESTINATION /etc/natter)
endif()

# ---- Windows: the executable's icon and version resource ----
if(WIN32)
    set(NATTER_WINDOWS_ICON ${PROJECT_SOURCE_DIR}/resources/icons/natter.ico)
    configure_file(${natter_installer_dir}/windows/natter.rc.in ${natter_installer_build_dir}/natter.rc @ONLY)
    target_sources(natter PRIVATE ${natter_installer_build_dir}/natter.rc)
    # The MSVC runtime DLLs, next to natter.exe: the installer does not rely on a separately installed runtime.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
    include(InstallRequiredSystemLibraries)
    # Qt's deployment copies Qt; the other DLLs natter.exe loads (libsodium, QtKeychain) are copied here.
    install(FILES $<TARGET_RUNTIME_DLLS:natter> DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# ---- macOS: the bundle's Info.plist (template set on the target in app/CMakeLists.txt) and icon ----
set(MACOSX_BUNDLE_GUI_IDENTIFIER ${NATTER_APP_ID})
set(MACOSX_BUNDLE_BUNDLE_NAME "Natter")
set(MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION})
set(MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION})
set(MACOSX_BUNDLE_ICON_FILE natter.icns)
set(MACOSX_BUNDLE_COPYRIGHT "The Natter developers")
set_target_properties(natter PROPERTIES
    MACOSX_BUNDLE_GUI_IDENTIFIER ${MACOSX_BUNDLE_GUI_IDENTIFIER}
    MACOSX_BUNDLE_BUNDLE_NAME ${MACOSX_BUNDLE_BUNDLE_NAME}
    MACOSX_BUNDLE_BUNDLE_VERSION ${MACOSX_BUNDLE_BUNDLE_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${MACOSX_BUNDLE_SHORT_VERSION_STRING}
    MACOSX_BUNDLE_ICON_FILE ${MACOSX_BUNDLE_ICON_FILE}
    MACOSX_BUNDLE_COPYRIGHT ${MACOSX_BUNDLE_COPYRIGHT})
if(APPLE)
    set(natter_icns ${PROJECT_SOURCE_DIR}/resources/icons/natter.icns)
    target_sources(natter PRIVATE ${natter_icns})
    set_source_files_properties(${natter_icns} TARGET_DIRECTORY natter PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
endif()

# ---- Qt deployment: the Windows and macOS installers carry Qt, its plugins and the QML modules ----
# The script is generated on every platform (so this configures everywhere) but installed only where Qt's
# deployment runs: on Linux the .deb depends on Debian's Qt packages instead of carrying Qt.
if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
    qt_generate_deploy_qml_app_script(TARGET natter OUTPUT_SCRIPT natter_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
else()
    qt_generate_deploy_qml_app_script(TARGET natter FILENAME_VARIABLE natter_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
endif()
if(WIN32 OR APPLE)
    install(SCRIPT ${natter_deploy_script})
endif()
if(APPLE)
    # Installing rewrote the bundle's binaries (rpaths, deployed frameworks): sign it again, ad hoc, so that it
    # starts on Apple silicon. A release signed with a Developer ID replaces this signature.
    install(CODE "execute_process(COMMAND codesign --force --deep --sign - \"\${CMAKE_INSTALL_PREFIX}/$<TARGET_FILE_NAME:natter>.app\" COMMAND_ERROR_IS_FATAL ANY)")
endif()

# ---- CPack ----
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_PACKAGE_NAME "Natter")
set(CPACK_PACKAGE_VENDOR "Natter")
set(CPACK_PACKAGE_CONTACT ${NATTER_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Self-hostable team chat with a built-in server")
set(CPACK_PACKAGE_DESCRIPTION [[
Natter is a desktop chat app with the chat server built in. Any machine can
host a room server from the app's menu, or run it headless as a system
service (natter-server.service); others connect over one port that speaks
WebSocket and a REST API. Messages are stored in SQLite or PostgreSQL.]])
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Natter")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build/")
if(WIN32)
    set(CPACK_GENERATOR NSIS)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB)
endif()

# Debian: natter_<version>_amd64.deb. dpkg-shlibdeps finds the linked libraries; the QML modules and SQL drivers
# Qt loads at run time are listed in scripts/dependencies.sh.
set(CPACK_DEBIAN_PACKAGE_NAME natter)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    execute_process(
        COMMAND bash -c "source '${PROJECT_SOURCE_DIR}/scripts/dependencies.sh' && echo \"\${NATTER_RUNTIME_PACKAGES[*]}\""
        OUTPUT_VARIABLE natter_runtime_packages OUTPUT_STRIP_TRAILING_WHITESPACE
        COMMAND_ERROR_IS_FATAL ANY)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/scripts/dependencies.sh)
    string(REPLACE " " ", " natter_runtime_packages "${natter_runtime_packages}")
    # adduser: postinst creates the natter system user.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, ${natter_runtime_packages}")
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql")
file(WRITE ${natter_installer_build_dir}/debian/conffiles "/etc/natter/server.ini\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${natter_installer_dir}/linux/debian/postinst
    ${natter_installer_dir}/linux/debian/prerm
    ${natter_installer_dir}/linux/debian/postrm
    ${natter_installer_build_dir}/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Windows: NSIS. The uninstall registry key is a fixed GUID, the same for every version, so a new installer finds
# the installed one and uninstalls it first (an upgrade) instead of installing beside it.
set(NATTER_WINDOWS_UPGRADE_GUID "{8EB97F2C-3043-40C7-AE6A-65B3830D940D}")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY ${NATTER_WINDOWS_UPGRADE_GUID})
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_PACKAGE_NAME "Natter")
set(CPACK_NSIS_DISPLAY_NAME "Natter")
set(CPACK_NSIS_MUI_ICON ${PROJECT_SOURCE_DIR}/resources/icons/natter.ico)
set(CPACK_NSIS_MUI_UNIICON ${PROJECT_SOURCE_DIR}/resources/icons/natter.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\natter.exe")
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
# The Start-menu entry "Natter" for bin\natter.exe (the uninstaller gets its entry next to it).
set(CPACK_PACKAGE_EXECUTABLES natter "Natter")
file(TO_NATIVE_PATH ${natter_installer_dir}/windows/register-url-scheme.nsh natter_nsis_register)
file(TO_NATIVE_PATH ${natter_installer_dir}/windows/unregister-url-scheme.nsh natter_nsis_unregister)
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "!include \"${natter_nsis_register}\"")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "!include \"${natter_nsis_unregister}\"")

# macOS: a compressed .dmg holding Natter.app and a link to /Applications.
set(CPACK_DMG_VOLUME_NAME "Natter")
set(CPACK_DMG_FORMAT UDZO)

include(CPack)

# ---- Checks of the packaging metadata (ctest) ----
# The validators are test dependencies (scripts/dependencies.sh), found on PATH when the tests run.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    add_test(NAME packaging_desktop_entry_valid
        COMMAND desktop-file-validate ${natter_installer_dir}/linux/${NATTER_APP_ID}.desktop)
    add_test(NAME packaging_metainfo_valid
        COMMAND appstreamcli validate --no-net ${natter_installer_dir}/linux/${NATTER_APP_ID}.metainfo.xml)
    # The macOS template, filled in as CMake fills it for the bundle, so that the check sees what macOS gets.
    set(MACOSX_BUNDLE_EXECUTABLE_NAME Natter)
    configure_file(${natter_installer_dir}/macos/Info.plist.in ${natter_installer_build_dir}/Info.plist)
    add_test(NAME packaging_metadata_consistent
        COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/installer/check_metadata.py
            --version ${PROJECT_VERSION} --app-id ${NATTER_APP_ID}
            --desktop ${natter_installer_dir}/linux/${NATTER_APP_ID}.desktop
            --metainfo ${natter_installer_dir}/linux/${NATTER_APP_ID}.metainfo.xml
            --info-plist ${natter_installer_build_dir}/Info.plist)
elseif(APPLE)
    add_test(NAME packaging_info_plist_valid COMMAND plutil -lint $<TARGET_BUNDLE_CONTENT_DIR:natter>/Info.plist)
endif()
