// Every REST endpoint and its errors, over real HTTP (QNetworkAccessManager and raw sockets).
#include "httpclient.h"
#include "protocol.h"
#include "rawclient.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace natter;
namespace field = protocol::field;
namespace type = protocol::type;

class TestRestApi : public QObject
{
    Q_OBJECT

private slots:
    void listRoomsStartsWithGeneral();
    void createRoom();
    void createRoomRefusals_data();
    void createRoomRefusals();
    void getRoom();
    void deleteRoomTellsMembers();
    void deleteRoomRefusals();
    void messagesDefaultToTheLast100();
    void messagesPaging();
    void messagesRefusals_data();
    void messagesRefusals();
    void members();
    void online();
    void health();
    void stats();
    void metricsPassPromtool();
    void openApiDescribesEveryPath();
    void unknownPathIs404Json();
    void wrongMethodIs405();
    void oversizedBodyIs413();
    void oversizedHeadIs431();
    void keepAliveServesSeveralRequests();
    void headHasNoBody();
};

void TestRestApi::listRoomsStartsWithGeneral()
{
    TestServer server;
    HttpClient http;
    const auto result = http.get(server.httpUrl(QStringLiteral("/api/rooms")));
    QCOMPARE(result.status, 200);
    QVERIFY(result.contentType.startsWith("application/json"));
    const auto rooms = result.json().array();
    QCOMPARE(rooms.size(), 1);
    const auto general = rooms[0].toObject();
    QCOMPARE(general.value(QLatin1String("name")).toString(), QStringLiteral("general"));
    QCOMPARE(general.value(QLatin1String("members")).toInt(), 0);
    QCOMPARE(general.value(QLatin1String("messages")).toInt(), 0);
    QVERIFY(general.contains(QLatin1String("last_activity")));

    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("zeta")).isEmpty());
    QVERIFY(!alice->send(QStringLiteral("zeta"), QStringLiteral("hi")).isEmpty());
    const auto after = http.get(server.httpUrl(QStringLiteral("/api/rooms"))).json().array();
    QCOMPARE(after.size(), 2);
    const auto zeta = after[1].toObject(); // sorted by name
    QCOMPARE(zeta.value(QLatin1String("name")).toString(), QStringLiteral("zeta"));
    QCOMPARE(zeta.value(QLatin1String("members")).toInt(), 1);
    QCOMPARE(zeta.value(QLatin1String("messages")).toInt(), 1);
    QCOMPARE(zeta.value(QLatin1String("last_seq")).toInt(), 1);
}

void TestRestApi::createRoom()
{
    TestServer server;
    HttpClient http;
    const auto created = http.post(server.httpUrl(QStringLiteral("/api/rooms")), R"({"name":"lobby"})");
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json().object().value(QLatin1String("name")).toString(), QStringLiteral("lobby"));
    const auto rooms = http.get(server.httpUrl(QStringLiteral("/api/rooms"))).json().array();
    QCOMPARE(rooms.size(), 2);
    const auto again = http.post(server.httpUrl(QStringLiteral("/api/rooms")), R"({"name":"lobby"})");
    QCOMPARE(again.status, 409);
    QVERIFY(again.error().contains(QLatin1String("already exists")));
}

void TestRestApi::createRoomRefusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addRow("not json") << QByteArray("lobby") << 400;
    QTest::addRow("array") << QByteArray(R"(["lobby"])") << 400;
    QTest::addRow("no name") << QByteArray(R"({"title":"lobby"})") << 400;
    QTest::addRow("name not a string") << QByteArray(R"({"name":7})") << 400;
    QTest::addRow("invalid name") << QByteArray(R"({"name":"a b"})") << 400;
    QTest::addRow("general exists") << QByteArray(R"({"name":"general"})") << 409;
}

void TestRestApi::createRoomRefusals()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    TestServer server;
    HttpClient http;
    const auto result = http.post(server.httpUrl(QStringLiteral("/api/rooms")), body);
    QCOMPARE(result.status, status);
    QVERIFY(!result.error().isEmpty());
}

