// ChatClient against a real in-process server on port 0: what the app's models end up showing.
#include "chatclient.h"
#include "httpclient.h"
#include "protocol.h"
#include "tcpproxy.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace natter;

namespace {

QStringList contents(MessageModel *model)
{
    QStringList result;
    for (const auto &entry : model->entries())
        result.append(entry.message.content);
    return result;
}

QList<quint64> seqs(MessageModel *model)
{
    QList<quint64> result;
    for (const auto &entry : model->entries())
        result.append(entry.message.seq);
    return result;
}

} // namespace

class TestChatClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void connectsAndLandsInGeneral();
    void refusesBadAddressOrName();
    void nameInUseElsewhereStopsWithAClearError();
    void sendShowsPendingThenConfirmed();
    void receivesOthersMessagesAndCountsUnread();
    void joinAndLeaveRooms();
    void presenceAndMemberCounts();
    void typingIndicatorComesAndGoes();
    void historyPagesLoadOlderMessages();
    void serverErrorsShowInTheRoom();
    void refusalsAreExplainedInTheAppsWords();
    void reconnectResumesWithoutLossOrDuplicates();
    void outboxWaitsForTheConnectionAndSurvivesRestart();
    void reconnectAfterServerRestart();
    void backoffGrowsAndRetryNowSkipsTheWait();
    void serverRoomListFromRest();

private:
    std::unique_ptr<ChatClient> makeClient();
    QTemporaryDir m_dir;
};

void TestChatClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_chatclient"));
}

void TestChatClient::init()
{
    // Each test starts with no remembered rooms and no outbox.
    QSettings().clear();
    QFile::remove(m_dir.filePath(QStringLiteral("outbox.json")));
}

std::unique_ptr<ChatClient> TestChatClient::makeClient()
{
    auto client = std::make_unique<ChatClient>();
    client->setOutboxPath(m_dir.filePath(QStringLiteral("outbox.json")));
    client->setReconnectBaseMs(50);
    return client;
}

void TestChatClient::connectsAndLandsInGeneral()
{
    TestServer server;
    auto client = makeClient();
    new QAbstractItemModelTester(client->rooms(), QAbstractItemModelTester::FailureReportingMode::QtTest, client.get());
    QSignalSpy stateChanges(client.get(), &ChatClient::stateChanged);
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alice")));
    QCOMPARE(client->state(), ChatClient::Connecting);
    QTRY_COMPARE(client->state(), ChatClient::Connected);
    QCOMPARE(client->serverName(), QStringLiteral("test server"));
    QCOMPARE(client->currentRoom(), QStringLiteral("general"));
    QCOMPARE(client->rooms()->names(), QStringList{QStringLiteral("general")});
    QTRY_COMPARE(client->members()->members(), QStringList{QStringLiteral("Alice")});
    QVERIFY(stateChanges.size() >= 2);
}

void TestChatClient::nameInUseElsewhereStopsWithAClearError()
{
    TestServer server;
    // Someone on another computer (another loopback address) is online as Alice.
    QTcpSocket holder;
    QVERIFY(holder.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
    holder.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(holder.waitForConnected());
    holder.write("GET /ws?room=general&user=Alice HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray answer;
    QVERIFY(QTest::qWaitFor([&] {
        answer += holder.readAll();
        return answer.contains("\r\n\r\n");
    }));
    QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());

    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("alice")));
    QTRY_COMPARE(client->state(), ChatClient::Disconnected);
    QVERIFY2(client->connectionError().contains(QStringLiteral("already in use")),
             qPrintable(client->connectionError()));
    // It does not keep knocking: the same name would be refused again.
    QVERIFY(!QTest::qWaitFor([&] { return client->state() != ChatClient::Disconnected; }, 1500));

    // Another name gets in.
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alicia")));
    QTRY_COMPARE(client->state(), ChatClient::Connected);
    QVERIFY(client->connectionError().isEmpty());
}

