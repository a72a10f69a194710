// The interface language: the compiled-in translations, the system's language, and a switch while the app runs
// that reaches QML bindings (through a real QQmlEngine) and the texts C++ objects hold.
#include "chatclient.h"
#include "languagemanager.h"
#include "messagemodel.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Natter_ClientPlugin)

using namespace natter;

namespace {

// qsTr() takes its context from the file name, like the real SettingsDialog.qml.
const QByteArray settingsComponent = R"(
import QtQuick
import Natter.Client

QtObject {
    property string title: qsTr("Settings")
    property string membersOnline: qsTranslate("RoomSidebar", "%n member(s) online", "", 3)
    readonly property string language: LanguageManager.effectiveLanguage
    function choose(code) { LanguageManager.language = code; }
}
)";

QString translate(const char *context, const char *source)
{
    return QCoreApplication::translate(context, source);
}

} // namespace

class TestLanguageManager : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void everyLanguageIsCompiledInAndNamesItself();
    void systemLanguageIsMatchedByLanguageAndScript();
    void choiceIsAppliedAndRemembered();
    void qmlBindingsSwitchWithoutARestart();
    void textsHeldInCppFollowTheSwitch();
};

void TestLanguageManager::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_languagemanager"));
}

void TestLanguageManager::init()
{
    QSettings().clear();
}

void TestLanguageManager::everyLanguageIsCompiledInAndNamesItself()
{
    QCOMPARE(LanguageManager::availableLanguages(), (QStringList{u"en"_qs, u"de"_qs, u"es"_qs, u"id"_qs, u"zh_CN"_qs}));
    LanguageManager manager;
    QStringList names;
    for (const QVariant &entry : manager.languages())
        names.append(entry.toMap().value(u"code"_qs).toString() + u'=' + entry.toMap().value(u"name"_qs).toString());
    QCOMPARE(names, (QStringList{u"en=English"_qs, u"id=Bahasa Indonesia"_qs, u"de=Deutsch"_qs, u"es=Español"_qs,
                                 u"zh_CN=简体中文"_qs}));
}

void TestLanguageManager::systemLanguageIsMatchedByLanguageAndScript()
{
    QCOMPARE(LanguageManager::languageFor(QLocale(u"de_AT"_qs)), u"de"_qs);
    QCOMPARE(LanguageManager::languageFor(QLocale(u"es_MX"_qs)), u"es"_qs);
    QCOMPARE(LanguageManager::languageFor(QLocale(u"id_ID"_qs)), u"id"_qs);
    QCOMPARE(LanguageManager::languageFor(QLocale(u"zh_CN"_qs)), u"zh_CN"_qs);
    QCOMPARE(LanguageManager::languageFor(QLocale(u"zh_SG"_qs)), u"zh_CN"_qs); // also Simplified Chinese
    QCOMPARE(LanguageManager::languageFor(QLocale(u"zh_TW"_qs)), u"en"_qs);    // Traditional: not the same script
    QCOMPARE(LanguageManager::languageFor(QLocale(u"pt_BR"_qs)), u"en"_qs);
    QCOMPARE(LanguageManager::languageFor(QLocale::c()), u"en"_qs);
}

void TestLanguageManager::choiceIsAppliedAndRemembered()
{
    {
        LanguageManager manager;
        QCOMPARE(manager.language(), QString()); // nothing chosen: the system's
        QCOMPARE(manager.effectiveLanguage(), LanguageManager::languageFor(QLocale::system()));
        QSignalSpy changed(&manager, &LanguageManager::languageChanged);
        manager.setLanguage(u"de"_qs);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(manager.effectiveLanguage(), u"de"_qs);
        QCOMPARE(translate("natter::MessageModel", "Today"), u"Heute"_qs);
        QCOMPARE(QCoreApplication::translate("natter::DesktopIntegration", "Natter: %n unread message(s)", nullptr, 2),
                 u"Natter: 2 ungelesene Nachrichten"_qs);
        QCOMPARE(QLocale().language(), QLocale::German); // dates follow
        QCOMPARE(QSettings().value(u"language"_qs).toString(), u"de"_qs);
        manager.setLanguage(u"xx"_qs); // not a translation: ignored
        QCOMPARE(manager.language(), u"de"_qs);
    }
    {
        LanguageManager restarted; // the next start
        QCOMPARE(restarted.language(), u"de"_qs);
        QCOMPARE(translate("natter::MessageModel", "Yesterday"), u"Gestern"_qs);
        restarted.setLanguage(u"zh_CN"_qs);
        QCOMPARE(translate("natter::MessageModel", "Yesterday"), u"昨天"_qs);
        restarted.setLanguage(u"en"_qs);
        QCOMPARE(translate("natter::MessageModel", "Yesterday"), u"Yesterday"_qs);
        // English comes with its plural forms.
        QCOMPARE(QCoreApplication::translate("natter::DesktopIntegration", "Natter: %n unread message(s)", nullptr, 1),
                 u"Natter: 1 unread message"_qs);
        restarted.setLanguage(QString());
        QVERIFY(!QSettings().contains(u"language"_qs));
        QCOMPARE(restarted.effectiveLanguage(), LanguageManager::languageFor(QLocale::system()));
        QCOMPARE(QLocale(), QLocale::system());
    }
}

