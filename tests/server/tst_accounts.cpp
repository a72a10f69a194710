// Servers with --auth accounts: registration, login, tokens checked before the upgrade (and every refusal of
// a bad one), the name on messages, admins kicking and banning, and tokens kept out of the logs.
#include "authentication.h"
#include "httpclient.h"
#include "jwt.h"
#include "rawclient.h"
#include "testclient.h"
#include "testserver.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

using namespace natter;

class TestAccounts : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void registerThenLogIn();
    void registrationRefusals();
    void loginRefusals();
    void openServerHasNoAccounts();
    void upgradeWithoutAGoodTokenIs401_data();
    void upgradeWithoutAGoodTokenIs401();
    void tokenIsAcceptedInEachPlace();
    void messagesCarryTheTokensName();
    void restNeedsAToken();
    void adminsKickAndBan();
    void onlyAdminsKickBanOrDeleteRooms();
    void addedUserCanLogInToARunningServer();
    void tokensNeverReachTheLog();

private:
    std::unique_ptr<TestServer> startServer(const std::function<void(ServerConfig &)> &tweak = {});
    QByteArray registerAndLogIn(TestServer &server, const QString &user, const QString &password = {});
    QByteArray signingKey() const;
    static QByteArray upgradeStatusLine(quint16 port, const QByteArray &target, const QByteArray &headers = {});

    std::unique_ptr<QTemporaryDir> m_dataDir;
    HttpClient m_http;
};

namespace {
const QString goodPassword = QStringLiteral("correct horse battery");

int statusOf(const QByteArray &response)
{
    return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
}

QByteArray credentials(const QString &user, const QString &password)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

void TestAccounts::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
    m_http.bearerToken.clear();
}

std::unique_ptr<TestServer> TestAccounts::startServer(const std::function<void(ServerConfig &)> &tweak)
{
    auto server = std::make_unique<TestServer>([&](ServerConfig &config) {
        config.auth = ServerConfig::Auth::Accounts;
        config.dataDir = m_dataDir->path();
        config.database = QStringLiteral("sqlite:") + m_dataDir->filePath(QStringLiteral("natter.sqlite"));
        if (tweak)
            tweak(config);
    });
    return server;
}

QByteArray TestAccounts::registerAndLogIn(TestServer &server, const QString &user, const QString &password)
{
    const QString secret = password.isEmpty() ? goodPassword : password;
    const auto registered = m_http.post(server.httpUrl(QStringLiteral("/api/register")), credentials(user, secret));
    if (registered.status != 201 && registered.status != 409)
        qWarning() << "register" << user << registered.status << registered.body;
    const auto loggedIn = m_http.post(server.httpUrl(QStringLiteral("/api/login")), credentials(user, secret));
    return loggedIn.json().object().value(QStringLiteral("token")).toString().toLatin1();
}

