// End to end: the real app window (offscreen), driven by the keyboard like a newcomer would, against a real
// server with another client in the room; natter:// links and the start-up settings.
#include "appinstance.h"
#include "chatclient.h"
#include "httpclient.h"
#include "servertls.h"
#include "testcertificates.h"
#include "testclient.h"
#include "testserver.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QSystemTrayIcon>
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

/// Clicks the middle of @p item.
void click(QQuickWindow *window, QQuickItem *item)
{
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
}

/// Toggles a check box from the keyboard: it may sit below the fold of a scrolling dialog, where a click would miss.
void toggle(QQuickWindow *window, QQuickItem *checkBox)
{
    checkBox->forceActiveFocus(Qt::TabFocusReason);
    QTest::keyClick(window, Qt::Key_Space);
}

/// The QQuickItem (a control inside a popup, too) with @p objectName.
QQuickItem *findItem(QQuickWindow *window, const QString &objectName)
{
    return window->findChild<QQuickItem *>(objectName);
}

/// An item with @p objectName among the visual descendants of @p root (delegates have no QObject parent to find).
QQuickItem *findDescendant(QQuickItem *root, const QString &objectName)
{
    if (!root)
        return nullptr;
    if (root->objectName() == objectName)
        return root;
    const auto children = root->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findDescendant(child, objectName))
            return found;
    }
    return nullptr;
}

bool isMemberJoined(const QJsonObject &frame, const QString &room, const QString &user)
{
    return frame.value(QLatin1String("type")).toString() == QLatin1String("member_joined") &&
           frame.value(QLatin1String("room")).toString() == room &&
           frame.value(QLatin1String("user")).toString() == user;
}

/// Main.qml as the application loads it, with @p appInstance.
struct LoadedApp
{
    explicit LoadedApp(AppInstance *appInstance)
    {
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.setInitialProperties({{QStringLiteral("appInstance"), QVariant::fromValue(appInstance)}});
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Natter/Ui/Main.qml")));
        if (!engine.rootObjects().isEmpty())
            window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        if (window)
            client = window->findChild<ChatClient *>();
    }

    QQmlApplicationEngine engine;
    QQuickWindow *window = nullptr;
    ChatClient *client = nullptr;
};

} // namespace

class TestDesktopApp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void newcomerConnectsChatsWithTheKeyboardOnly();
    void linkOpensRoomHereOrConnectsThere();
    void linkWithoutANameFillsTheConnectScreen();
    void badLinkIsExplained();
    void startMinimizedWithoutTrayMinimizes();
    void startAtLoginFromSettings();
    void languageSwitchesFromSettingsWithoutARestart();
    void accountsServerAsksForAPasswordAndLogsInWithTheKeyboard();
    void directMessagesAndInvitationsFromTheWindow();
    void untrustedCertificateAsksAndTrustingConnects();

private:
    QTemporaryDir m_home;
    QTemporaryDir m_dir;
};

