#include <QCoreApplication>
#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Natter_UiPlugin)

/**
 * @brief Makes the statically linked Natter.Ui module importable by the test files, and shows the components'
 * texts as the app does: with the English translation, which holds the plural forms ("1 message", "2 messages").
 */
class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        if (m_english.load(QStringLiteral(":/i18n/natter_en.qm")))
            QCoreApplication::installTranslator(&m_english);
        else
            qFatal("The English translation is missing from the test's resources");
    }
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }

private:
    QTranslator m_english;
};

QUICK_TEST_MAIN_WITH_SETUP(natter_qml, Setup)

#include "main.moc"