void TestChatClient::refusesBadAddressOrName()
{
    auto client = makeClient();
    QVERIFY(!client->connectToServer(QStringLiteral("ftp://example.org"), QStringLiteral("Alice")));
    QVERIFY(!client->connectionError().isEmpty());
    QVERIFY(!client->connectToServer(QStringLiteral("127.0.0.1:8082"), QStringLiteral("   ")));
    QCOMPARE(client->state(), ChatClient::Disconnected);
    // Nobody listens here: the client keeps trying, with the reason shown.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("Alice")));
    QTRY_COMPARE(client->state(), ChatClient::Reconnecting);
    QVERIFY(!client->connectionError().isEmpty());
}

void TestChatClient::sendShowsPendingThenConfirmed()
{
    TestServer server;
    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alice")));
    QTRY_COMPARE(client->state(), ChatClient::Connected);
    MessageModel *messages = client->messages();
    new QAbstractItemModelTester(messages, QAbstractItemModelTester::FailureReportingMode::QtTest, messages);
    QTRY_VERIFY(client->members()->count() == 1); // joined

    QVERIFY(client->sendMessage(QStringLiteral("general"), QStringLiteral("Hello everyone\n")));
    QCOMPARE(messages->count(), 1);
    QCOMPARE(messages->entries().constFirst().message.content, QStringLiteral("Hello everyone"));
    QTRY_VERIFY(!messages->entries().constFirst().pending);
    QCOMPARE(messages->entries().constFirst().message.seq, 1u);
    QCOMPARE(messages->count(), 1);
    QCOMPARE(client->pendingCount(), 0);
    QVERIFY(messages->data(messages->index(0), MessageModel::OwnRole).toBool());
    QVERIFY(!client->sendMessage(QStringLiteral("general"), QStringLiteral("   ")));
}

void TestChatClient::receivesOthersMessagesAndCountsUnread()
{
    TestServer server;
    auto client = makeClient();
    QSignalSpy arrived(client.get(), &ChatClient::messageArrived);
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alice")));
    QVERIFY(client->joinRoom(QStringLiteral("side")));
    client->setCurrentRoom(QStringLiteral("general"));
    QTRY_COMPARE(client->state(), ChatClient::Connected);
    QTRY_COMPARE(client->membersOf(QStringLiteral("side"))->count(), 1);

    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!bob->join(QStringLiteral("side")).isEmpty());
    QVERIFY(!bob->send(QStringLiteral("general"), QStringLiteral("seen at once")).isEmpty());
    QVERIFY(!bob->send(QStringLiteral("side"), QStringLiteral("in the other room")).isEmpty());
    QTRY_COMPARE(arrived.size(), 2);
    QCOMPARE(arrived.at(0).at(1).toString(), QStringLiteral("Bob"));
    QCOMPARE(contents(client->messagesOf(QStringLiteral("general"))), QStringList{QStringLiteral("seen at once")});
    // Only the room not on screen counts as unread.
    QCOMPARE(client->rooms()->unread(QStringLiteral("general")), 0);
    QCOMPARE(client->rooms()->unread(QStringLiteral("side")), 1);
    QCOMPARE(client->rooms()->totalUnread(), 1);
    client->setCurrentRoom(QStringLiteral("side"));
    QCOMPARE(client->rooms()->totalUnread(), 0);

    // With the window in the background, even the current room collects unread messages.
    client->setViewActive(false);
    QVERIFY(!bob->send(QStringLiteral("side"), QStringLiteral("while away")).isEmpty());
    QTRY_COMPARE(client->rooms()->unread(QStringLiteral("side")), 1);
    client->setViewActive(true);
    QCOMPARE(client->rooms()->unread(QStringLiteral("side")), 0);
}

