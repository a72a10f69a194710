// The typed dialect end to end: real QWebSocket clients against a real server on port 0.
#include "protocol.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace natter;
namespace type = protocol::type;
namespace field = protocol::field;

class TestTypedProtocol : public QObject
{
    Q_OBJECT

private slots:
    void welcomeCarriesUserAndLimits();
    void helloIdentifiesLater();
    void requestsBeforeHelloAreRefused();
    void joinListsMembersAndAnnouncesPresence();
    void joinReplaysLastN();
    void leaveAnnouncesAndStopsDelivery();
    void sendIsAcknowledgedAndBroadcast();
    void seqGrowsByOnePerRoom();
    void repeatedClientIdIsAcknowledgedNotPostedTwice();
    void resumeSinceSeqHasNoGapAndNoDuplicate();
    void resumeBeyondRingSaysIncomplete();
    void typingIsRelayedToOthersOnly();
    void historyPagesBackwards();
    void pingGetsPong();
    void oneConnectionInSeveralRooms();
    void errorCodes_data();
    void errorCodes();
    void tooLargeContentKeepsTheConnection();
    void rateLimitedThenRecovers();
    void roomLimits();
};

void TestTypedProtocol::welcomeCarriesUserAndLimits()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    const auto welcome = alice->waitForType(type::welcome);
    QCOMPARE(welcome.value(field::user).toString(), QStringLiteral("Alice"));
    QCOMPARE(welcome.value(field::server).toString(), QStringLiteral("test server"));
    QCOMPARE(welcome.value(field::protocol).toInt(), protocol::version);
    QCOMPARE(welcome.value(field::limits).toObject().value(field::maxContentBytes).toInt(), 4096);
}

void TestTypedProtocol::helloIdentifiesLater()
{
    TestServer server;
    TestClient client(server.webSocketUrl());
    QVERIFY(client.waitConnected());
    const QString id = client.request({{field::type, type::hello}, {field::user, QStringLiteral("Zoë")}});
    const auto welcome = client.waitForType(type::welcome);
    QCOMPARE(welcome.value(field::user).toString(), QStringLiteral("Zoë"));
    QVERIFY(!client.join(QStringLiteral("general")).isEmpty());

    // A second hello does not rename the connection.
    const QString again = client.request({{field::type, type::hello}, {field::user, QStringLiteral("Mallory")}});
    const auto error = client.waitForReply(again);
    QCOMPARE(error.value(field::code).toString(), QStringLiteral("INVALID_PAYLOAD"));
    Q_UNUSED(id);
}

void TestTypedProtocol::requestsBeforeHelloAreRefused()
{
    TestServer server;
    TestClient client(server.webSocketUrl());
    QVERIFY(client.waitConnected());
    const QString id = client.request({{field::type, type::join}, {field::room, QStringLiteral("general")}});
    const auto error = client.waitForReply(id);
    QCOMPARE(error.value(field::type).toString(), QString(type::error));
    QCOMPARE(error.value(field::code).toString(), QStringLiteral("HELLO_REQUIRED"));
    // Ping needs no identity.
    const QString ping = client.request({{field::type, type::ping}});
    QCOMPARE(client.waitForReply(ping).value(field::type).toString(), QString(type::pong));
}

