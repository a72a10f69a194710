#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Natter_UiPlugin)

/** @brief Makes the statically linked Natter.Ui module importable by the test files. */
class Setup : public QObject
{
    Q_OBJECT

public slots:
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }
};

QUICK_TEST_MAIN_WITH_SETUP(natter_qml, Setup)

#include "main.moc"
