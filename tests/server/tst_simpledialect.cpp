// The seed-compatible dialect: /ws?room=R&user=U, {"content": "..."} in, the seed's message shape out.
#include "protocol.h"
#include "rawclient.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace natter;
namespace field = protocol::field;
namespace type = protocol::type;

class TestSimpleDialect : public QObject
{
    Q_OBJECT

private slots:
    void broadcastsToEveryMemberSenderIncluded();
    void plainTextBecomesContent();
    void clientFieldsAreIgnored();
    void missingRoomOrUserIsRefusedBeforeUpgrade_data();
    void missingRoomOrUserIsRefusedBeforeUpgrade();
    void simpleAndTypedClientsShareARoom();
    void seedClientsGetOnlyMessages();
    void roomsAreSeparate();
    void errorsDoNotCloseTheConnection();
};

void TestSimpleDialect::broadcastsToEveryMemberSenderIncluded()
{
    TestServer server;
    auto alice = TestClient::simple(server.webSocketUrl(), QStringLiteral("general"), QStringLiteral("Alice"));
    auto bob = TestClient::simple(server.webSocketUrl(), QStringLiteral("general"), QStringLiteral("Bob"));
    // Bob's join is processed by the room before Alice's post only once Bob's connection is registered:
    // a typed probe in the room confirms both are members.
    auto probe = TestClient::typed(server.webSocketUrl(), QStringLiteral("probe"));
    const auto joined = probe->join(QStringLiteral("general"));
    QCOMPARE(joined.value(field::members).toArray().size(), 3);

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    alice->sendText(QStringLiteral(R"({"content":"Hello"})"));
    for (auto *client : {alice.get(), bob.get()}) {
        const auto message = client->waitForType(type::message);
        QCOMPARE(message.value(field::user).toString(), QStringLiteral("Alice"));
        QCOMPARE(message.value(field::room).toString(), QStringLiteral("general"));
        QCOMPARE(message.value(field::content).toString(), QStringLiteral("Hello"));
        const qint64 timestamp = message.value(field::timestamp).toInteger();
        QVERIFY(timestamp >= before && timestamp <= QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(message.value(field::seq).toInt(), 1);
        QVERIFY(!message.value(field::id).toString().isEmpty());
    }
}

void TestSimpleDialect::plainTextBecomesContent()
{
    TestServer server;
    auto alice = TestClient::simple(server.webSocketUrl(), QStringLiteral("general"), QStringLiteral("Alice"));
    alice->sendText(QStringLiteral("just words, no JSON"));
    QCOMPARE(alice->waitForType(type::message).value(field::content).toString(), QStringLiteral("just words, no JSON"));
    alice->clearFrames();
    // JSON that is not an object is text too.
    alice->sendText(QStringLiteral("[1, 2, 3]"));
    QCOMPARE(alice->waitForType(type::message).value(field::content).toString(), QStringLiteral("[1, 2, 3]"));
}

void TestSimpleDialect::clientFieldsAreIgnored()
{
    TestServer server;
    auto alice = TestClient::simple(server.webSocketUrl(), QStringLiteral("general"), QStringLiteral("Alice"));
    alice->sendText(QStringLiteral(R"({"content":"hi","user":"Mallory","room":"secret","timestamp":1})"));
    const auto message = alice->waitForType(type::message);
    QCOMPARE(message.value(field::user).toString(), QStringLiteral("Alice"));
    QCOMPARE(message.value(field::room).toString(), QStringLiteral("general"));
    QVERIFY(message.value(field::timestamp).toInteger() > 1);
}

void TestSimpleDialect::missingRoomOrUserIsRefusedBeforeUpgrade_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addRow("no user") << QByteArray("/ws?room=general") << 400;
    QTest::addRow("empty user") << QByteArray("/ws?room=general&user=") << 400;
    QTest::addRow("empty room") << QByteArray("/ws?room=&user=Alice") << 400;
    QTest::addRow("bad room") << QByteArray("/ws?room=a%2Fb&user=Alice") << 400;
    QTest::addRow("NUL in room") << QByteArray("/ws?room=a%00b&user=Alice") << 400;
    QTest::addRow("bad user") << QByteArray("/ws?room=general&user=%20Alice") << 400;
    QTest::addRow("bad escape") << QByteArray("/ws?room=gen%ZZ&user=Alice") << 400;
}