void TestTypedProtocol::joinListsMembersAndAnnouncesPresence()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    auto joined = alice->join(QStringLiteral("general"));
    QCOMPARE(joined.value(field::room).toString(), QStringLiteral("general"));
    QCOMPARE(joined.value(field::members).toArray(), QJsonArray{QStringLiteral("Alice")});
    QCOMPARE(joined.value(field::lastSeq).toInt(), 0);

    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    joined = bob->join(QStringLiteral("general"));
    QCOMPARE(joined.value(field::members).toArray(), (QJsonArray{QStringLiteral("Alice"), QStringLiteral("Bob")}));
    const auto presence = alice->waitForType(type::memberJoined);
    QCOMPARE(presence.value(field::user).toString(), QStringLiteral("Bob"));
    QCOMPARE(presence.value(field::room).toString(), QStringLiteral("general"));

    // A second connection of the same user is not a new member.
    auto bob2 = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!bob2->join(QStringLiteral("general")).isEmpty());
    bob2->socket().close();
    QVERIFY(bob2->waitDisconnected());
    // Bob still has a connection: only his last one leaving is announced.
    bob->socket().close();
    const auto left = alice->waitForType(type::memberLeft);
    QCOMPARE(left.value(field::user).toString(), QStringLiteral("Bob"));
    QCOMPARE(alice->framesOfType(type::memberJoined).size(), 1);
    QCOMPARE(alice->framesOfType(type::memberLeft).size(), 1);
}

void TestTypedProtocol::joinReplaysLastN()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("room1")).isEmpty());
    for (int i = 1; i <= 5; ++i)
        QVERIFY(!alice->send(QStringLiteral("room1"), QStringLiteral("m%1").arg(i)).isEmpty());

    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    const auto joined = bob->join(QStringLiteral("room1"), {{field::lastN, 3}});
    const auto messages = joined.value(field::messages).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages[0].toObject().value(field::content).toString(), QStringLiteral("m3"));
    QCOMPARE(messages[2].toObject().value(field::content).toString(), QStringLiteral("m5"));
    QCOMPARE(messages[2].toObject().value(field::seq).toInt(), 5);
    QCOMPARE(joined.value(field::lastSeq).toInt(), 5);
    QVERIFY(!joined.contains(field::complete));
}

void TestTypedProtocol::leaveAnnouncesAndStopsDelivery()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());

    const QString id = bob->request({{field::type, type::leave}, {field::room, QStringLiteral("general")}});
    const auto left = bob->waitForReply(id);
    QCOMPARE(left.value(field::type).toString(), QString(type::left));
    QCOMPARE(alice->waitForType(type::memberLeft).value(field::user).toString(), QStringLiteral("Bob"));

    QVERIFY(!alice->send(QStringLiteral("general"), QStringLiteral("anyone?")).isEmpty());
    QVERIFY(alice->waitForCount(type::message, 1));
    // Bob left before the post, so it was never addressed to him; a ping round trip proves the queue is drained.
    const QString ping = bob->request({{field::type, type::ping}});
    QVERIFY(!bob->waitForReply(ping).isEmpty());
    QCOMPARE(bob->framesOfType(type::message).size(), 0);

    // Leaving a room you are not in is an error.
    const QString again = bob->request({{field::type, type::leave}, {field::room, QStringLiteral("general")}});
    QCOMPARE(bob->waitForReply(again).value(field::code).toString(), QStringLiteral("NOT_IN_ROOM"));
}

void TestTypedProtocol::sendIsAcknowledgedAndBroadcast()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const auto ack = alice->send(QStringLiteral("general"), QStringLiteral("Hello Bob"), QStringLiteral("c-1"));
    QCOMPARE(ack.value(field::room).toString(), QStringLiteral("general"));
    QCOMPARE(ack.value(field::seq).toInt(), 1);
    QCOMPARE(ack.value(field::clientId).toString(), QStringLiteral("c-1"));
    QVERIFY(!ack.value(field::id).toString().isEmpty());
    QVERIFY(!ack.contains(field::duplicate));

    for (auto *client : {alice.get(), bob.get()}) {
        const auto message = client->waitForType(type::message);
        QCOMPARE(message.value(field::user).toString(), QStringLiteral("Alice"));
        QCOMPARE(message.value(field::room).toString(), QStringLiteral("general"));
        QCOMPARE(message.value(field::content).toString(), QStringLiteral("Hello Bob"));
        QCOMPARE(message.value(field::seq).toInt(), 1);
        QCOMPARE(message.value(field::id).toString(), ack.value(field::id).toString());
        QVERIFY(message.value(field::timestamp).toInteger() >= before);
    }
    // The ack reaches the sender before its own copy of the message.
    const auto &frames = alice->frames();
    const auto ackIndex = std::find_if(frames.cbegin(), frames.cend(), [](const QJsonObject &f) {
        return f.value(field::type).toString() == type::ack;
    });
    const auto messageIndex = std::find_if(frames.cbegin(), frames.cend(), [](const QJsonObject &f) {
        return f.value(field::type).toString() == type::message;
    });
    QVERIFY(ackIndex < messageIndex);
}