QByteArray TestAccounts::signingKey() const
{
    QFile file(m_dataDir->filePath(QStringLiteral("token-signing.key")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray TestAccounts::upgradeStatusLine(quint16 port, const QByteArray &target, const QByteArray &headers)
{
    RawClient client;
    if (!client.connectTo(port))
        return {};
    client.write("GET " + target +
                 " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
                 headers + "\r\n");
    return client.readHttpResponse();
}

void TestAccounts::registerThenLogIn()
{
    auto server = startServer();
    QVERIFY(server->isRunning());
    const auto registered = m_http.post(server->httpUrl(QStringLiteral("/api/register")),
                                        credentials(QStringLiteral("Alice"), goodPassword));
    QCOMPARE(registered.status, 201);
    QCOMPARE(registered.json().object().value(QStringLiteral("role")).toString(), QStringLiteral("user"));

    const auto loggedIn =
        m_http.post(server->httpUrl(QStringLiteral("/api/login")), credentials(QStringLiteral("alice"), goodPassword));
    QCOMPARE(loggedIn.status, 200);
    const QJsonObject answer = loggedIn.json().object();
    QCOMPARE(answer.value(QStringLiteral("user")).toString(), QStringLiteral("Alice")); // as registered
    const QByteArray token = answer.value(QStringLiteral("token")).toString().toLatin1();
    const auto verified = jwt::verify(token, signingKey(), QDateTime::currentSecsSinceEpoch());
    QVERIFY(std::holds_alternative<jwt::VerifiedToken>(verified));
    QCOMPARE(std::get<jwt::VerifiedToken>(verified).claims.subject, QStringLiteral("Alice"));
    QVERIFY(answer.value(QStringLiteral("expires_at")).toInteger() > QDateTime::currentSecsSinceEpoch());

    // The account survives a restart (it is in the database, and the key in the data directory).
    server.reset();
    server = startServer();
    const auto again =
        m_http.post(server->httpUrl(QStringLiteral("/api/login")), credentials(QStringLiteral("Alice"), goodPassword));
    QCOMPARE(again.status, 200);
    TestClient alice(server->webSocketUrl(QStringLiteral("token=") + QString::fromLatin1(token)));
    QVERIFY(alice.waitConnected());
    QCOMPARE(alice.waitForType(QStringLiteral("welcome")).value(QStringLiteral("user")).toString(),
             QStringLiteral("Alice"));
}

void TestAccounts::registrationRefusals()
{
    auto server = startServer();
    const QUrl url = server->httpUrl(QStringLiteral("/api/register"));
    QCOMPARE(m_http.post(url, credentials(QStringLiteral("Alice"), goodPassword)).status, 201);
    const auto taken = m_http.post(url, credentials(QStringLiteral("ALICE"), goodPassword));
    QCOMPARE(taken.status, 409);
    QCOMPARE(taken.json().object().value(QStringLiteral("code")).toString(), QStringLiteral("NAME_TAKEN"));
    const auto weak = m_http.post(url, credentials(QStringLiteral("Bob"), QStringLiteral("short")));
    QCOMPARE(weak.status, 400);
    QCOMPARE(weak.json().object().value(QStringLiteral("code")).toString(), QStringLiteral("WEAK_PASSWORD"));
    QCOMPARE(m_http.post(url, credentials(QStringLiteral(" Bob"), goodPassword)).status, 400);
    QCOMPARE(m_http.post(url, "not json").status, 400);
    QCOMPARE(m_http.post(url, R"({"user": "Bob", "password": 12345678})").status, 400);

    auto closed = std::make_unique<TestServer>([&](ServerConfig &config) {
        config.auth = ServerConfig::Auth::Accounts;
        config.dataDir = m_dataDir->filePath(QStringLiteral("closed"));
        config.registrationOpen = false;
    });
    const auto refused =
        m_http.post(closed->httpUrl(QStringLiteral("/api/register")), credentials(QStringLiteral("Bob"), goodPassword));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.json().object().value(QStringLiteral("code")).toString(), QStringLiteral("REGISTRATION_CLOSED"));
}

void TestAccounts::loginRefusals()
{
    auto server = startServer();
    registerAndLogIn(*server, QStringLiteral("Alice"));
    const QUrl url = server->httpUrl(QStringLiteral("/api/login"));
    const auto wrong = m_http.post(url, credentials(QStringLiteral("Alice"), QStringLiteral("not the password")));
    const auto unknown = m_http.post(url, credentials(QStringLiteral("Nobody"), goodPassword));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, 401);
    // The same answer either way: the reply does not tell which names exist.
    QCOMPARE(wrong.body, unknown.body);
    QCOMPARE(m_http.get(url).status, 405);
}

void TestAccounts::openServerHasNoAccounts()
{
    TestServer server;
    const auto answer = m_http.post(server.httpUrl(QStringLiteral("/api/register")),
                                    credentials(QStringLiteral("Alice"), goodPassword));
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.json().object().value(QStringLiteral("code")).toString(), QStringLiteral("ACCOUNTS_DISABLED"));
}

