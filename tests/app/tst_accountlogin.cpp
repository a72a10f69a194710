// ChatClient against real servers with --auth accounts (SQLite in a temporary data directory): registering, logging
// in, the token reused and dropped, bans and kicks, signing out. Tokens are kept in a MemoryTokenStore here;
// tst_keychain and tst_tokenstore cover the keychain itself.
#include "authentication.h"
#include "chatclient.h"
#include "httpclient.h"
#include "jwt.h"
#include "tcpproxy.h"
#include "testclient.h"
#include "testserver.h"
#include "tokenstore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace natter;

namespace {

const QString password = QStringLiteral("correct horse battery");

QByteArray credentials(const QString &user, const QString &secret)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), secret}})
        .toJson(QJsonDocument::Compact);
}

/// What @p store holds under @p key, read as the client reads it.
QString storedToken(TokenStore &store, const QString &key)
{
    QString token;
    bool answered = false;
    QObject context;
    store.read(key, &context, [&](const QString &found) {
        token = found;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }))
        qWarning("the token store did not answer");
    return token;
}

} // namespace

class TestAccountLogin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void createAccountThenChat();
    void refusalsAreExplained();
    void tokenIsReusedWithoutAsking();
    void rejectedTokenAsksForThePasswordAgain();
    void badTokenAsksForThePasswordAgain_data();
    void badTokenAsksForThePasswordAgain();
    void bannedStopsReconnecting();
    void kickedReconnectsAndSaysWhy();
    void signOutForgetsTheToken();
    void passwordOnAnOpenServerJustConnects();

private:
    std::unique_ptr<TestServer> startServer(const std::function<void(ServerConfig &)> &tweak = {});
    std::unique_ptr<ChatClient> makeClient();
    QString address(const TestServer &server) const { return QStringLiteral("127.0.0.1:%1").arg(server.port()); }
    QByteArray logInOverRest(TestServer &server, const QString &user);

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<MemoryTokenStore> m_store;
    HttpClient m_http;
};

