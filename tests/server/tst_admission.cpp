// Who may connect at all: connection caps (total and per address), the Origin allow-list, and names that
// belong to one person while they are online. Other computers are simulated with other loopback addresses.
#include "protocol.h"
#include "rawclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace natter;

class TestAdmission : public QObject
{
    Q_OBJECT

private slots:
    void connectionsPerAddressAreCapped();
    void totalConnectionsAreCapped();
    void localhostIsNotCappedPerAddress();
    void foreignOriginIsRefusedBeforeTheUpgrade_data();
    void foreignOriginIsRefusedBeforeTheUpgrade();
    void nameOnlineFromAnotherComputerIsTaken();
    void typedHelloWithATakenNameGetsNameTaken();
    void nameIsFreeAgainWhenItsHolderLeaves();
};

namespace {

const QHostAddress otherComputer(QStringLiteral("127.0.0.2"));
const QHostAddress thirdComputer(QStringLiteral("127.0.0.3"));

/// Sends a WebSocket upgrade for @p target and returns the whole response (head and body).
QByteArray upgrade(RawClient &client, quint16 port, const QByteArray &target, const QByteArray &extraHeaders = {})
{
    if (!client.connectTo(port))
        return {};
    client.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                 "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
                 extraHeaders + "\r\n");
    return client.readHttpResponse();
}

int statusOf(const QByteArray &response)
{
    return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
}

QJsonObject bodyOf(const QByteArray &response)
{
    return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
}

/// Connections the server holds open (it counts one as closed only after giving back its place and name).
qint64 openConnections(TestServer &server)
{
    return QJsonDocument::fromJson(server.server().statsJson())
        .object()
        .value(QLatin1String("connections"))
        .toInteger();
}

QJsonObject readJsonFrame(RawClient &client)
{
    RawClient::Frame frame;
    if (!client.readFrame(frame))
        return {};
    return QJsonDocument::fromJson(frame.payload).object();
}

} // namespace

void TestAdmission::connectionsPerAddressAreCapped()
{
    TestServer server([](ServerConfig &config) { config.maxConnectionsPerAddress = 2; });
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < 2; ++i) {
        held.push_back(std::make_unique<RawClient>(otherComputer));
        QCOMPARE(statusOf(upgrade(*held.back(), server.port(), "/ws?room=general&user=Bob" + QByteArray::number(i))),
                 101);
    }
    RawClient third(otherComputer);
    const QByteArray refused = upgrade(third, server.port(), "/ws?room=general&user=Bob9");
    QCOMPARE(statusOf(refused), 429);
    QCOMPARE(bodyOf(refused).value(QLatin1String("code")).toString(), QStringLiteral("TOO_MANY_CONNECTIONS"));
    QVERIFY(third.waitDisconnected());

    // Another computer is not affected.
    RawClient elsewhere(thirdComputer);
    QCOMPARE(statusOf(upgrade(elsewhere, server.port(), "/ws?room=general&user=Carol")), 101);

    // A connection that ends gives its place back.
    const qint64 open = openConnections(server);
    held.front()->socket().disconnectFromHost();
    QVERIFY(held.front()->waitDisconnected());
    QTRY_COMPARE_WITH_TIMEOUT(openConnections(server), open - 1, 10000);
    RawClient again(otherComputer);
    QCOMPARE(statusOf(upgrade(again, server.port(), "/ws?room=general&user=Bob8")), 101);
}

void TestAdmission::totalConnectionsAreCapped()
{
    TestServer server([](ServerConfig &config) { config.maxConnections = 3; });
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(std::make_unique<RawClient>());
        QCOMPARE(statusOf(upgrade(*held.back(), server.port(), "/ws?room=general&user=U" + QByteArray::number(i))),
                 101);
    }
    RawClient fourth;
    const QByteArray refused = upgrade(fourth, server.port(), "/ws?room=general&user=U9");
    QCOMPARE(statusOf(refused), 503);
    QCOMPARE(bodyOf(refused).value(QLatin1String("code")).toString(), QStringLiteral("TOO_MANY_CONNECTIONS"));
    QVERIFY(fourth.waitDisconnected());
    // The ones inside keep working.
    held.front()->sendFrame(0x1, R"({"content":"still here"})");
    const QJsonObject echoed = readJsonFrame(*held.front());
    QCOMPARE(echoed.value(QLatin1String("content")).toString(), QStringLiteral("still here"));
}

void TestAdmission::localhostIsNotCappedPerAddress()
{
    // A reverse proxy on the same machine brings every client from 127.0.0.1.
    TestServer server([](ServerConfig &config) { config.maxConnectionsPerAddress = 1; });
    RawClient first;
    RawClient second;
    QCOMPARE(statusOf(upgrade(first, server.port(), "/ws?room=general&user=A")), 101);
    QCOMPARE(statusOf(upgrade(second, server.port(), "/ws?room=general&user=B")), 101);
}