void TestAccounts::upgradeWithoutAGoodTokenIs401_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"none", "malformed", "wrong signature", "alg none", "expired", "not yet valid",
                             "deleted account", "empty subject"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestAccounts::upgradeWithoutAGoodTokenIs401()
{
    QFETCH(QString, kind);
    auto server = startServer();
    const QByteArray good = registerAndLogIn(*server, QStringLiteral("Alice"));
    QVERIFY(!good.isEmpty());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    jwt::TokenClaims claims{QStringLiteral("Alice"), QStringLiteral("user"), now, now, now + 3600, QStringLiteral("t")};
    QByteArray token;
    if (kind == QLatin1String("malformed")) {
        token = "not.a-token";
    } else if (kind == QLatin1String("wrong signature")) {
        token = jwt::sign(claims, QByteArray(32, 'k'));
    } else if (kind == QLatin1String("alg none")) {
        const QByteArray header = jwt::base64UrlEncode(R"({"alg":"none","typ":"JWT"})");
        const QByteArray payload = good.split('.').at(1);
        token = header + '.' + payload + '.';
    } else if (kind == QLatin1String("expired")) {
        claims.issuedAt = claims.notBefore = now - 7200;
        claims.expiresAt = now - 3600;
        token = jwt::sign(claims, signingKey());
    } else if (kind == QLatin1String("not yet valid")) {
        claims.notBefore = now + 3600;
        claims.expiresAt = now + 7200;
        token = jwt::sign(claims, signingKey());
    } else if (kind == QLatin1String("deleted account")) {
        claims.subject = QStringLiteral("Ghost");
        token = jwt::sign(claims, signingKey());
    } else if (kind == QLatin1String("empty subject")) {
        claims.subject.clear();
        token = jwt::sign(claims, signingKey());
    }
    const QByteArray target = token.isEmpty() ? QByteArray("/ws?room=general") : "/ws?room=general&token=" + token;
    const QByteArray response = upgradeStatusLine(server->port(), target);
    QCOMPARE(statusOf(response), 401);
    QVERIFY(response.contains("WWW-Authenticate: Bearer"));
    QVERIFY(!response.contains("Sec-WebSocket-Accept"));
    // The genuine token still works.
    QCOMPARE(statusOf(upgradeStatusLine(server->port(), "/ws?room=general&token=" + good)), 101);
}

void TestAccounts::tokenIsAcceptedInEachPlace()
{
    auto server = startServer();
    const QByteArray token = registerAndLogIn(*server, QStringLiteral("Alice"));
    QCOMPARE(statusOf(upgradeStatusLine(server->port(), "/ws?token=" + token)), 101);
    QCOMPARE(statusOf(upgradeStatusLine(server->port(), "/ws", "Authorization: Bearer " + token + "\r\n")), 101);

    // Browsers can only send a subprotocol: the server picks "natter" when offered, so the token is not echoed.
    const QByteArray both =
        upgradeStatusLine(server->port(), "/ws", "Sec-WebSocket-Protocol: natter, bearer." + token + "\r\n");
    QCOMPARE(statusOf(both), 101);
    QVERIFY2(both.contains("Sec-WebSocket-Protocol: natter\r\n"), both.constData());
    const QByteArray only =
        upgradeStatusLine(server->port(), "/ws", "Sec-WebSocket-Protocol: bearer." + token + "\r\n");
    QCOMPARE(statusOf(only), 101);
    QVERIFY(only.contains(QByteArray("Sec-WebSocket-Protocol: bearer." + token + "\r\n")));
}