void TestDesktopApp::initTestCase()
{
    // Settings, outboxes and the autostart entry all live under $HOME in test mode: a private one.
    qputenv("HOME", QFile::encodeName(m_home.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desktopapp"));
    QSettings().clear();
    // The app listens for LAN beacons; keep that off the real network in tests.
    qputenv("NATTER_LAN_GROUP", "off");
    // And away from the developer's keychain: no session bus, so login tokens stay in memory (and the app says so).
    qputenv("DBUS_SESSION_BUS_ADDRESS",
            QFile::encodeName(QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus"))));
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

void TestDesktopApp::linkOpensRoomHereOrConnectsThere()
{
    TestServer server;
    TestServer elsewhere;
    QSettings().clear();
    QSettings().setValue(QStringLiteral("lastAddress"), QStringLiteral("127.0.0.1:%1").arg(server.port()));
    QSettings().setValue(QStringLiteral("lastUser"), QStringLiteral("Ann"));
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!bob->join(QStringLiteral("lobby")).isEmpty());
    auto carol = TestClient::typed(elsewhere.webSocketUrl(), QStringLiteral("Carol"));
    QVERIFY(!carol->join(QStringLiteral("side")).isEmpty());

    AppInstance appInstance;
    LoadedApp app(&appInstance);
    QVERIFY(app.client);
    app.client->setOutboxPath(m_dir.filePath(QStringLiteral("link-outbox.json")));
    QTRY_COMPARE_WITH_TIMEOUT(app.client->state(), ChatClient::Connected, 10000);
    QCOMPARE(app.client->currentRoom(), QStringLiteral("general"));

    // A link to the server in use: the room opens on the same connection.
    appInstance.openLink(QStringLiteral("natter://127.0.0.1:%1/lobby").arg(server.port()));
    QCOMPARE(app.client->currentRoom(), QStringLiteral("lobby"));
    QVERIFY(!bob->waitFor([](const QJsonObject &f) { return isMemberJoined(f, u"lobby"_qs, u"Ann"_qs); }).isEmpty());

    // A link to another server: connect there with the same name, then open the room.
    appInstance.openLink(QStringLiteral("natter://127.0.0.1:%1/side").arg(elsewhere.port()));
    QVERIFY(!carol->waitFor([](const QJsonObject &f) { return isMemberJoined(f, u"side"_qs, u"Ann"_qs); }, 10000)
                 .isEmpty());
    QCOMPARE(app.client->state(), ChatClient::Connected);
    QCOMPARE(app.client->serverAddress(), QStringLiteral("127.0.0.1:%1").arg(elsewhere.port()));
    QTRY_COMPARE(app.client->currentRoom(), QStringLiteral("side"));
    QTRY_VERIFY(findItem(app.window, QStringLiteral("chatScreen")));
    // And it is remembered as the server to come back to.
    QTRY_COMPARE(QSettings().value(QStringLiteral("lastAddress")).toString(),
                 QStringLiteral("127.0.0.1:%1").arg(elsewhere.port()));
}

void TestDesktopApp::linkWithoutANameFillsTheConnectScreen()
{
    TestServer server;
    QSettings().clear();
    AppInstance appInstance;
    LoadedApp app(&appInstance);
    QVERIFY(app.client);
    app.client->setOutboxPath(m_dir.filePath(QStringLiteral("newcomer-outbox.json")));
    QVERIFY(QTest::qWaitForWindowExposed(app.window));

    // Nobody to connect as yet: the connect screen shows the link's server and suggested name, and waits.
    const QString address = QStringLiteral("127.0.0.1:%1").arg(server.port());
    appInstance.openLink(QStringLiteral("natter://%1/lobby?user=Zoe").arg(address));
    auto *addressField = findItem(app.window, QStringLiteral("addressField"));
    auto *nameField = findItem(app.window, QStringLiteral("nameField"));
    QVERIFY(addressField && nameField);
    QTRY_COMPARE(addressField->property("text").toString(), address);
    QCOMPARE(nameField->property("text").toString(), QStringLiteral("Zoe"));
    QCOMPARE(app.client->state(), ChatClient::Disconnected);

    // Connect: the linked room opens.
    click(app.window, findItem(app.window, QStringLiteral("connectButton")));
    QTRY_COMPARE_WITH_TIMEOUT(app.client->state(), ChatClient::Connected, 10000);
    QCOMPARE(app.client->userName(), QStringLiteral("Zoe"));
    QTRY_COMPARE(app.client->currentRoom(), QStringLiteral("lobby"));
    QVERIFY(app.client->rooms()->contains(QStringLiteral("general")));
}

void TestDesktopApp::badLinkIsExplained()
{
    QSettings().clear();
    AppInstance appInstance;
    LoadedApp app(&appInstance);
    QVERIFY(QTest::qWaitForWindowExposed(app.window));
    appInstance.openLink(QStringLiteral("natter://127.0.0.1:1/no%20spaces"));
    auto *dialog = app.window->findChild<QObject *>(QStringLiteral("linkErrorDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->property("visible").toBool());
    QVERIFY(showsText(app.window->contentItem(), QStringLiteral("“no spaces” is not a room name")));
    QCOMPARE(app.client->state(), ChatClient::Disconnected);
}

void TestDesktopApp::startMinimizedWithoutTrayMinimizes()
{
    QSettings().clear();
    LaunchOptions options;
    options.minimized = true;
    AppInstance appInstance(options);
    LoadedApp app(&appInstance);
    QVERIFY(app.window);
    // The offscreen platform has no tray: a hidden window could never be reached, so it is minimised instead.
    QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
    QCOMPARE(app.window->visibility(), QWindow::Minimized);
    // Started again: the window comes up.
    appInstance.handleLaunch({}, {});
    QTRY_COMPARE(app.window->visibility(), QWindow::Windowed);
}

void TestDesktopApp::startAtLoginFromSettings()
{
    QSettings().clear();
    AppInstance appInstance;
    LoadedApp app(&appInstance);
    QVERIFY(QTest::qWaitForWindowExposed(app.window));
    auto *dialog = app.window->findChild<QObject *>(QStringLiteral("settingsDialog"));
    QVERIFY(dialog);
    QMetaObject::invokeMethod(dialog, "open");
    QTRY_VERIFY(dialog->property("opened").toBool());
    auto *loginBox = findItem(app.window, QStringLiteral("startAtLoginBox"));
    auto *minimizedBox = findItem(app.window, QStringLiteral("startMinimizedBox"));
    QVERIFY(loginBox && minimizedBox);
    QVERIFY(loginBox->isVisible());
    QVERIFY(!minimizedBox->isEnabled());

    const QString entry = appInstance.autostart().location();
    QVERIFY(entry.startsWith(m_home.path()));
    toggle(app.window, loginBox);
    QTRY_VERIFY(QFile::exists(entry));
    QVERIFY(appInstance.startAtLogin());
    QVERIFY(loginBox->property("checked").toBool());
    QTRY_VERIFY(minimizedBox->isEnabled());

    const auto execLine = [&] {
        QFile file(entry);
        return file.open(QIODevice::ReadOnly)
                   ? QString::fromUtf8(file.readAll()).section(u"Exec="_qs, 1).section(u'\n', 0, 0)
                   : QString();
    };
    QVERIFY(!execLine().contains(u"--minimized"_qs));
    toggle(app.window, minimizedBox);
    QTRY_VERIFY(execLine().endsWith(u" --minimized"_qs));
    QTRY_VERIFY(QSettings().value(QStringLiteral("startMinimized")).toBool());

    toggle(app.window, loginBox);
    QTRY_VERIFY(!QFile::exists(entry));
    QVERIFY(!loginBox->property("checked").toBool());
    // The preference stays for next time.
    QVERIFY(QSettings().value(QStringLiteral("startMinimized")).toBool());
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

void TestDesktopApp::accountsServerAsksForAPasswordAndLogsInWithTheKeyboard()
{
    QTemporaryDir dataDir;
    TestServer server([&](ServerConfig &config) {
        config.auth = ServerConfig::Auth::Accounts;
        config.dataDir = dataDir.path();
    });
    QSettings().clear();
    AppInstance appInstance;
    LoadedApp app(&appInstance);
    QVERIFY(app.client);
    app.client->setOutboxPath(m_dir.filePath(QStringLiteral("accounts-outbox.json")));
    QVERIFY(QTest::qWaitForWindowExposed(app.window));
    app.window->requestActivate();

    // Address, Tab, name, Enter: the server has accounts, so the password field appears and takes the cursor.
    QTRY_VERIFY(app.window->activeFocusItem());
    typeText(app.window, QStringLiteral("127.0.0.1:%1").arg(server.port()));
    QTest::keyClick(app.window, Qt::Key_Tab);
    typeText(app.window, QStringLiteral("Zoe"));
    QTest::keyClick(app.window, Qt::Key_Return);
    auto *password = findItem(app.window, QStringLiteral("passwordField"));
    QVERIFY(password);
    QTRY_VERIFY(password->isVisible());
    QTRY_VERIFY(password->hasActiveFocus());
    QVERIFY(!findItem(app.window, QStringLiteral("connectButton"))->isVisible());
    // No keychain here: the form says the login will not outlive this run.
    QVERIFY(showsText(app.window->contentItem(), QStringLiteral("until Natter quits")));

    // Zoe has no account yet: a login is refused, inline, and the password is ready to be typed again.
    typeText(app.window, QStringLiteral("zoes password"));
    QTest::keyClick(app.window, Qt::Key_Return);
    QTRY_VERIFY(showsText(app.window->contentItem(), QStringLiteral("Wrong name or password.")));
    QTRY_VERIFY(password->hasActiveFocus());

    // Tab to "Create an account…", Space: the password typed stays, and only needs repeating. A slip is caught.
    QTest::keyClick(app.window, Qt::Key_Tab); // Log in
    QTest::keyClick(app.window, Qt::Key_Tab); // Create an account…
    QTest::keyClick(app.window, Qt::Key_Space);
    auto *confirm = findItem(app.window, QStringLiteral("confirmPasswordField"));
    QVERIFY(confirm);
    QTRY_VERIFY(confirm->isVisible());
    QTRY_VERIFY(confirm->hasActiveFocus());
    typeText(app.window, QStringLiteral("zoes passwork"));
    QTest::keyClick(app.window, Qt::Key_Return);
    QVERIFY(showsText(app.window->contentItem(), QStringLiteral("The two passwords differ.")));
    QCOMPARE(app.client->state(), ChatClient::Disconnected);
    QVERIFY(confirm->hasActiveFocus());
    typeText(app.window, QStringLiteral("zoes password")); // replaces the selected slip
    QTest::keyClick(app.window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(app.client->state(), ChatClient::Connected, 10000);
    QTRY_VERIFY(findItem(app.window, QStringLiteral("chatScreen")));
    QCOMPARE(app.client->userName(), QStringLiteral("Zoe"));
    QTRY_VERIFY(showsText(app.window->contentItem(), QStringLiteral("until Natter quits"))); // under the name

    // Server → Sign out: back to the password, which logs in again with Enter.
    auto *signOut = app.window->findChild<QObject *>(QStringLiteral("signOutItem"));
    QVERIFY(signOut);
    QVERIFY(signOut->property("enabled").toBool());
    QVERIFY(QMetaObject::invokeMethod(signOut, "triggered"));
    QCOMPARE(app.client->state(), ChatClient::Disconnected);
    QVERIFY(!app.client->signedIn());
    password = findItem(app.window, QStringLiteral("passwordField"));
    QVERIFY(password);
    QTRY_VERIFY(password->hasActiveFocus());
    typeText(app.window, QStringLiteral("zoes password"));
    QTest::keyClick(app.window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(app.client->state(), ChatClient::Connected, 10000);
    QCOMPARE(QSettings().value(QStringLiteral("lastUser")).toString(), QStringLiteral("Zoe"));
}

void TestDesktopApp::directMessagesAndInvitationsFromTheWindow()
{
    QTemporaryDir dataDir;
    TestServer server([&](ServerConfig &config) {
        config.auth = ServerConfig::Auth::Accounts;
        config.dataDir = dataDir.path();
    });
    // Bob is online, from a script.
    HttpClient http;
    const QByteArray bobsCredentials =
        QJsonDocument(QJsonObject{{QStringLiteral("user"), QStringLiteral("Bob")},
                                  {QStringLiteral("password"), QStringLiteral("bobs password")}})
            .toJson(QJsonDocument::Compact);
    http.post(server.httpUrl(QStringLiteral("/api/register")), bobsCredentials);
    const QString bobsToken = http.post(server.httpUrl(QStringLiteral("/api/login")), bobsCredentials)
                                  .json()
                                  .object()
                                  .value(QStringLiteral("token"))
                                  .toString();
    TestClient bob(server.webSocketUrl(QStringLiteral("token=") + bobsToken));
    QVERIFY(bob.waitConnected());
    QVERIFY(!bob.waitForType(QStringLiteral("welcome")).isEmpty());

    QSettings().clear();
    AppInstance appInstance;
    LoadedApp app(&appInstance);
    QVERIFY(app.client);
    app.client->setOutboxPath(m_dir.filePath(QStringLiteral("direct-outbox.json")));
    QVERIFY(QTest::qWaitForWindowExposed(app.window));
    app.window->requestActivate();
    QVERIFY(app.client->createAccount(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Zoe"),
                                      QStringLiteral("zoes password")));
    QTRY_COMPARE_WITH_TIMEOUT(app.client->state(), ChatClient::Connected, 10000);
    QTRY_VERIFY(findItem(app.window, QStringLiteral("chatScreen")));
    auto *sidebar = findItem(app.window, QStringLiteral("roomSidebar"));
    QVERIFY(sidebar);

    // "+" → New direct message…: the picker lists Bob; typing narrows it, Enter opens the conversation.
    auto *add = findItem(app.window, QStringLiteral("addButton"));
    QVERIFY(add);
    click(app.window, add);
    auto *newMessage = findItem(app.window, QStringLiteral("newMessageItem"));
    QVERIFY(newMessage);
    QTRY_VERIFY(newMessage->isVisible());
    click(app.window, newMessage);
    auto *people = findItem(app.window, QStringLiteral("peopleList"));
    QVERIFY(people);
    QTRY_VERIFY(people->isVisible());
    QTRY_COMPARE(people->property("count").toInt(), 1);
    QTRY_VERIFY(findItem(app.window, QStringLiteral("peopleFilter"))->hasActiveFocus());
    typeText(app.window, QStringLiteral("bo"));
    QTest::keyClick(app.window, Qt::Key_Return);
    QTRY_VERIFY(app.client->currentRoom().startsWith(QLatin1Char('@')));
    QTRY_VERIFY(!people->isVisible());
    // Under its own heading, by Bob's name; Bob hears of it.
    QTRY_VERIFY(showsText(sidebar, QStringLiteral("Direct messages")));
    QVERIFY(showsText(sidebar, QStringLiteral("Bob")));
    QVERIFY(app.window->title().startsWith(QStringLiteral("Bob – ")));
    QCOMPARE(bob.waitForType(QStringLiteral("direct_opened")).value(QLatin1String("peer")).toString(),
             QStringLiteral("Zoe"));

    // Bob invites Zoe to his group: the invitation waits in the sidebar; Accept takes her there.
    QVERIFY(!bob.waitForReply(bob.request({{QStringLiteral("type"), QStringLiteral("create_group")},
                                           {QStringLiteral("room"), QStringLiteral("club")}}))
                 .isEmpty());
    QVERIFY(!bob.waitForReply(bob.request({{QStringLiteral("type"), QStringLiteral("invite")},
                                           {QStringLiteral("room"), QStringLiteral("club")},
                                           {QStringLiteral("user"), QStringLiteral("Zoe")}}))
                 .isEmpty());
    QTRY_VERIFY(findDescendant(sidebar, QStringLiteral("invitation_club")));
    auto *invitation = findDescendant(sidebar, QStringLiteral("invitation_club"));
    QVERIFY(showsText(invitation, QStringLiteral("Bob invited you")));
    auto *accept = findDescendant(invitation, QStringLiteral("acceptInvitation"));
    QVERIFY(accept);
    QTRY_VERIFY(accept->width() > 0);
    click(app.window, accept);
    QTRY_COMPARE(app.client->currentRoom(), QStringLiteral("club"));
    QTRY_VERIFY(!findDescendant(sidebar, QStringLiteral("invitation_club")));
    QVERIFY(showsText(sidebar, QStringLiteral("Groups")));
}

void TestDesktopApp::untrustedCertificateAsksAndTrustingConnects()
{
    TestCertificates certificates;
    const auto made = certificates.selfSigned(QStringLiteral("lan-server"));
    QVERIFY2(made.isValid(), qPrintable(certificates.error()));
    TestServer server([&](ServerConfig &config) {
        config.tlsCertificateFile = made.certificateFile;
        config.tlsKeyFile = made.keyFile;
    });
    QVERIFY(server.isRunning());
    QSettings().clear();
    AppInstance appInstance;
    LoadedApp app(&appInstance);
    QVERIFY(app.client);
    app.client->setOutboxPath(m_dir.filePath(QStringLiteral("tls-outbox.json")));
    QVERIFY(QTest::qWaitForWindowExposed(app.window));
    auto *dialog = app.window->findChild<QObject *>(QStringLiteral("certificateDialog"));
    QVERIFY(dialog);

    // Connecting to a self-signed server: the dialog shows its fingerprint, and nothing connects meanwhile.
    const auto connectWithTheKeyboard = [&] {
        auto *addressField = findItem(app.window, QStringLiteral("addressField"));
        QVERIFY(addressField);
        addressField->setProperty("text", QStringLiteral("wss://127.0.0.1:%1").arg(server.port()));
        addressField->forceActiveFocus();
        QTest::keyClick(app.window, Qt::Key_Tab);
        typeText(app.window, QStringLiteral("Tess"));
        QTest::keyClick(app.window, Qt::Key_Return);
    };
    connectWithTheKeyboard();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->property("opened").toBool(), 10000);
    QCOMPARE(app.client->state(), ChatClient::Disconnected);
    auto *fingerprint = findItem(app.window, QStringLiteral("certificateFingerprint"));
    QVERIFY(fingerprint);
    QCOMPARE(fingerprint->property("text").toString(), sha256Fingerprint(made.certificate));

    // Esc (Cancel): nothing trusted, the connect screen says why it is not connected.
    QTest::keyClick(app.window, Qt::Key_Escape);
    QTRY_VERIFY(!dialog->property("visible").toBool());
    QVERIFY(app.client->certificateProblem().isEmpty());
    QTRY_VERIFY(showsText(app.window->contentItem(), QStringLiteral("not trusted")));
    QCOMPARE(app.client->state(), ChatClient::Disconnected);

    // Again, and this time trust it: connected, and the certificate is pinned for this server.
    auto *nameField = findItem(app.window, QStringLiteral("nameField"));
    QVERIFY(nameField);
    nameField->setProperty("text", QString());
    connectWithTheKeyboard();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->property("opened").toBool(), 10000);
    auto *trust = findItem(app.window, QStringLiteral("trustCertificateButton"));
    QVERIFY(trust);
    click(app.window, trust);
    QTRY_COMPARE_WITH_TIMEOUT(app.client->state(), ChatClient::Connected, 10000);
    QTRY_VERIFY(!dialog->property("visible").toBool());
    QCOMPARE(app.client->userName(), QStringLiteral("Tess"));
}

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
