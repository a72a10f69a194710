#include "desktopapp.h"
#include "languagemanager.h"

#include <QApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>

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
    // The language saved in the settings, or the system's; Settings switches it while the app runs.
    LanguageManager languages;
    // Closing the window may leave the app in the tray; the QML decides and quits explicitly.
    QApplication::setQuitOnLastWindowClosed(false);
    // Fusion follows the platform palette (light or dark) on every desktop.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QQmlApplicationEngine engine;
    languages.addEngine(&engine);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(&engine, &QQmlApplicationEngine::quit, &app, &QCoreApplication::quit);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Natter/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}

} // namespace natter