void TestRestApi::getRoom()
{
    TestServer server;
    HttpClient http;
    const auto general = http.get(server.httpUrl(QStringLiteral("/api/rooms/general")));
    QCOMPARE(general.status, 200);
    QCOMPARE(general.json().object().value(QLatin1String("name")).toString(), QStringLiteral("general"));
    QCOMPARE(http.get(server.httpUrl(QStringLiteral("/api/rooms/nowhere"))).status, 404);
}

void TestRestApi::deleteRoomTellsMembers()
{
    TestServer server;
    HttpClient http;
    auto app = TestClient::typed(server.webSocketUrl(), QStringLiteral("App"));
    QVERIFY(!app->join(QStringLiteral("doomed")).isEmpty());
    QVERIFY(!app->join(QStringLiteral("general")).isEmpty());
    auto seed = TestClient::simple(server.webSocketUrl(), QStringLiteral("doomed"), QStringLiteral("Seed"));
    QVERIFY(app->waitForType(type::memberJoined).value(field::user).toString() == QStringLiteral("Seed"));

    const auto deleted = http.remove(server.httpUrl(QStringLiteral("/api/rooms/doomed")));
    QCOMPARE(deleted.status, 200);
    const auto closed = app->waitForType(type::roomClosed);
    QCOMPARE(closed.value(field::room).toString(), QStringLiteral("doomed"));
    // The seed client had only that room: its connection ends normally.
    QVERIFY(seed->waitDisconnected());
    QCOMPARE(seed->closeCode(), 1000);
    // The app's connection and its other rooms are untouched; the deleted room is no longer joined.
    QVERIFY(!app->send(QStringLiteral("general"), QStringLiteral("still here")).isEmpty());
    const QString id = app->request({{field::type, type::send},
                                     {field::room, QStringLiteral("doomed")},
                                     {field::content, QStringLiteral("hello?")}});
    QCOMPARE(app->waitForReply(id).value(field::code).toString(), QStringLiteral("NOT_IN_ROOM"));
    QCOMPARE(http.get(server.httpUrl(QStringLiteral("/api/rooms/doomed"))).status, 404);
}

void TestRestApi::deleteRoomRefusals()
{
    TestServer server;
    HttpClient http;
    const auto general = http.remove(server.httpUrl(QStringLiteral("/api/rooms/general")));
    QCOMPARE(general.status, 403);
    QVERIFY(!general.error().isEmpty());
    QCOMPARE(http.remove(server.httpUrl(QStringLiteral("/api/rooms/nowhere"))).status, 404);
    QCOMPARE(http.remove(server.httpUrl(QStringLiteral("/api/rooms/bad%20name"))).status, 400);
}

void TestRestApi::messagesDefaultToTheLast100()
{
    TestServer server([](ServerConfig &config) { config.historyCapacity = 150; });
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    for (int i = 1; i <= 120; ++i)
        alice->sendJson({{field::type, type::send},
                         {field::room, QStringLiteral("general")},
                         {field::content, QStringLiteral("m%1").arg(i)}});
    QVERIFY(alice->waitForCount(type::message, 120));

    HttpClient http;
    const auto result = http.get(server.httpUrl(QStringLiteral("/api/rooms/general/messages")));
    QCOMPARE(result.status, 200);
    const auto messages = result.json().array();
    QCOMPARE(messages.size(), 100);
    const auto first = messages.first().toObject();
    QCOMPARE(first.value(field::seq).toInt(), 21);
    QCOMPARE(messages.last().toObject().value(field::seq).toInt(), 120);
    // The seed's fields, plus seq and id.
    QCOMPARE(first.value(field::user).toString(), QStringLiteral("Alice"));
    QCOMPARE(first.value(field::room).toString(), QStringLiteral("general"));
    QCOMPARE(first.value(field::content).toString(), QStringLiteral("m21"));
    QVERIFY(first.value(field::timestamp).toInteger() > 0);
    QVERIFY(!first.value(field::id).toString().isEmpty());
}