void TestChatClient::joinAndLeaveRooms()
{
    TestServer server;
    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alice")));
    QTRY_COMPARE(client->state(), ChatClient::Connected);
    QVERIFY(!client->joinRoom(QStringLiteral("no spaces")));
    QVERIFY(client->joinRoom(QStringLiteral("books")));
    QCOMPARE(client->currentRoom(), QStringLiteral("books"));
    QCOMPARE(client->rooms()->names(), (QStringList{QStringLiteral("books"), QStringLiteral("general")}));
    HttpClient http;
    QTRY_COMPARE(http.get(server.httpUrl(QStringLiteral("/api/rooms/books/members"))).json().array().size(), 1);
    client->leaveRoom(QStringLiteral("books"));
    QCOMPARE(client->currentRoom(), QStringLiteral("general"));
    QTRY_COMPARE(http.get(server.httpUrl(QStringLiteral("/api/rooms/books/members"))).json().array().size(), 0);

    // The joined rooms are remembered for the next start.
    QVERIFY(client->joinRoom(QStringLiteral("games")));
    client.reset();
    auto again = makeClient();
    QVERIFY(again->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alice")));
    QCOMPARE(again->rooms()->names(), (QStringList{QStringLiteral("games"), QStringLiteral("general")}));
}

void TestChatClient::presenceAndMemberCounts()
{
    TestServer server;
    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alice")));
    MemberModel *members = client->members();
    new QAbstractItemModelTester(members, QAbstractItemModelTester::FailureReportingMode::QtTest, members);
    QTRY_COMPARE(members->count(), 1);
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("bob"));
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    QTRY_COMPARE(members->members(), (QStringList{QStringLiteral("Alice"), QStringLiteral("bob")}));
    QCOMPARE(client->rooms()->data(client->rooms()->index(0), RoomListModel::MemberCountRole).toInt(), 2);
    bob.reset();
    QTRY_COMPARE(members->members(), QStringList{QStringLiteral("Alice")});
    QCOMPARE(client->rooms()->data(client->rooms()->index(0), RoomListModel::MemberCountRole).toInt(), 1);
}

void TestChatClient::typingIndicatorComesAndGoes()
{
    TestServer server;
    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alice")));
    QTRY_COMPARE(client->members()->count(), 1);
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    bob->sendJson(
        {{QStringLiteral("type"), QStringLiteral("typing")}, {QStringLiteral("room"), QStringLiteral("general")}});
    QTRY_COMPARE(client->typingUsers(), QStringList{QStringLiteral("Bob")});
    bob->sendJson({{QStringLiteral("type"), QStringLiteral("typing")},
                   {QStringLiteral("room"), QStringLiteral("general")},
                   {QStringLiteral("active"), false}});
    QTRY_COMPARE(client->typingUsers(), QStringList());

    // Our own typing reaches Bob, and stops by itself after a pause.
    client->userTyping(QStringLiteral("general"));
    const auto started = bob->waitForType(QStringLiteral("typing"));
    QCOMPARE(started.value(QLatin1String("user")).toString(), QStringLiteral("Alice"));
    QVERIFY(bob->waitFor(
                   [](const QJsonObject &frame) {
                       return frame.value(QLatin1String("type")).toString() == QLatin1String("typing") &&
                              !frame.value(QLatin1String("active")).toBool();
                   },
                   10000)
                .value(QLatin1String("user"))
                .toString() == QStringLiteral("Alice"));
}

void TestChatClient::historyPagesLoadOlderMessages()
{
    TestServer server;
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    for (int i = 1; i <= 80; ++i)
        bob->sendJson({{QStringLiteral("type"), QStringLiteral("send")},
                       {QStringLiteral("room"), QStringLiteral("general")},
                       {QStringLiteral("content"), QStringLiteral("m%1").arg(i)}});
    QVERIFY(bob->waitForCount(QStringLiteral("message"), 80));

    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alice")));
    MessageModel *messages = client->messages();
    new QAbstractItemModelTester(messages, QAbstractItemModelTester::FailureReportingMode::QtTest, messages);
    QTRY_COMPARE(messages->count(), 50);
    QCOMPARE(messages->entries().constFirst().message.seq, 31u);
    QVERIFY(messages->hasOlder());
    client->loadOlder(QStringLiteral("general"));
    QVERIFY(messages->loadingOlder());
    QTRY_COMPARE(messages->count(), 80);
    QVERIFY(!messages->loadingOlder());
    QVERIFY(!messages->hasOlder());
    QList<quint64> expected;
    for (quint64 seq = 1; seq <= 80; ++seq)
        expected.append(seq);
    QCOMPARE(seqs(messages), expected);
}

