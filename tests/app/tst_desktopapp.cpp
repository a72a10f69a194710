// End to end: the real app window (offscreen), driven by the keyboard like a newcomer would, against a real
// server with another client in the room.
#include "chatclient.h"
#include "testclient.h"
#include "testserver.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Natter_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Natter_UiPlugin)

using namespace natter;

namespace {

/// Whether any visible item in the window shows @p text (a Text, Label, TextEdit or TextArea).
bool showsText(QQuickItem *item, const QString &text)
{
    if (!item || !item->isVisible())
        return false;
    const QVariant shown = item->property("text");
    if (shown.isValid() && shown.toString().contains(text))
        return true;
    const auto children = item->childItems();
    return std::any_of(children.cbegin(), children.cend(), [&](QQuickItem *child) { return showsText(child, text); });
}

/// Types @p text into whatever has focus, one key at a time (QTest has no keyClicks for a QWindow).
void typeText(QWindow *window, const QString &text)
{
    for (const QChar c : text)
        QTest::keyClick(window, c.toLatin1());
}

} // namespace

class TestDesktopApp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void newcomerConnectsChatsWithTheKeyboardOnly();
    void languageSwitchesFromSettingsWithoutARestart();

private:
    QTemporaryDir m_dir;
};

void TestDesktopApp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desktopapp"));
    QSettings().clear();
    // The app listens for LAN beacons; keep that off the real network in tests.
    qputenv("NATTER_LAN_GROUP", "off");
}

void TestDesktopApp::newcomerConnectsChatsWithTheKeyboardOnly()
{
    TestServer server;
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Natter/Ui/Main.qml")));
    QCOMPARE(engine.rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    QVERIFY(window);
    window->show();
    window->requestActivate();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *client = window->findChild<ChatClient *>();
    QVERIFY(client);
    client->setOutboxPath(m_dir.filePath(QStringLiteral("outbox.json")));
    QCOMPARE(client->state(), ChatClient::Disconnected);

    // The address field has focus; Tab moves to the name; Enter connects.
    QTRY_VERIFY(window->activeFocusItem());
    typeText(window, QStringLiteral("127.0.0.1:%1").arg(server.port()));
    QTest::keyClick(window, Qt::Key_Tab);
    typeText(window, QStringLiteral("Newcomer"));
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    QCOMPARE(client->userName(), QStringLiteral("Newcomer"));
    QCOMPARE(client->currentRoom(), QStringLiteral("general"));
    QTRY_COMPARE(client->members()->count(), 1);

    // Someone else says something: it appears in the window.
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!bob->send(QStringLiteral("general"), QStringLiteral("Hello from Bob")).isEmpty());
    QTRY_VERIFY(showsText(window->contentItem(), QStringLiteral("Hello from Bob")));

    // The composer has focus: typing and Enter posts.
    QTRY_VERIFY(window->activeFocusItem());
    typeText(window, QStringLiteral("Hi Bob, typed in the app"));
    QTest::keyClick(window, Qt::Key_Return);
    const auto received = bob->waitFor([](const QJsonObject &frame) {
        return frame.value(QLatin1String("type")).toString() == QLatin1String("message") &&
               frame.value(QLatin1String("user")).toString() == QLatin1String("Newcomer");
    });
    QCOMPARE(received.value(QLatin1String("content")).toString(), QStringLiteral("Hi Bob, typed in the app"));
    QTRY_VERIFY(showsText(window->contentItem(), QStringLiteral("Hi Bob, typed in the app")));
    QTRY_COMPARE(client->pendingCount(), 0);
}

void TestDesktopApp::languageSwitchesFromSettingsWithoutARestart()
{
    QSettings().clear(); // the connect screen, not the last test's server
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Natter/Ui/Main.qml")));
    QCOMPARE(engine.rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    QVERIFY(window);
    window->show();
    window->requestActivate();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    const QString connectHint = QCoreApplication::translate("ConnectScreen", "Connect to a chat server.");
    QVERIFY(showsText(window->contentItem(), connectHint));

    auto *settings = window->findChild<QObject *>(QStringLiteral("settingsDialog"));
    QVERIFY(settings);
    QVERIFY(QMetaObject::invokeMethod(settings, "open"));
    auto *languageBox = settings->findChild<QQuickItem *>(QStringLiteral("languageBox"));
    QVERIFY(languageBox);
    QTRY_VERIFY(languageBox->hasActiveFocus());
    QCOMPARE(languageBox->property("displayText").toString(),
             QCoreApplication::translate("SettingsDialog", "System default"));

    // System default, English, Bahasa Indonesia, Deutsch, ...: three steps down is German, at once.
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(window, Qt::Key_Down);
    QCOMPARE(languageBox->property("displayText").toString(), QStringLiteral("Deutsch"));
    QCOMPARE(settings->property("title").toString(), QStringLiteral("Einstellungen"));
    QVERIFY(showsText(window->contentItem(), QStringLiteral("Mit einem Chat-Server verbinden.")));
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("de"));

    // One up: Bahasa Indonesia.
    QTest::keyClick(window, Qt::Key_Up);
    QCOMPARE(languageBox->property("displayText").toString(), QStringLiteral("Bahasa Indonesia"));
    QCOMPARE(settings->property("title").toString(), QStringLiteral("Pengaturan"));
    QVERIFY(showsText(window->contentItem(), QStringLiteral("Hubungkan ke server obrolan.")));

    // Back to the top: the system's language again, and nothing kept.
    QTest::keyClick(window, Qt::Key_Up);
    QTest::keyClick(window, Qt::Key_Up);
    QCOMPARE(settings->property("title").toString(), QCoreApplication::translate("SettingsDialog", "Settings"));
    QCOMPARE(languageBox->property("displayText").toString(),
             QCoreApplication::translate("SettingsDialog", "System default"));
    QVERIFY(showsText(window->contentItem(), connectHint));
    QVERIFY(!QSettings().contains(QStringLiteral("language")));
}

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