void TestSimpleDialect::missingRoomOrUserIsRefusedBeforeUpgrade()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    TestServer server;
    RawClient raw;
    const QByteArray head = raw.upgrade(server.port(), target);
    const QByteArray statusLine = "HTTP/1.1 " + QByteArray::number(status);
    QVERIFY2(head.startsWith(statusLine), head.constData());
    QVERIFY(head.contains("Content-Type: application/json"));
}

void TestSimpleDialect::simpleAndTypedClientsShareARoom()
{
    TestServer server;
    auto seed = TestClient::simple(server.webSocketUrl(), QStringLiteral("lobby"), QStringLiteral("Seed"));
    auto app = TestClient::typed(server.webSocketUrl(), QStringLiteral("App"));
    const auto joined = app->join(QStringLiteral("lobby"));
    QCOMPARE(joined.value(field::members).toArray(), (QJsonArray{QStringLiteral("App"), QStringLiteral("Seed")}));

    seed->sendText(QStringLiteral(R"({"content":"from the seed client"})"));
    auto message = app->waitForType(type::message);
    QCOMPARE(message.value(field::user).toString(), QStringLiteral("Seed"));
    QCOMPARE(message.value(field::content).toString(), QStringLiteral("from the seed client"));

    QVERIFY(!app->send(QStringLiteral("lobby"), QStringLiteral("from the app")).isEmpty());
    QVERIFY(seed->waitForCount(type::message, 2));
    message = seed->framesOfType(type::message).constLast();
    QCOMPARE(message.value(field::user).toString(), QStringLiteral("App"));
    QCOMPARE(message.value(field::content).toString(), QStringLiteral("from the app"));
    QCOMPARE(message.value(field::seq).toInt(), 2);
}

void TestSimpleDialect::seedClientsGetOnlyMessages()
{
    TestServer server;
    auto seed = TestClient::simple(server.webSocketUrl(), QStringLiteral("general"), QStringLiteral("Seed"));
    auto app = TestClient::typed(server.webSocketUrl(), QStringLiteral("App"));
    QVERIFY(!app->join(QStringLiteral("general")).isEmpty());
    app->sendJson({{field::type, type::typing}, {field::room, QStringLiteral("general")}});
    QVERIFY(!app->send(QStringLiteral("general"), QStringLiteral("only this")).isEmpty());
    QVERIFY(seed->waitForCount(type::message, 1));
    // Presence and typing went to typed members only; the seed client saw exactly one frame.
    QCOMPARE(seed->frames().size(), 1);
}

void TestSimpleDialect::roomsAreSeparate()
{
    TestServer server;
    auto one = TestClient::simple(server.webSocketUrl(), QStringLiteral("one"), QStringLiteral("A"));
    auto two = TestClient::simple(server.webSocketUrl(), QStringLiteral("two"), QStringLiteral("B"));
    one->sendText(QStringLiteral("in one"));
    two->sendText(QStringLiteral("in two"));
    QCOMPARE(one->waitForType(type::message).value(field::content).toString(), QStringLiteral("in one"));
    QCOMPARE(two->waitForType(type::message).value(field::content).toString(), QStringLiteral("in two"));
    QCOMPARE(one->framesOfType(type::message).size(), 1);
    QCOMPARE(two->framesOfType(type::message).size(), 1);
}

void TestSimpleDialect::errorsDoNotCloseTheConnection()
{
    TestServer server([](ServerConfig &config) { config.maxContentBytes = 10; });
    auto seed = TestClient::simple(server.webSocketUrl(), QStringLiteral("general"), QStringLiteral("Seed"));
    seed->sendText(QStringLiteral(R"({"content":42})"));
    QCOMPARE(seed->waitForType(type::error).value(field::code).toString(), QStringLiteral("INVALID_PAYLOAD"));
    seed->clearFrames();
    seed->sendText(QStringLiteral("this is longer than ten bytes"));
    QCOMPARE(seed->waitForType(type::error).value(field::code).toString(), QStringLiteral("MESSAGE_TOO_LARGE"));
    seed->sendText(QStringLiteral("short"));
    QCOMPARE(seed->waitForType(type::message).value(field::content).toString(), QStringLiteral("short"));
}

QTEST_GUILESS_MAIN(TestSimpleDialect)
#include "tst_simpledialect.moc"