void TestChatClient::serverErrorsShowInTheRoom()
{
    TestServer server([](ServerConfig &config) { config.maxContentBytes = 20; });
    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alice")));
    QTRY_COMPARE(client->maxContentBytes(), 20);
    QTRY_COMPARE(client->members()->count(), 1);
    // Refused locally with the server's limit, before anything is sent.
    QVERIFY(!client->sendMessage(QStringLiteral("general"), QString(21, QLatin1Char('x'))));
    QVERIFY(client->roomError().contains(QLatin1String("20")));
    client->clearRoomError();
    QVERIFY(client->roomError().isEmpty());
}

void TestChatClient::refusalsAreExplainedInTheAppsWords()
{
    TestServer server([](ServerConfig &config) { config.maxRoomsPerConnection = 1; });
    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alice")));
    QTRY_COMPARE(client->members()->count(), 1); // in general: the one room this server allows
    QVERIFY(client->joinRoom(QStringLiteral("side")));
    QCOMPARE(client->currentRoom(), QStringLiteral("side"));
    // TOO_MANY_ROOMS: the app's own (translatable) text rather than the server's English.
    QTRY_COMPARE(client->roomError(),
                 QStringLiteral("You are in as many rooms as this server allows. Leave one first."));
}

void TestChatClient::reconnectResumesWithoutLossOrDuplicates()
{
    TestServer server;
    TcpProxy proxy(server.port());
    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(proxy.port()), QStringLiteral("Alice")));
    QTRY_COMPARE(client->state(), ChatClient::Connected);
    MessageModel *messages = client->messagesOf(QStringLiteral("general"));
    new QAbstractItemModelTester(messages, QAbstractItemModelTester::FailureReportingMode::QtTest, messages);
    QTRY_COMPARE(client->members()->count(), 1);

    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    QStringList expected;
    auto post = [&](const QString &text) {
        QVERIFY(!bob->send(QStringLiteral("general"), text).isEmpty());
        expected.append(text);
    };
    for (int i = 1; i <= 5; ++i)
        post(QStringLiteral("before %1").arg(i));
    QTRY_COMPARE(messages->count(), 5);

    // The network drops the connection; Bob keeps talking while Alice is away.
    proxy.setRefusing(true);
    proxy.cutAll();
    QTRY_VERIFY(client->state() != ChatClient::Connected);
    for (int i = 1; i <= 7; ++i)
        post(QStringLiteral("while away %1").arg(i));
    // Alice writes while offline: it waits in the outbox, shown as pending.
    QVERIFY(client->sendMessage(QStringLiteral("general"), QStringLiteral("typed offline")));
    QCOMPARE(client->pendingCount(), 1);
    QVERIFY(messages->entries().constLast().pending);

    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    expected.append(QStringLiteral("typed offline"));
    for (int i = 1; i <= 3; ++i)
        post(QStringLiteral("after %1").arg(i));
    QTRY_COMPARE(messages->count(), expected.size());
    QTRY_COMPARE(client->pendingCount(), 0);
    // Every message exactly once, in seq order, none pending.
    QList<quint64> expectedSeqs;
    for (quint64 seq = 1; seq <= quint64(expected.size()); ++seq)
        expectedSeqs.append(seq);
    QTRY_COMPARE(seqs(messages), expectedSeqs);
    const QStringList shown = contents(messages);
    QCOMPARE(shown.size(), expected.size());
    QCOMPARE(QSet<QString>(shown.cbegin(), shown.cend()), QSet<QString>(expected.cbegin(), expected.cend()));
    // The offline message reached the server once.
    HttpClient http;
    const auto history = http.get(server.httpUrl(QStringLiteral("/api/rooms/general/messages"))).json().array();
    QCOMPARE(history.size(), expected.size());
    int offline = 0;
    for (const auto &item : history)
        offline += item.toObject().value(QLatin1String("content")).toString() == QLatin1String("typed offline");
    QCOMPARE(offline, 1);
}

