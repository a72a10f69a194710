; Included into the installer's install section: natter:// links open the installed app.
; SHCTX is HKLM when the installer runs with administrator rights (it asks for them), HKCU otherwise.
WriteRegStr SHCTX "Software\Classes\natter" "" "URL:Natter"
WriteRegStr SHCTX "Software\Classes\natter" "URL Protocol" ""
WriteRegStr SHCTX "Software\Classes\natter\DefaultIcon" "" "$INSTDIR\bin\natter.exe,0"
WriteRegStr SHCTX "Software\Classes\natter\shell\open\command" "" '"$INSTDIR\bin\natter.exe" "%1"'