void TestAccountLogin::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_accountlogin"));
    // Nothing here may reach the developer's own keychain.
    qputenv("DBUS_SESSION_BUS_ADDRESS",
            QFile::encodeName(QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus"))));
}

void TestAccountLogin::init()
{
    QSettings().clear();
    QFile::remove(m_dir.filePath(QStringLiteral("outbox.json")));
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
    m_store = std::make_unique<MemoryTokenStore>();
    m_http.bearerToken.clear();
}

std::unique_ptr<TestServer> TestAccountLogin::startServer(const std::function<void(ServerConfig &)> &tweak)
{
    auto server = std::make_unique<TestServer>([&](ServerConfig &config) {
        config.auth = ServerConfig::Auth::Accounts;
        config.dataDir = m_dataDir->path();
        config.database = QStringLiteral("sqlite:") + m_dataDir->filePath(QStringLiteral("natter.sqlite"));
        if (tweak)
            tweak(config);
    });
    if (!server->isRunning())
        qWarning("the accounts server did not start");
    return server;
}

std::unique_ptr<ChatClient> TestAccountLogin::makeClient()
{
    auto client = std::make_unique<ChatClient>();
    client->setOutboxPath(m_dir.filePath(QStringLiteral("outbox.json")));
    client->setReconnectBaseMs(50);
    client->setTokenStore(m_store.get());
    return client;
}

QByteArray TestAccountLogin::logInOverRest(TestServer &server, const QString &user)
{
    m_http.post(server.httpUrl(QStringLiteral("/api/register")), credentials(user, password));
    const auto loggedIn = m_http.post(server.httpUrl(QStringLiteral("/api/login")), credentials(user, password));
    return loggedIn.json().object().value(QStringLiteral("token")).toString().toLatin1();
}

void TestAccountLogin::createAccountThenChat()
{
    auto server = startServer();
    auto client = makeClient();

    // Connecting finds out that this server has accounts and waits for a password; nothing is an error yet.
    QVERIFY(client->connectToServer(address(*server), QStringLiteral("Alice")));
    QTRY_VERIFY(client->passwordRequired());
    QCOMPARE(client->state(), ChatClient::Disconnected);
    QCOMPARE(client->authMode(), ChatClient::Accounts);
    QVERIFY(client->registrationOpen());
    QVERIFY(client->connectionError().isEmpty());
    QVERIFY(!client->signedIn());

    QVERIFY(client->createAccount(address(*server), QStringLiteral("Alice"), password));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    QVERIFY(!client->passwordRequired());
    QVERIFY(client->signedIn());
    QCOMPARE(client->userName(), QStringLiteral("Alice"));
    QVERIFY(client->connectionError().isEmpty()); // no hello was sent (the server would have refused it)
    const QString token = storedToken(*m_store, TokenStore::keyFor(address(*server), QStringLiteral("Alice")));
    QVERIFY(!token.isEmpty());
    // The store keeps it for this run only, and the app says so.
    QVERIFY(client->tokenStorageWarning().contains(QStringLiteral("until Natter quits")));

    // Bob, logged in elsewhere, talks with Alice.
    auto bob = std::make_unique<TestClient>(
        server->webSocketUrl(QStringLiteral("token=") + QString::fromLatin1(logInOverRest(*server, u"Bob"_qs))));
    QVERIFY(bob->waitConnected());
    QVERIFY(!bob->waitForType(QStringLiteral("welcome")).isEmpty());
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    QTRY_COMPARE(client->members()->count(), 2);
    QVERIFY(!bob->send(QStringLiteral("general"), QStringLiteral("Hi Alice")).isEmpty());
    QTRY_COMPARE(client->messages()->count(), 1);
    QVERIFY(client->sendMessage(QStringLiteral("general"), QStringLiteral("Hi Bob")));
    const auto received = bob->waitFor([](const QJsonObject &frame) {
        return frame.value(QLatin1String("type")).toString() == QLatin1String("message") &&
               frame.value(QLatin1String("content")).toString() == QLatin1String("Hi Bob");
    });
    QCOMPARE(received.value(QLatin1String("user")).toString(), QStringLiteral("Alice"));
    QTRY_COMPARE(client->pendingCount(), 0);

    // The room list over REST carries the token too.
    client->refreshServerRooms();
    QTRY_COMPARE(client->serverRooms().size(), 1);
}

void TestAccountLogin::refusalsAreExplained()
{
    auto server = startServer();
    logInOverRest(*server, u"Alice"_qs);
    auto client = makeClient();

    // A wrong password: the form stays, with the reason, and nothing reconnects by itself.
    QVERIFY(client->logIn(address(*server), QStringLiteral("Alice"), QStringLiteral("not the password")));
    QCOMPARE(client->state(), ChatClient::Connecting);
    QTRY_COMPARE(client->connectionError(), QStringLiteral("Wrong name or password."));
    QCOMPARE(client->state(), ChatClient::Disconnected);
    QVERIFY(client->passwordRequired());
    QVERIFY(!QTest::qWaitFor([&] { return client->state() != ChatClient::Disconnected; }, 500));

    // Refused before asking: no password, or one the server would not take for a new account.
    QVERIFY(!client->logIn(address(*server), QStringLiteral("Alice"), QString()));
    QCOMPARE(client->connectionError(), QStringLiteral("Enter your password."));
    QVERIFY(!client->createAccount(address(*server), QStringLiteral("Carol"), QStringLiteral("short")));
    QCOMPARE(client->connectionError(), QStringLiteral("Choose a password of at least 8 characters."));

    // A name someone has.
    QVERIFY(client->createAccount(address(*server), QStringLiteral("alice"), password));
    QTRY_VERIFY(client->connectionError().contains(QStringLiteral("already registered")));
    QCOMPARE(client->state(), ChatClient::Disconnected);

    // A server where only admins add people says so before anyone tries, and explains the refusal.
    QTemporaryDir closedDir;
    TestServer closed([&](ServerConfig &config) {
        config.auth = ServerConfig::Auth::Accounts;
        config.dataDir = closedDir.path();
        config.registrationOpen = false;
    });
    QVERIFY(client->connectToServer(address(closed), QStringLiteral("Dan")));
    QTRY_VERIFY(client->passwordRequired());
    QVERIFY(!client->registrationOpen());
    QVERIFY(client->createAccount(address(closed), QStringLiteral("Dan"), password));
    QTRY_VERIFY(client->connectionError().contains(QStringLiteral("Ask its admin")));

    // Nobody there: the login says so.
    QTcpServer gone;
    QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
    const quint16 port = gone.serverPort();
    gone.close();
    QVERIFY(client->logIn(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("Alice"), password));
    QTRY_VERIFY(client->state() == ChatClient::Reconnecting);
    QVERIFY(!client->connectionError().isEmpty());
}

void TestAccountLogin::tokenIsReusedWithoutAsking()
{
    auto server = startServer();
    TcpProxy proxy(server->port());
    const QString via = QStringLiteral("127.0.0.1:%1").arg(proxy.port());
    {
        auto first = makeClient();
        QVERIFY(first->createAccount(via, QStringLiteral("Alice"), password));
        QTRY_COMPARE_WITH_TIMEOUT(first->state(), ChatClient::Connected, 10000);
    }

    // The app starts again (a new client, the same store) with the name typed in other letter case.
    auto client = makeClient();
    QSignalSpy asked(client.get(), &ChatClient::passwordRequiredChanged);
    QVERIFY(client->connectToServer(via, QStringLiteral("alice")));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    QCOMPARE(client->userName(), QStringLiteral("Alice")); // as the server spells it
    QVERIFY(client->signedIn());

    // The network drops; the client comes back with the same token, and its offline message goes out.
    proxy.setRefusing(true);
    proxy.cutAll();
    QTRY_VERIFY(client->state() != ChatClient::Connected);
    QVERIFY(client->sendMessage(QStringLiteral("general"), QStringLiteral("typed offline")));
    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    QTRY_COMPARE(client->pendingCount(), 0);
    QCOMPARE(asked.count(), 0);
    QVERIFY(client->connectionError().isEmpty());
}

void TestAccountLogin::rejectedTokenAsksForThePasswordAgain()
{
    auto server = startServer();
    const quint16 port = server->port();
    auto client = makeClient();
    QVERIFY(client->createAccount(address(*server), QStringLiteral("Alice"), password));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    const QString key = TokenStore::keyFor(address(*server), QStringLiteral("Alice"));
    QVERIFY(!storedToken(*m_store, key).isEmpty());

    // The server comes back with a new data directory: a new signing key, and no Alice yet. The token is worthless.
    server.reset();
    QTRY_VERIFY(client->state() != ChatClient::Connected);
    m_dataDir = std::make_unique<QTemporaryDir>();
    server = startServer([port](ServerConfig &config) { config.port = port; });
    QVERIFY(server->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(client->passwordRequired(), 10000);
    QCOMPARE(client->state(), ChatClient::Disconnected);
    QVERIFY2(client->connectionError().contains(QStringLiteral("no longer valid")),
             qPrintable(client->connectionError()));
    QVERIFY(!client->signedIn());
    QTRY_VERIFY(storedToken(*m_store, key).isEmpty());
    QVERIFY(!QTest::qWaitFor([&] { return client->state() != ChatClient::Disconnected; }, 500));

    // Registering again there gets her back in.
    QVERIFY(client->createAccount(address(*server), QStringLiteral("Alice"), password));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    QVERIFY(!storedToken(*m_store, key).isEmpty());
}

void TestAccountLogin::badTokenAsksForThePasswordAgain_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("tampered") << QStringLiteral("tampered");
    QTest::newRow("expired") << QStringLiteral("expired");
}

void TestAccountLogin::badTokenAsksForThePasswordAgain()
{
    QFETCH(QString, kind);
    auto server = startServer();
    const QByteArray token = logInOverRest(*server, u"Alice"_qs);
    QVERIFY(!token.isEmpty());
    const QString key = TokenStore::keyFor(address(*server), QStringLiteral("Alice"));
    QByteArray bad;
    if (kind == QLatin1String("tampered")) {
        // The payload says admin now; the signature no longer matches.
        QList<QByteArray> parts = token.split('.');
        parts[1] = QByteArray(R"({"sub":"Alice","role":"admin","exp":4102444800})")
                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        bad = parts.join('.');
    } else {
        // Signed by this server, but its time is up.
        QFile keyFile(m_dataDir->filePath(QStringLiteral("token-signing.key")));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        bad = jwt::sign({QStringLiteral("Alice"), QStringLiteral("user"), now - 7200, now - 7200, now - 3600,
                         QStringLiteral("old")},
                        keyFile.readAll());
    }
    m_store->write(key, QString::fromLatin1(bad));

    auto client = makeClient();
    QVERIFY(client->connectToServer(address(*server), QStringLiteral("Alice")));
    QTRY_VERIFY(client->passwordRequired());
    QVERIFY(client->connectionError().contains(QStringLiteral("no longer valid")));
    QVERIFY(storedToken(*m_store, key).isEmpty());
    QVERIFY(client->logIn(address(*server), QStringLiteral("Alice"), password));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    QCOMPARE(client->userName(), QStringLiteral("Alice"));
    QVERIFY(!storedToken(*m_store, key).isEmpty());
}

void TestAccountLogin::bannedStopsReconnecting()
{
    {
        ServerConfig config = TestServer::defaultConfig();
        config.database = QStringLiteral("sqlite:") + m_dataDir->filePath(QStringLiteral("natter.sqlite"));
        QCOMPARE(createAccount(config, QStringLiteral("Root"), password, true), QString());
    }
    auto server = startServer();
    m_http.bearerToken = logInOverRest(*server, u"Root"_qs);
    auto client = makeClient();
    QVERIFY(client->createAccount(address(*server), QStringLiteral("Bob"), password));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);

    QCOMPARE(m_http.post(server->httpUrl(QStringLiteral("/api/users/Bob/ban")), {}).status, 200);
    QTRY_COMPARE(client->state(), ChatClient::Disconnected);
    QCOMPARE(client->connectionError(), QStringLiteral("You are banned from this server."));
    QVERIFY(!QTest::qWaitFor([&] { return client->state() != ChatClient::Disconnected; }, 1000));

    // Trying again, with the token or the password, gets the same answer.
    QVERIFY(client->connectToServer(address(*server), QStringLiteral("Bob")));
    QTRY_COMPARE(client->state(), ChatClient::Disconnected);
    QCOMPARE(client->connectionError(), QStringLiteral("You are banned from this server."));
    QVERIFY(client->logIn(address(*server), QStringLiteral("Bob"), password));
    QTRY_COMPARE(client->state(), ChatClient::Disconnected);
    QCOMPARE(client->connectionError(), QStringLiteral("You are banned from this server."));

    // Lifted: the kept token works again.
    QCOMPARE(m_http.remove(server->httpUrl(QStringLiteral("/api/users/Bob/ban"))).status, 200);
    QVERIFY(client->connectToServer(address(*server), QStringLiteral("Bob")));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
}