void TestTypedProtocol::seqGrowsByOnePerRoom()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("a")).isEmpty());
    QVERIFY(!alice->join(QStringLiteral("b")).isEmpty());
    for (int i = 1; i <= 4; ++i) {
        QCOMPARE(alice->send(QStringLiteral("a"), QStringLiteral("x")).value(field::seq).toInt(), i);
        if (i % 2 == 0)
            QCOMPARE(alice->send(QStringLiteral("b"), QStringLiteral("y")).value(field::seq).toInt(), i / 2);
    }
}

void TestTypedProtocol::repeatedClientIdIsAcknowledgedNotPostedTwice()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());

    const auto first = alice->send(QStringLiteral("general"), QStringLiteral("once"), QStringLiteral("retry-7"));
    const auto second = alice->send(QStringLiteral("general"), QStringLiteral("once"), QStringLiteral("retry-7"));
    QCOMPARE(second.value(field::seq), first.value(field::seq));
    QCOMPARE(second.value(field::id), first.value(field::id));
    QCOMPARE(second.value(field::duplicate).toBool(), true);
    // A later post proves the duplicate was never broadcast: Bob sees seq 1 then 2, nothing in between.
    QCOMPARE(alice->send(QStringLiteral("general"), QStringLiteral("next")).value(field::seq).toInt(), 2);
    QVERIFY(bob->waitForCount(type::message, 2));
    const auto messages = bob->framesOfType(type::message);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].value(field::seq).toInt(), 1);
    QCOMPARE(messages[1].value(field::seq).toInt(), 2);

    // The same client id from another user is a different message.
    QCOMPARE(bob->send(QStringLiteral("general"), QStringLiteral("mine"), QStringLiteral("retry-7"))
                 .value(field::seq)
                 .toInt(),
             3);
}

void TestTypedProtocol::resumeSinceSeqHasNoGapAndNoDuplicate()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    for (int i = 1; i <= 3; ++i)
        QVERIFY(!alice->send(QStringLiteral("general"), QStringLiteral("before %1").arg(i)).isEmpty());
    QVERIFY(bob->waitForCount(type::message, 3));
    const int lastSeen = bob->framesOfType(type::message).constLast().value(field::seq).toInt();

    // Bob drops off; Alice keeps talking.
    bob.reset();
    for (int i = 1; i <= 4; ++i)
        QVERIFY(!alice->send(QStringLiteral("general"), QStringLiteral("while away %1").arg(i)).isEmpty());

    auto back = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    const auto joined = back->join(QStringLiteral("general"), {{field::sinceSeq, lastSeen}});
    QCOMPARE(joined.value(field::complete).toBool(), true);
    const auto replay = joined.value(field::messages).toArray();
    QCOMPARE(replay.size(), 4);
    for (int i = 0; i < replay.size(); ++i)
        QCOMPARE(replay[i].toObject().value(field::seq).toInt(), lastSeen + 1 + i);

    // Live messages continue right after the replay.
    QCOMPARE(alice->send(QStringLiteral("general"), QStringLiteral("welcome back")).value(field::seq).toInt(), 8);
    QCOMPARE(back->waitForType(type::message).value(field::seq).toInt(), 8);
    QCOMPARE(back->framesOfType(type::message).size(), 1);

    // Resuming from the latest seq replays nothing and is complete.
    auto again = TestClient::typed(server.webSocketUrl(), QStringLiteral("Carol"));
    const auto upToDate = again->join(QStringLiteral("general"), {{field::sinceSeq, 8}});
    QCOMPARE(upToDate.value(field::messages).toArray().size(), 0);
    QCOMPARE(upToDate.value(field::complete).toBool(), true);
}

