#include "desktopapp.h"
#include "languagemanager.h"

#include "appinstance.h"
#include "singleinstance.h"

#include <QApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Natter_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Natter_UiPlugin)

namespace natter {

int runDesktopApp(int argc, char *argv[])
{
    QApplication::setOrganizationName(QStringLiteral("Natter"));
    QApplication::setOrganizationDomain(QStringLiteral("natter.chat"));
    QApplication::setApplicationName(QStringLiteral("natter"));
    QApplication::setApplicationDisplayName(QStringLiteral("Natter"));
    QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    QApplication app(argc, argv);
    // Matches the installed chat.natter.Natter.desktop: the desktop groups the window with it, and Wayland uses it
    // as the app id.
    QGuiApplication::setDesktopFileName(QStringLiteral("chat.natter.Natter"));

    // Qt has taken its own options (-platform, -style, ...) out of the command line by now.
    const auto parsed = LaunchOptions::parse(QCoreApplication::arguments());
    if (const auto *error = std::get_if<QString>(&parsed)) {
        std::fprintf(stderr,
                     "natter: %s\nTry 'natter --help' for the server's options; the app takes "
                     "[--minimized] [--profile NAME] [natter://host:port/room].\n",
                     qPrintable(*error));
        return 2;
    }
    const LaunchOptions options = std::get<LaunchOptions>(parsed);
    // A profile is a separate app as far as settings, data and the running instance go.
    QCoreApplication::setApplicationName(options.applicationName());

    // One app per user and profile: a second launch hands its command line (a link, say) to the first and exits.
    SingleInstance instance(SingleInstance::defaultDirectory(), options.applicationName());
    switch (instance.start(QCoreApplication::arguments().mid(1))) {
    case SingleInstance::Role::Primary:
        break;
    case SingleInstance::Role::Secondary:
        return 0;
    case SingleInstance::Role::Unreachable:
        std::fprintf(stderr, "natter: %s\n", qPrintable(instance.errorString()));
        return 1;
    case SingleInstance::Role::Unavailable:
        std::fprintf(stderr, "natter: %s; not checking for another running Natter\n",
                     qPrintable(instance.errorString()));
        break;
    }

    // The language saved in the settings, or the system's; Settings switches it while the app runs.
    LanguageManager languages;
    // Closing the window may leave the app in the tray; the QML decides and quits explicitly.
    QApplication::setQuitOnLastWindowClosed(false);
    // Fusion follows the platform palette (light or dark) on every desktop.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    AppInstance appInstance(options);
    QObject::connect(&instance, &SingleInstance::messageReceived, &appInstance, &AppInstance::handleLaunch);

    QQmlApplicationEngine engine;
    languages.addEngine(&engine);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("appInstance"), QVariant::fromValue(&appInstance)}});
    QObject::connect(&engine, &QQmlApplicationEngine::quit, &app, &QCoreApplication::quit);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Natter/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    appInstance.openStartupLinks();
    return app.exec();
}

} // namespace natter