void TestLanguageManager::qmlBindingsSwitchWithoutARestart()
{
    LanguageManager manager;
    manager.setLanguage(u"en"_qs);
    QQmlEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_qs);
    QQmlComponent component(&engine);
    component.setData(settingsComponent, QUrl(u"qrc:/tst_languagemanager/SettingsDialog.qml"_qs));
    std::unique_ptr<QObject> settings(component.create());
    QVERIFY2(settings, qPrintable(component.errorString()));
    QCOMPARE(settings->property("title").toString(), u"Settings"_qs);
    QCOMPARE(settings->property("membersOnline").toString(), u"3 members online"_qs);

    // Chosen from QML, through the singleton, which is the application's instance.
    QVERIFY(QMetaObject::invokeMethod(settings.get(), "choose", Q_ARG(QVariant, u"de"_qs)));
    QCOMPARE(manager.language(), u"de"_qs);
    QCOMPARE(settings->property("language").toString(), u"de"_qs);
    QCOMPARE(settings->property("title").toString(), u"Einstellungen"_qs);
    QCOMPARE(settings->property("membersOnline").toString(), u"3 Mitglieder online"_qs);

    manager.setLanguage(u"id"_qs);
    QCOMPARE(settings->property("title").toString(), u"Pengaturan"_qs);
    QCOMPARE(settings->property("membersOnline").toString(), u"3 anggota online"_qs);

    manager.setLanguage(u"en"_qs);
    QCOMPARE(settings->property("title").toString(), u"Settings"_qs);
    QCOMPARE(settings->property("membersOnline").toString(), u"3 members online"_qs);
}

void TestLanguageManager::textsHeldInCppFollowTheSwitch()
{
    LanguageManager manager;
    manager.setLanguage(u"en"_qs);

    ChatClient client;
    QVERIFY(!client.connectToServer(u"ws://"_qs, u"Ada"_qs));
    QCOMPARE(client.connectionError(),
             u"“ws://” is not a server address. Use host:port, for example chat.example.org:8082."_qs);

    MessageModel messages;
    messages.addConfirmed(
        {1, u"m1"_qs, u"general"_qs, u"Ada"_qs, u"hello"_qs, QDateTime::currentMSecsSinceEpoch(), {}});
    const QModelIndex first = messages.index(0);
    QCOMPARE(messages.data(first, MessageModel::DaySeparatorRole).toString(), u"Today"_qs);

    QSignalSpy errorChanged(&client, &ChatClient::connectionErrorChanged);
    QSignalSpy dayChanged(&messages, &MessageModel::dataChanged);
    manager.setLanguage(u"es"_qs);
    QVERIFY(errorChanged.wait());
    QCOMPARE(client.connectionError(),
             u"«ws://» no es una dirección de servidor. Usa host:puerto, por ejemplo chat.example.org:8082."_qs);
    QTRY_COMPARE(dayChanged.size(), 1); // one refresh per switch, however many translators changed
    QCOMPARE(dayChanged.constFirst().at(2).value<QList<int>>(), QList<int>{MessageModel::DaySeparatorRole});
    QCOMPARE(messages.data(first, MessageModel::DaySeparatorRole).toString(), u"Hoy"_qs);
}

QTEST_MAIN(TestLanguageManager)
#include "tst_languagemanager.moc"