void TestTypedProtocol::resumeBeyondRingSaysIncomplete()
{
    TestServer server([](ServerConfig &config) { config.historyCapacity = 5; });
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    for (int i = 1; i <= 12; ++i)
        QVERIFY(!alice->send(QStringLiteral("general"), QStringLiteral("m%1").arg(i)).isEmpty());

    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    const auto joined = bob->join(QStringLiteral("general"), {{field::sinceSeq, 2}});
    QCOMPARE(joined.value(field::complete).toBool(), false);
    const auto replay = joined.value(field::messages).toArray();
    QCOMPARE(replay.size(), 5);
    QCOMPARE(replay.first().toObject().value(field::seq).toInt(), 8);
    QCOMPARE(replay.last().toObject().value(field::seq).toInt(), 12);

    // Exactly at the edge of the ring the resume is still complete.
    auto carol = TestClient::typed(server.webSocketUrl(), QStringLiteral("Carol"));
    const auto edge = carol->join(QStringLiteral("general"), {{field::sinceSeq, 7}});
    QCOMPARE(edge.value(field::complete).toBool(), true);
    QCOMPARE(edge.value(field::messages).toArray().size(), 5);

    // A seq the room never reached means the client's view is from another life of the room.
    auto dave = TestClient::typed(server.webSocketUrl(), QStringLiteral("Dave"));
    const auto future = dave->join(QStringLiteral("general"), {{field::sinceSeq, 99}});
    QCOMPARE(future.value(field::complete).toBool(), false);
}

void TestTypedProtocol::typingIsRelayedToOthersOnly()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());

    alice->sendJson({{field::type, type::typing}, {field::room, QStringLiteral("general")}});
    auto typing = bob->waitForType(type::typing);
    QCOMPARE(typing.value(field::user).toString(), QStringLiteral("Alice"));
    QCOMPARE(typing.value(field::active).toBool(), true);
    bob->clearFrames();
    alice->sendJson({{field::type, type::typing}, {field::room, QStringLiteral("general")}, {field::active, false}});
    typing = bob->waitForType(type::typing);
    QCOMPARE(typing.value(field::active).toBool(), false);

    // Typing is not stored and not echoed to the typist.
    const QString ping = alice->request({{field::type, type::ping}});
    QVERIFY(!alice->waitForReply(ping).isEmpty());
    QCOMPARE(alice->framesOfType(type::typing).size(), 0);
    QCOMPARE(alice->join(QStringLiteral("general")).value(field::lastSeq).toInt(), 0);
}

void TestTypedProtocol::historyPagesBackwards()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    for (int i = 1; i <= 25; ++i)
        QVERIFY(!alice->send(QStringLiteral("general"), QStringLiteral("m%1").arg(i)).isEmpty());

    QString id =
        alice->request({{field::type, type::history}, {field::room, QStringLiteral("general")}, {field::limit, 10}});
    auto page = alice->waitForReply(id);
    QCOMPARE(page.value(field::type).toString(), QString(type::history));
    auto messages = page.value(field::messages).toArray();
    QCOMPARE(messages.size(), 10);
    QCOMPARE(messages.first().toObject().value(field::seq).toInt(), 16);
    QCOMPARE(messages.last().toObject().value(field::seq).toInt(), 25);
    QCOMPARE(page.value(field::hasMore).toBool(), true);

    id = alice->request({{field::type, type::history},
                         {field::room, QStringLiteral("general")},
                         {field::before, 16},
                         {field::limit, 10}});
    messages = alice->waitForReply(id).value(field::messages).toArray();
    QCOMPARE(messages.first().toObject().value(field::seq).toInt(), 6);
    QCOMPARE(messages.last().toObject().value(field::seq).toInt(), 15);

    id = alice->request({{field::type, type::history},
                         {field::room, QStringLiteral("general")},
                         {field::before, 6},
                         {field::limit, 10}});
    page = alice->waitForReply(id);
    QCOMPARE(page.value(field::messages).toArray().size(), 5);
    QCOMPARE(page.value(field::hasMore).toBool(), false);
}