void TestAccounts::messagesCarryTheTokensName()
{
    auto server = startServer();
    const QByteArray alice = registerAndLogIn(*server, QStringLiteral("Alice"));
    registerAndLogIn(*server, QStringLiteral("Bob"));
    // Someone else's name in the URL is refused...
    const QByteArray spoofed = upgradeStatusLine(server->port(), "/ws?room=general&user=Bob&token=" + alice);
    QCOMPARE(statusOf(spoofed), 403);
    // ...and a name in a message frame is ignored.
    TestClient client(server->webSocketUrl(QStringLiteral("room=general&token=") + QString::fromLatin1(alice)));
    QVERIFY(client.waitConnected());
    client.sendJson(QJsonObject{{QStringLiteral("content"), QStringLiteral("hi")},
                                {QStringLiteral("user"), QStringLiteral("Bob")}});
    const QJsonObject message =
        client.waitFor([](const QJsonObject &frame) { return frame.contains(QStringLiteral("content")); });
    QCOMPARE(message.value(QStringLiteral("user")).toString(), QStringLiteral("Alice"));
    // A hello cannot change who this is.
    TestClient typed(server->webSocketUrl(QStringLiteral("token=") + QString::fromLatin1(alice)));
    QVERIFY(typed.waitConnected());
    QCOMPARE(typed.waitForType(QStringLiteral("welcome")).value(QStringLiteral("user")).toString(),
             QStringLiteral("Alice"));
    typed.sendJson(QJsonObject{{QStringLiteral("type"), QStringLiteral("hello")},
                               {QStringLiteral("user"), QStringLiteral("Bob")},
                               {QStringLiteral("request_id"), QStringLiteral("h")}});
    QCOMPARE(typed.waitForReply(QStringLiteral("h")).value(QStringLiteral("type")).toString(), QStringLiteral("error"));
}

void TestAccounts::restNeedsAToken()
{
    auto server = startServer();
    const QByteArray token = registerAndLogIn(*server, QStringLiteral("Alice"));
    const auto anonymous = m_http.get(server->httpUrl(QStringLiteral("/api/rooms")));
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.json().object().value(QStringLiteral("code")).toString(), QStringLiteral("AUTH_REQUIRED"));
    QCOMPARE(m_http.get(server->httpUrl(QStringLiteral("/api/rooms/general/messages"))).status, 401);
    QCOMPARE(m_http.get(server->httpUrl(QStringLiteral("/health"))).status, 200);
    m_http.bearerToken = token;
    QCOMPARE(m_http.get(server->httpUrl(QStringLiteral("/api/rooms"))).status, 200);
    QCOMPARE(m_http.get(server->httpUrl(QStringLiteral("/api/rooms/general/messages"))).status, 200);
    m_http.bearerToken = token + "x";
    QCOMPARE(m_http.get(server->httpUrl(QStringLiteral("/api/rooms"))).status, 401);
}

