#include "desktopapp.h"

#include <QApplication>
#include <QIcon>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QTranslator>
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
    // English is the source language; its file carries the plural forms. Other languages load over it.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("natter"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral("natter_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    // Closing the window may leave the app in the tray; the QML decides and quits explicitly.
    QApplication::setQuitOnLastWindowClosed(false);
    // Fusion follows the platform palette (light or dark) on every desktop.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(&engine, &QQmlApplicationEngine::quit, &app, &QCoreApplication::quit);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Natter/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}

} // namespace natter