void TestTypedProtocol::pingGetsPong()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    const QString id = alice->request({{field::type, type::ping}});
    const auto pong = alice->waitForReply(id);
    QCOMPARE(pong.value(field::type).toString(), QString(type::pong));
    QVERIFY(pong.value(field::timestamp).toInteger() > 0);
}

void TestTypedProtocol::oneConnectionInSeveralRooms()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    const QStringList rooms{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma"),
                            QStringLiteral("delta")};
    for (const auto &room : rooms) {
        QVERIFY(!alice->join(room).isEmpty());
        QVERIFY(!bob->join(room).isEmpty());
    }
    for (const auto &room : rooms)
        QVERIFY(!bob->send(room, QStringLiteral("hi ") + room).isEmpty());
    QVERIFY(alice->waitForCount(type::message, rooms.size()));
    QStringList seen;
    for (const auto &message : alice->framesOfType(type::message))
        seen.append(message.value(field::room).toString());
    seen.sort();
    QStringList expected = rooms;
    expected.sort();
    QCOMPARE(seen, expected);
}

void TestTypedProtocol::errorCodes_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("requestId");

    QTest::addRow("not json") << QByteArray("hello?") << u"INVALID_FORMAT"_qs << QString();
    QTest::addRow("json array") << QByteArray("[1,2]") << u"INVALID_FORMAT"_qs << QString();
    QTest::addRow("missing type") << QByteArray(R"({"request_id":"q1","room":"general"})") << u"INVALID_PAYLOAD"_qs
                                  << u"q1"_qs;
    QTest::addRow("unknown type") << QByteArray(R"({"type":"dance","request_id":"q2"})") << u"UNKNOWN_TYPE"_qs
                                  << u"q2"_qs;
    QTest::addRow("bad room") << QByteArray(R"({"type":"join","room":"no/slash","request_id":"q3"})")
                              << u"INVALID_ROOM"_qs << u"q3"_qs;
    QTest::addRow("room too long") << QByteArray(R"({"type":"join","request_id":"q4","room":")" + QByteArray(65, 'a') +
                                                 "\"}")
                                   << u"INVALID_ROOM"_qs << u"q4"_qs;
    QTest::addRow("not in room") << QByteArray(R"({"type":"send","room":"elsewhere","content":"x","request_id":"q5"})")
                                 << u"NOT_IN_ROOM"_qs << u"q5"_qs;
    QTest::addRow("history not in room") << QByteArray(R"({"type":"history","room":"elsewhere","request_id":"q6"})")
                                         << u"NOT_IN_ROOM"_qs << u"q6"_qs;
    QTest::addRow("typing not in room") << QByteArray(R"({"type":"typing","room":"elsewhere","request_id":"q7"})")
                                        << u"NOT_IN_ROOM"_qs << u"q7"_qs;
    QTest::addRow("content not a string")
        << QByteArray(R"({"type":"send","room":"general","content":5,"request_id":"q8"})") << u"INVALID_PAYLOAD"_qs
        << u"q8"_qs;
    QTest::addRow("empty content") << QByteArray(R"({"type":"send","room":"general","content":"","request_id":"q9"})")
                                   << u"INVALID_PAYLOAD"_qs << u"q9"_qs;
    QTest::addRow("too large") << QByteArray(R"({"type":"send","room":"general","request_id":"q10","content":")" +
                                             QByteArray(4097, 'x') + "\"}")
                               << u"MESSAGE_TOO_LARGE"_qs << u"q10"_qs;
    QTest::addRow("bad last_n") << QByteArray(R"({"type":"join","room":"general","last_n":-1,"request_id":"q11"})")
                                << u"INVALID_PAYLOAD"_qs << u"q11"_qs;
    QTest::addRow("bad user in hello") << QByteArray(R"({"type":"hello","user":" padded ","request_id":"q12"})")
                                       << u"INVALID_USER"_qs << u"q12"_qs;
}