void TestAccountLogin::kickedReconnectsAndSaysWhy()
{
    {
        ServerConfig config = TestServer::defaultConfig();
        config.database = QStringLiteral("sqlite:") + m_dataDir->filePath(QStringLiteral("natter.sqlite"));
        QCOMPARE(createAccount(config, QStringLiteral("Root"), password, true), QString());
    }
    auto server = startServer();
    m_http.bearerToken = logInOverRest(*server, u"Root"_qs);
    auto client = makeClient();
    QVERIFY(client->createAccount(address(*server), QStringLiteral("Bob"), password));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    QSignalSpy states(client.get(), &ChatClient::stateChanged);

    QCOMPARE(m_http.post(server->httpUrl(QStringLiteral("/api/users/Bob/kick")), {}).status, 200);
    QTRY_VERIFY(states.count() > 0);
    QCOMPARE(client->notice(), QStringLiteral("An admin disconnected you from this server."));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    QVERIFY(!client->passwordRequired());
    // The notice stays after the reconnect, until the user has seen it.
    QCOMPARE(client->notice(), QStringLiteral("An admin disconnected you from this server."));
    client->dismissNotice();
    QVERIFY(client->notice().isEmpty());
}

void TestAccountLogin::signOutForgetsTheToken()
{
    auto server = startServer();
    auto client = makeClient();
    QVERIFY(client->createAccount(address(*server), QStringLiteral("Alice"), password));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    const QString key = TokenStore::keyFor(address(*server), QStringLiteral("Alice"));

    client->signOut();
    QCOMPARE(client->state(), ChatClient::Disconnected);
    QVERIFY(client->passwordRequired());
    QVERIFY(!client->signedIn());
    QVERIFY(storedToken(*m_store, key).isEmpty());

    // Connecting again asks for the password rather than getting in.
    QVERIFY(client->connectToServer(address(*server), QStringLiteral("Alice")));
    QTRY_VERIFY(client->passwordRequired());
    QCOMPARE(client->state(), ChatClient::Disconnected);
}

void TestAccountLogin::passwordOnAnOpenServerJustConnects()
{
    TestServer open;
    auto client = makeClient();
    QVERIFY(client->logIn(address(open), QStringLiteral("Alice"), password));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    QCOMPARE(client->authMode(), ChatClient::OpenNames);
    QVERIFY(!client->signedIn());
    QVERIFY(!client->passwordRequired());
    QVERIFY(client->tokenStorageWarning().isEmpty());
    QVERIFY(storedToken(*m_store, TokenStore::keyFor(address(open), QStringLiteral("Alice"))).isEmpty());
}

QTEST_GUILESS_MAIN(TestAccountLogin)
#include "tst_accountlogin.moc"