void TestRestApi::messagesPaging()
{
    TestServer server;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    for (int i = 1; i <= 30; ++i)
        alice->sendJson({{field::type, type::send},
                         {field::room, QStringLiteral("general")},
                         {field::content, QStringLiteral("m%1").arg(i)}});
    QVERIFY(alice->waitForCount(type::message, 30));
    HttpClient http;
    auto page = http.get(server.httpUrl(QStringLiteral("/api/rooms/general/messages?limit=10"))).json().array();
    QCOMPARE(page.size(), 10);
    QCOMPARE(page.first().toObject().value(field::seq).toInt(), 21);
    page = http.get(server.httpUrl(QStringLiteral("/api/rooms/general/messages?limit=10&before=21"))).json().array();
    QCOMPARE(page.first().toObject().value(field::seq).toInt(), 11);
    QCOMPARE(page.last().toObject().value(field::seq).toInt(), 20);
    page = http.get(server.httpUrl(QStringLiteral("/api/rooms/general/messages?before=3"))).json().array();
    QCOMPARE(page.size(), 2);
    page = http.get(server.httpUrl(QStringLiteral("/api/rooms/general/messages?before=1"))).json().array();
    QCOMPARE(page.size(), 0);
}

void TestRestApi::messagesRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addRow("unknown room") << QStringLiteral("/api/rooms/nowhere/messages") << 404;
    QTest::addRow("invalid room") << QStringLiteral("/api/rooms/a%2Fb/messages") << 400;
    QTest::addRow("NUL in room") << QStringLiteral("/api/rooms/a%00b/messages") << 400;
    QTest::addRow("limit 0") << QStringLiteral("/api/rooms/general/messages?limit=0") << 400;
    QTest::addRow("limit too big") << QStringLiteral("/api/rooms/general/messages?limit=1001") << 400;
    QTest::addRow("limit text") << QStringLiteral("/api/rooms/general/messages?limit=ten") << 400;
    QTest::addRow("before 0") << QStringLiteral("/api/rooms/general/messages?before=0") << 400;
    QTest::addRow("before negative") << QStringLiteral("/api/rooms/general/messages?before=-4") << 400;
}

void TestRestApi::messagesRefusals()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    TestServer server;
    HttpClient http;
    const auto result = http.get(server.httpUrl(path));
    QCOMPARE(result.status, status);
    QVERIFY(!result.error().isEmpty());
}