void TestTypedProtocol::errorCodes()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    QFETCH(QString, requestId);

    TestServer server;
    auto client = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(!client->join(QStringLiteral("general")).isEmpty());
    client->clearFrames();
    client->sendText(QString::fromUtf8(frame));
    const auto error = client->waitForType(type::error);
    QCOMPARE(error.value(field::code).toString(), code);
    QVERIFY(!error.value(field::message).toString().isEmpty());
    QCOMPARE(error.value(field::requestId).toString(), requestId);
    // An error never costs the connection.
    QVERIFY(!client->send(QStringLiteral("general"), QStringLiteral("still here")).isEmpty());
}

void TestTypedProtocol::tooLargeContentKeepsTheConnection()
{
    TestServer server([](ServerConfig &config) { config.maxContentBytes = 100; });
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    // 50 two-byte characters are exactly 100 bytes: allowed. 51 are not.
    QVERIFY(!alice->send(QStringLiteral("general"), QString(50, QChar(0xE9))).isEmpty());
    const QString id = alice->request({{field::type, type::send},
                                       {field::room, QStringLiteral("general")},
                                       {field::content, QString(51, QChar(0xE9))}});
    QCOMPARE(alice->waitForReply(id).value(field::code).toString(), QStringLiteral("MESSAGE_TOO_LARGE"));
    QVERIFY(alice->isConnected());
}

void TestTypedProtocol::rateLimitedThenRecovers()
{
    TestServer server([](ServerConfig &config) {
        config.rateLimit = 20;
        config.rateBurst = 5;
    });
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty()); // one token
    for (int i = 0; i < 10; ++i) {
        alice->sendJson({{field::type, type::send},
                         {field::room, QStringLiteral("general")},
                         {field::content, QStringLiteral("spam %1").arg(i)},
                         {field::requestId, QStringLiteral("s%1").arg(i)}});
    }
    QVERIFY(alice->waitForCount(type::error, 1));
    const auto error = alice->framesOfType(type::error).constFirst();
    QCOMPARE(error.value(field::code).toString(), QStringLiteral("RATE_LIMITED"));
    QVERIFY(alice->waitForCount(type::ack, 4));
    // Tokens come back over time: a later send goes through (waits on the event loop, not a sleep).
    QVERIFY(QTest::qWaitFor([&] { return !alice->send(QStringLiteral("general"), QStringLiteral("calm")).isEmpty(); },
                            5000));
    QVERIFY(alice->isConnected());
}

void TestTypedProtocol::roomLimits()
{
    TestServer server([](ServerConfig &config) {
        config.maxRoomsPerConnection = 3;
        config.maxRooms = 5; // general + 4
    });
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(!alice->join(QStringLiteral("r%1").arg(i)).isEmpty());
    QString id = alice->request({{field::type, type::join}, {field::room, QStringLiteral("r3")}});
    QCOMPARE(alice->waitForReply(id).value(field::code).toString(), QStringLiteral("TOO_MANY_ROOMS"));

    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!bob->join(QStringLiteral("r4")).isEmpty()); // the fifth room
    id = bob->request({{field::type, type::join}, {field::room, QStringLiteral("r5")}});
    QCOMPARE(bob->waitForReply(id).value(field::code).toString(), QStringLiteral("ROOM_LIMIT"));
    // Existing rooms can still be joined.
    QVERIFY(!bob->join(QStringLiteral("r1")).isEmpty());
}

QTEST_GUILESS_MAIN(TestTypedProtocol)
#include "tst_typedprotocol.moc"