void TestAccounts::adminsKickAndBan()
{
    {
        ServerConfig config = TestServer::defaultConfig();
        config.database = QStringLiteral("sqlite:") + m_dataDir->filePath(QStringLiteral("natter.sqlite"));
        QCOMPARE(createAccount(config, QStringLiteral("Root"), goodPassword, true), QString());
        QVERIFY(createAccount(config, QStringLiteral("root"), goodPassword, false).contains(QStringLiteral("already")));
    }
    auto server = startServer();
    const QByteArray admin = registerAndLogIn(*server, QStringLiteral("Root"));
    const QByteArray bob = registerAndLogIn(*server, QStringLiteral("Bob"));
    QVERIFY(!admin.isEmpty() && !bob.isEmpty());
    m_http.bearerToken = admin;

    // Kicked: the connection closes with 4001; Bob may come back.
    auto bobClient = std::make_unique<TestClient>(
        server->webSocketUrl(QStringLiteral("room=general&token=") + QString::fromLatin1(bob)));
    QVERIFY(bobClient->waitConnected());
    QCOMPARE(m_http.post(server->httpUrl(QStringLiteral("/api/users/bob/kick")), {}).status, 200);
    QVERIFY(bobClient->waitDisconnected());
    QCOMPARE(int(bobClient->socket().closeCode()), 4001);
    QCOMPARE(statusOf(upgradeStatusLine(server->port(), "/ws?room=general&token=" + bob)), 101);

    // Banned: closed with 4002, and refused from then on, across reconnects and restarts.
    bobClient = std::make_unique<TestClient>(
        server->webSocketUrl(QStringLiteral("room=general&token=") + QString::fromLatin1(bob)));
    QVERIFY(bobClient->waitConnected());
    const auto banned = m_http.post(server->httpUrl(QStringLiteral("/api/users/Bob/ban")), {});
    QCOMPARE(banned.status, 200);
    QVERIFY(bobClient->waitDisconnected());
    QCOMPARE(int(bobClient->socket().closeCode()), 4002);
    const QByteArray refused = upgradeStatusLine(server->port(), "/ws?room=general&token=" + bob);
    QCOMPARE(statusOf(refused), 403);
    QVERIFY(refused.contains("BANNED"));
    QCOMPARE(
        m_http.post(server->httpUrl(QStringLiteral("/api/login")), credentials(QStringLiteral("Bob"), goodPassword))
            .status,
        403);
    server.reset();
    server = startServer();
    QCOMPARE(statusOf(upgradeStatusLine(server->port(), "/ws?room=general&token=" + bob)), 403);

    // Lifted.
    QCOMPARE(m_http.remove(server->httpUrl(QStringLiteral("/api/users/Bob/ban"))).status, 200);
    QCOMPARE(statusOf(upgradeStatusLine(server->port(), "/ws?room=general&token=" + bob)), 101);

    // The same over the typed protocol.
    TestClient root(server->webSocketUrl(QStringLiteral("token=") + QString::fromLatin1(admin)));
    QVERIFY(root.waitConnected());
    bobClient = std::make_unique<TestClient>(
        server->webSocketUrl(QStringLiteral("room=general&token=") + QString::fromLatin1(bob)));
    QVERIFY(bobClient->waitConnected());
    const auto moderate = [&](const char *action, const QString &user) {
        return root.waitForReply(
            root.request({{QStringLiteral("type"), QString::fromLatin1(action)}, {QStringLiteral("user"), user}}));
    };
    const QJsonObject banFrame = moderate("ban", QStringLiteral("bob"));
    QCOMPARE(banFrame.value(QStringLiteral("type")).toString(), QStringLiteral("moderated"));
    QCOMPARE(banFrame.value(QStringLiteral("action")).toString(), QStringLiteral("ban"));
    QCOMPARE(banFrame.value(QStringLiteral("user")).toString(), QStringLiteral("Bob"));
    QVERIFY(bobClient->waitDisconnected());
    QCOMPARE(int(bobClient->socket().closeCode()), 4002);
    QCOMPARE(moderate("unban", QStringLiteral("Bob")).value(QStringLiteral("action")).toString(),
             QStringLiteral("unban"));
    QCOMPARE(moderate("kick", QStringLiteral("Nobody")).value(QStringLiteral("code")).toString(),
             QStringLiteral("NO_SUCH_USER"));
    // Deleting a room: its members are told, the admin gets the answer.
    TestClient member(server->webSocketUrl(QStringLiteral("token=") + QString::fromLatin1(bob)));
    QVERIFY(member.waitConnected());
    QVERIFY(!member.join(QStringLiteral("doomed")).isEmpty());
    const QJsonObject deleted = root.waitForReply(root.request(
        {{QStringLiteral("type"), QStringLiteral("delete_room")}, {QStringLiteral("room"), QStringLiteral("doomed")}}));
    QCOMPARE(deleted.value(QStringLiteral("type")).toString(), QStringLiteral("room_deleted"));
    QCOMPARE(member.waitForType(QStringLiteral("room_closed")).value(QStringLiteral("room")).toString(),
             QStringLiteral("doomed"));
    QCOMPARE(root.waitForReply(root.request({{QStringLiteral("type"), QStringLiteral("delete_room")},
                                             {QStringLiteral("room"), QStringLiteral("general")}}))
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("FORBIDDEN"));
    QCOMPARE(member
                 .waitForReply(member.request({{QStringLiteral("type"), QStringLiteral("delete_room")},
                                               {QStringLiteral("room"), QStringLiteral("general")}}))
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("FORBIDDEN"));

    TestClient plain(server->webSocketUrl(QStringLiteral("token=") + QString::fromLatin1(bob)));
    QVERIFY(plain.waitConnected());
    QCOMPARE(plain
                 .waitForReply(plain.request({{QStringLiteral("type"), QStringLiteral("kick")},
                                              {QStringLiteral("user"), QStringLiteral("Root")}}))
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("FORBIDDEN"));
    QCOMPARE(m_http.post(server->httpUrl(QStringLiteral("/api/users/Nobody/ban")), {}).status, 404);
    QCOMPARE(m_http.post(server->httpUrl(QStringLiteral("/api/users/Root/ban")), {}).status, 400);
}