void TestRestApi::members()
{
    TestServer server;
    HttpClient http;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    auto alice2 = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    auto bob = TestClient::simple(server.webSocketUrl(), QStringLiteral("general"), QStringLiteral("Bob"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!alice2->join(QStringLiteral("general")).isEmpty());
    QJsonArray members;
    QTRY_COMPARE(
        (members = http.get(server.httpUrl(QStringLiteral("/api/rooms/general/members"))).json().array()).size(), 2);
    QCOMPARE(members[0].toObject().value(QLatin1String("user")).toString(), QStringLiteral("Alice"));
    QCOMPARE(members[0].toObject().value(QLatin1String("connections")).toInt(), 2);
    QCOMPARE(members[1].toObject().value(QLatin1String("user")).toString(), QStringLiteral("Bob"));
    QCOMPARE(http.get(server.httpUrl(QStringLiteral("/api/rooms/nowhere/members"))).status, 404);
}

void TestRestApi::online()
{
    TestServer server;
    HttpClient http;
    QCOMPARE(http.get(server.httpUrl(QStringLiteral("/api/online"))).json().array().size(), 0);
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    auto bob = TestClient::simple(server.webSocketUrl(), QStringLiteral("lobby"), QStringLiteral("Bob"));
    QTRY_COMPARE(http.get(server.httpUrl(QStringLiteral("/api/online"))).json().array().size(), 2);
    const auto users = http.get(server.httpUrl(QStringLiteral("/api/online"))).json().array();
    QCOMPARE(users[0].toObject().value(QLatin1String("user")).toString(), QStringLiteral("Alice"));
    QCOMPARE(users[1].toObject().value(QLatin1String("user")).toString(), QStringLiteral("Bob"));
    bob.reset();
    QTRY_COMPARE(http.get(server.httpUrl(QStringLiteral("/api/online"))).json().array().size(), 1);
}

void TestRestApi::health()
{
    TestServer server;
    HttpClient http;
    const auto result = http.get(server.httpUrl(QStringLiteral("/health")));
    QCOMPARE(result.status, 200);
    const QJsonObject health = result.json().object();
    QCOMPARE(health.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    // How clients connect: open names here, so there is nothing to register.
    QCOMPARE(health.value(QLatin1String("auth")).toString(), QStringLiteral("open"));
    QVERIFY(!health.contains(QLatin1String("registration")));

    // With accounts, before any login: whether it takes accounts and whether anyone may register.
    QTemporaryDir dataDir;
    for (const bool registrationOpen : {true, false}) {
        TestServer accounts([&](ServerConfig &config) {
            config.auth = ServerConfig::Auth::Accounts;
            config.dataDir = dataDir.path();
            config.registrationOpen = registrationOpen;
        });
        const auto answer = http.get(accounts.httpUrl(QStringLiteral("/health")));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().object().value(QLatin1String("auth")).toString(), QStringLiteral("accounts"));
        QCOMPARE(answer.json().object().value(QLatin1String("registration")).toString(),
                 registrationOpen ? QStringLiteral("open") : QStringLiteral("closed"));
    }
}

void TestRestApi::stats()
{
    TestServer server;
    HttpClient http;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!alice->send(QStringLiteral("general"), QStringLiteral("one")).isEmpty());
    QVERIFY(bob->waitForCount(type::message, 1));
    QVERIFY(alice->waitForCount(type::message, 1));
    const auto stats = http.get(server.httpUrl(QStringLiteral("/stats"))).json().object();
    QCOMPARE(stats.value(QLatin1String("websocket_connections")).toInt(), 2);
    QVERIFY(stats.value(QLatin1String("connections")).toInt() >= 3); // two WebSockets and this request
    QCOMPARE(stats.value(QLatin1String("rooms")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("messages_in")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("messages_out")).toInt(), 2);
    QCOMPARE(stats.value(QLatin1String("slow_consumers_dropped")).toInt(), 0);
    QVERIFY(stats.contains(QLatin1String("uptime_seconds")));
}

void TestRestApi::metricsPassPromtool()
{
    TestServer server;
    HttpClient http;
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!alice->send(QStringLiteral("general"), QStringLiteral("counted")).isEmpty());
    const auto result = http.get(server.httpUrl(QStringLiteral("/metrics")));
    QCOMPARE(result.status, 200);
    QVERIFY(result.contentType.startsWith("text/plain"));
    QVERIFY(result.body.contains("\nnatter_messages_received_total 1\n"));
    QVERIFY(result.body.contains("\nnatter_websocket_connections 1\n"));

    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    QVERIFY2(!promtool.isEmpty(), "promtool (Debian package 'prometheus') is needed to check the metrics format");
    QProcess check;
    check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY(check.waitForStarted());
    check.write(result.body);
    check.closeWriteChannel();
    QVERIFY(check.waitForFinished(30000));
    const QByteArray output = check.readAllStandardOutput() + check.readAllStandardError();
    QVERIFY2(check.exitCode() == 0, output.constData());
}

void TestRestApi::openApiDescribesEveryPath()
{
    TestServer server;
    HttpClient http;
    const auto result = http.get(server.httpUrl(QStringLiteral("/api/openapi.json")));
    QCOMPARE(result.status, 200);
    const auto document = result.json().object();
    QVERIFY(document.value(QLatin1String("openapi")).toString().startsWith(QLatin1String("3.")));
    const auto paths = document.value(QLatin1String("paths")).toObject();
    for (const char *path :
         {"/ws", "/api/rooms", "/api/rooms/{name}", "/api/rooms/{name}/messages", "/api/rooms/{name}/members",
          "/api/online", "/health", "/stats", "/metrics", "/api/openapi.json"}) {
        QVERIFY2(paths.contains(QLatin1String(path)), path);
    }
}