void TestChatClient::outboxWaitsForTheConnectionAndSurvivesRestart()
{
    // Written while the server cannot be reached, then the app is closed.
    QTcpServer placeholder;
    QVERIFY(placeholder.listen(QHostAddress::LocalHost, 0));
    const quint16 port = placeholder.serverPort();
    placeholder.close();
    {
        auto client = makeClient();
        QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("Alice")));
        QVERIFY(client->sendMessage(QStringLiteral("general"), QStringLiteral("first")));
        QVERIFY(client->sendMessage(QStringLiteral("general"), QStringLiteral("second")));
        QCOMPARE(client->pendingCount(), 2);
    }
    // The server is up on that port now; the app starts again.
    TestServer server([port](ServerConfig &config) { config.port = port; });
    QVERIFY(server.isRunning());
    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("Alice")));
    QCOMPARE(client->pendingCount(), 2);
    QCOMPARE(contents(client->messages()), (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
    QTRY_COMPARE(client->pendingCount(), 0);
    QTRY_COMPARE(seqs(client->messages()), (QList<quint64>{1, 2}));
    QCOMPARE(contents(client->messages()), (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
    HttpClient http;
    QCOMPARE(http.get(server.httpUrl(QStringLiteral("/api/rooms/general/messages"))).json().array().size(), 2);
}

void TestChatClient::reconnectAfterServerRestart()
{
    auto server = std::make_unique<TestServer>();
    const quint16 port = server->port();
    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("Alice")));
    QTRY_COMPARE(client->members()->count(), 1);
    QVERIFY(client->sendMessage(QStringLiteral("general"), QStringLiteral("before the restart")));
    QTRY_COMPARE(client->pendingCount(), 0);

    server.reset(); // clients see 1001
    QTRY_COMPARE(client->state(), ChatClient::Reconnecting);
    QVERIFY(client->sendMessage(QStringLiteral("general"), QStringLiteral("while it was down")));
    server = std::make_unique<TestServer>([port](ServerConfig &config) { config.port = port; });
    QVERIFY(server->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    QTRY_COMPARE(client->pendingCount(), 0);
    // This server keeps history in memory only: the room starts afresh and the view follows it.
    auto bob = TestClient::typed(server->webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!bob->send(QStringLiteral("general"), QStringLiteral("hello again")).isEmpty());
    QTRY_COMPARE(contents(client->messages()),
                 (QStringList{QStringLiteral("while it was down"), QStringLiteral("hello again")}));
    QCOMPARE(seqs(client->messages()), (QList<quint64>{1, 2}));
}

void TestChatClient::backoffGrowsAndRetryNowSkipsTheWait()
{
    QTcpServer placeholder;
    QVERIFY(placeholder.listen(QHostAddress::LocalHost, 0));
    const quint16 port = placeholder.serverPort();
    placeholder.close();
    auto client = makeClient();
    client->setReconnectBaseMs(1000);
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("Alice")));
    QTRY_COMPARE(client->state(), ChatClient::Reconnecting);
    const int first = client->reconnectSeconds();
    QVERIFY(first >= 1 && first <= 2);
    client->retryNow();
    QTRY_COMPARE(client->state(), ChatClient::Reconnecting);
    QVERIFY(client->reconnectSeconds() >= 2); // doubled (with jitter)
    TestServer server([port](ServerConfig &config) { config.port = port; });
    client->retryNow();
    QTRY_COMPARE(client->state(), ChatClient::Connected);
}

void TestChatClient::serverRoomListFromRest()
{
    TestServer server;
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!bob->join(QStringLiteral("lobby")).isEmpty());
    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("Alice")));
    QTRY_COMPARE(client->state(), ChatClient::Connected);
    client->refreshServerRooms();
    QTRY_COMPARE(client->serverRooms().size(), 2);
    QCOMPARE(client->serverRooms().at(1).toMap().value(QStringLiteral("name")).toString(), QStringLiteral("lobby"));
}

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