void TestAccounts::onlyAdminsKickBanOrDeleteRooms()
{
    auto server = startServer();
    registerAndLogIn(*server, QStringLiteral("Alice"));
    m_http.bearerToken = registerAndLogIn(*server, QStringLiteral("Bob"));
    QCOMPARE(m_http.post(server->httpUrl(QStringLiteral("/api/rooms")), R"({"name":"lobby"})").status, 201);
    for (const auto &result :
         {m_http.post(server->httpUrl(QStringLiteral("/api/users/Alice/ban")), {}),
          m_http.post(server->httpUrl(QStringLiteral("/api/users/Alice/kick")), {}),
          m_http.remove(server->httpUrl(QStringLiteral("/api/rooms/lobby"))),
          m_http.sendCustom(server->httpUrl(QStringLiteral("/api/rooms/lobby")), "PATCH", R"({"retention":"10"})")}) {
        QCOMPARE(result.status, 403);
        QCOMPARE(result.json().object().value(QStringLiteral("code")).toString(), QStringLiteral("FORBIDDEN"));
    }
    QCOMPARE(m_http.get(server->httpUrl(QStringLiteral("/api/rooms/lobby"))).status, 200);
}

void TestAccounts::addedUserCanLogInToARunningServer()
{
    auto server = startServer();
    ServerConfig config = TestServer::defaultConfig();
    config.database = QStringLiteral("sqlite:") + m_dataDir->filePath(QStringLiteral("natter.sqlite"));
    QCOMPARE(createAccount(config, QStringLiteral("Carol"), goodPassword, false), QString());
    const auto loggedIn =
        m_http.post(server->httpUrl(QStringLiteral("/api/login")), credentials(QStringLiteral("Carol"), goodPassword));
    QCOMPARE(loggedIn.status, 200);
    QCOMPARE(createAccount(TestServer::defaultConfig(), QStringLiteral("Dan"), goodPassword, false).isEmpty(), false);
}

namespace {
QMutex logMutex;
QStringList logLines;
QtMessageHandler previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        logLines.append(message);
    }
    previousHandler(type, context, message);
}
} // namespace

void TestAccounts::tokensNeverReachTheLog()
{
    QLoggingCategory::setFilterRules(QStringLiteral("natter.*=true"));
    previousHandler = qInstallMessageHandler(captureLog);
    auto server = startServer();
    const QByteArray token = registerAndLogIn(*server, QStringLiteral("Alice"));
    const QByteArray signature = token.split('.').last();
    QCOMPARE(statusOf(upgradeStatusLine(server->port(), "/ws?room=general&token=" + token)), 101);
    QCOMPARE(statusOf(upgradeStatusLine(server->port(), "/ws?room=general&token=" + token + "x")), 401);
    QCOMPARE(statusOf(upgradeStatusLine(server->port(), "/ws/nowhere?token=" + token)), 404);
    m_http.bearerToken = token;
    QCOMPARE(m_http.get(server->httpUrl(QStringLiteral("/api/nowhere?token=") + QString::fromLatin1(token))).status,
             404);
    server.reset();
    qInstallMessageHandler(previousHandler);
    QLoggingCategory::setFilterRules({});
    QMutexLocker lock(&logMutex);
    QVERIFY(logLines.size() > 3);
    for (const QString &line : std::as_const(logLines))
        QVERIFY2(!line.contains(QString::fromLatin1(signature)) && !line.contains(goodPassword), qPrintable(line));
}

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