void TestAdmission::foreignOriginIsRefusedBeforeTheUpgrade_data()
{
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QByteArray>("origin"); // "PORT" is replaced by the server's port
    QTest::addColumn<int>("status");

    QTest::newRow("no origin (desktop app)") << QStringList() << QByteArray() << 101;
    QTest::newRow("same origin") << QStringList() << QByteArray("http://127.0.0.1:PORT") << 101;
    QTest::newRow("foreign page") << QStringList() << QByteArray("https://evil.example") << 403;
    QTest::newRow("same host, other port") << QStringList() << QByteArray("http://127.0.0.1:1") << 403;
    QTest::newRow("null origin") << QStringList() << QByteArray("null") << 403;
    QTest::newRow("allowed origin") << QStringList{QStringLiteral("https://chat.example.org")}
                                    << QByteArray("https://chat.example.org") << 101;
    QTest::newRow("allowed origin, case differs")
        << QStringList{QStringLiteral("https://chat.example.org")} << QByteArray("HTTPS://Chat.Example.ORG") << 101;
    QTest::newRow("not on the list") << QStringList{QStringLiteral("https://chat.example.org")}
                                     << QByteArray("https://chat.example.org.evil.example") << 403;
    QTest::newRow("any origin") << QStringList{QStringLiteral("*")} << QByteArray("https://evil.example") << 101;
}

void TestAdmission::foreignOriginIsRefusedBeforeTheUpgrade()
{
    QFETCH(QStringList, allowed);
    QFETCH(QByteArray, origin);
    QFETCH(int, status);
    TestServer server([&](ServerConfig &config) { config.allowedOrigins = allowed; });
    origin.replace("PORT", QByteArray::number(server.port()));
    RawClient client;
    const QByteArray response = upgrade(client, server.port(), "/ws?user=Alice",
                                        origin.isEmpty() ? QByteArray() : "Origin: " + origin + "\r\n");
    QCOMPARE(statusOf(response), status);
    if (status == 403)
        QVERIFY(bodyOf(response).value(QLatin1String("error")).toString().contains(QString::fromUtf8(origin)));
}

void TestAdmission::nameOnlineFromAnotherComputerIsTaken()
{
    TestServer server;
    RawClient alice;
    QCOMPARE(statusOf(upgrade(alice, server.port(), "/ws?room=general&user=Alice")), 101);

    // The same computer may hold the name twice (a second room, a reconnect overlapping the old connection).
    RawClient aliceAgain;
    QCOMPARE(statusOf(upgrade(aliceAgain, server.port(), "/ws?room=random&user=Alice")), 101);

    // Someone else may not, in any letter case.
    for (const QByteArray &name : {QByteArray("Alice"), QByteArray("alice"), QByteArray("ALICE")}) {
        RawClient impostor(otherComputer);
        const QByteArray response = upgrade(impostor, server.port(), "/ws?room=general&user=" + name);
        QCOMPARE(statusOf(response), 409);
        QCOMPARE(bodyOf(response).value(QLatin1String("code")).toString(), QStringLiteral("NAME_TAKEN"));
    }
}

void TestAdmission::typedHelloWithATakenNameGetsNameTaken()
{
    TestServer server;
    RawClient alice;
    QCOMPARE(statusOf(upgrade(alice, server.port(), "/ws?user=Alice")), 101);
    QCOMPARE(readJsonFrame(alice).value(QLatin1String("type")).toString(), QStringLiteral("welcome"));

    RawClient other(otherComputer);
    QCOMPARE(statusOf(upgrade(other, server.port(), "/ws")), 101);
    other.sendFrame(0x1, R"({"type":"hello","user":"Alice","request_id":"h1"})");
    const QJsonObject refused = readJsonFrame(other);
    QCOMPARE(refused.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(refused.value(QLatin1String("code")).toString(), QStringLiteral("NAME_TAKEN"));
    QCOMPARE(refused.value(QLatin1String("request_id")).toString(), QStringLiteral("h1"));

    // The connection stays open for another try with a free name.
    other.sendFrame(0x1, R"({"type":"hello","user":"Bob","request_id":"h2"})");
    const QJsonObject welcome = readJsonFrame(other);
    QCOMPARE(welcome.value(QLatin1String("type")).toString(), QStringLiteral("welcome"));
    QCOMPARE(welcome.value(QLatin1String("user")).toString(), QStringLiteral("Bob"));
}

void TestAdmission::nameIsFreeAgainWhenItsHolderLeaves()
{
    TestServer server;
    auto alice = std::make_unique<RawClient>();
    QCOMPARE(statusOf(upgrade(*alice, server.port(), "/ws?room=general&user=Alice")), 101);
    QTRY_COMPARE(openConnections(server), 1);
    alice->socket().abort();
    alice.reset();
    QTRY_COMPARE_WITH_TIMEOUT(openConnections(server), 0, 10000);
    RawClient newcomer(otherComputer);
    QCOMPARE(statusOf(upgrade(newcomer, server.port(), "/ws?room=general&user=Alice")), 101);
}

QTEST_GUILESS_MAIN(TestAdmission)
#include "tst_admission.moc"