void TestRestApi::unknownPathIs404Json()
{
    TestServer server;
    HttpClient http;
    for (const auto &path : {QStringLiteral("/nope"), QStringLiteral("/api"), QStringLiteral("/api/rooms/general/x"),
                             QStringLiteral("/api/rooms/general/messages/1")}) {
        const auto result = http.get(server.httpUrl(path));
        QCOMPARE(result.status, 404);
        QVERIFY(!result.error().isEmpty());
    }
}

void TestRestApi::wrongMethodIs405()
{
    TestServer server;
    HttpClient http;
    auto result = http.put(server.httpUrl(QStringLiteral("/api/rooms")), "{}");
    QCOMPARE(result.status, 405);
    QVERIFY(!result.error().isEmpty());
    QCOMPARE(http.post(server.httpUrl(QStringLiteral("/health")), "{}").status, 405);
    QCOMPARE(http.post(server.httpUrl(QStringLiteral("/api/rooms/general/messages")), "{}").status, 405);
    QCOMPARE(http.remove(server.httpUrl(QStringLiteral("/api/online"))).status, 405);

    RawClient raw;
    QVERIFY(raw.connectTo(server.port()));
    raw.write("PATCH /api/rooms HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    const QByteArray response = raw.readHttpResponse();
    QVERIFY(response.startsWith("HTTP/1.1 405"));
    QVERIFY(response.contains("Allow: GET, POST"));
}

void TestRestApi::oversizedBodyIs413()
{
    TestServer server([](ServerConfig &config) { config.maxBodyBytes = 1024; });
    HttpClient http;
    const auto result = http.post(server.httpUrl(QStringLiteral("/api/rooms")), QByteArray(2048, ' '));
    QCOMPARE(result.status, 413);
    QVERIFY(!result.error().isEmpty());
    // Decided on the header: the server answers without waiting for a body it will never read.
    RawClient raw;
    QVERIFY(raw.connectTo(server.port()));
    raw.write("POST /api/rooms HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n");
    QVERIFY(raw.readHttpResponse().startsWith("HTTP/1.1 413"));
    QVERIFY(raw.waitDisconnected());
}

void TestRestApi::oversizedHeadIs431()
{
    TestServer server;
    RawClient raw;
    QVERIFY(raw.connectTo(server.port()));
    raw.write("GET /health HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(16 * 1024, 'a') + "\r\n\r\n");
    const QByteArray response = raw.readHttpResponse();
    QVERIFY2(response.startsWith("HTTP/1.1 431"), response.left(100).constData());
    QVERIFY(response.contains("\"error\""));
    QVERIFY(raw.waitDisconnected());
}

void TestRestApi::keepAliveServesSeveralRequests()
{
    TestServer server;
    RawClient raw;
    QVERIFY(raw.connectTo(server.port()));
    // Pipelined: both requests in one write, answered in order.
    raw.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /api/rooms HTTP/1.1\r\nHost: x\r\n\r\n");
    const QByteArray first = raw.readHttpResponse();
    const QByteArray second = raw.readHttpResponse();
    QVERIFY(first.startsWith("HTTP/1.1 200") && first.contains("\"status\":\"ok\""));
    QVERIFY(second.startsWith("HTTP/1.1 200") && second.contains("\"general\""));
    raw.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QVERIFY(raw.readHttpResponse().contains("Connection: close"));
    QVERIFY(raw.waitDisconnected());
}

void TestRestApi::headHasNoBody()
{
    TestServer server;
    RawClient raw;
    QVERIFY(raw.connectTo(server.port()));
    raw.write("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    // The HEAD response announces a length but carries no body, so the GET's response follows directly.
    QTRY_VERIFY(raw.socket().bytesAvailable() > 0);
    QByteArray all;
    QTRY_VERIFY((all += raw.socket().readAll()).count("HTTP/1.1 200") == 2);
    const qsizetype secondStatus = all.indexOf("HTTP/1.1 200", 1);
    QVERIFY(all.left(secondStatus).endsWith("\r\n\r\n"));
}

QTEST_GUILESS_MAIN(TestRestApi)
#include "tst_restapi.moc"
