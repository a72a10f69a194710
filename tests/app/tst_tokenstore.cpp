// The keychain store where no keychain can be reached (no D-Bus session, as on a server or in CI): QtKeychain
// really fails, and the store keeps tokens in memory for this run only, says so, and writes them nowhere. The app
// logs in all the same and tells the user. tst_keychain covers a working keychain.
#include "chatclient.h"
#include "testserver.h"
#include "tokenstore.h"

#include <QDirIterator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace natter;

namespace {

QString readToken(TokenStore &store, const QString &key)
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

/// Whether any file under @p directory contains @p needle.
bool anyFileContains(const QString &directory, const QByteArray &needle)
{
    QDirIterator files(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void keysIgnoreLetterCase();
    void memoryStoreForgetsOnRemove();
    void withoutAKeychainTokensStayInMemory();
    void appLogsInAndSaysTheLoginIsKeptForThisRunOnly();

private:
    QTemporaryDir m_home;
};

void TestTokenStore::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Settings and data under a private HOME, so the check below sees every file the app writes.
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".local/share"))));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_tokenstore"));
    // A session bus address where nothing listens: what a machine without a desktop session looks like, and
    // never the developer's own keychain.
    qputenv("DBUS_SESSION_BUS_ADDRESS",
            QFile::encodeName(QStringLiteral("unix:path=") + m_home.filePath(QStringLiteral("no-bus"))));
}

void TestTokenStore::keysIgnoreLetterCase()
{
    QCOMPARE(TokenStore::keyFor(QStringLiteral("chat.example.org:8082"), QStringLiteral("Alice")),
             TokenStore::keyFor(QStringLiteral("chat.example.org:8082"), QStringLiteral("aLICE")));
    QVERIFY(TokenStore::keyFor(QStringLiteral("chat.example.org:8082"), QStringLiteral("Alice")) !=
            TokenStore::keyFor(QStringLiteral("chat.example.org:9000"), QStringLiteral("Alice")));
    QVERIFY(TokenStore::keyFor(QStringLiteral("a:1"), QStringLiteral("Alice")) !=
            TokenStore::keyFor(QStringLiteral("a:1"), QStringLiteral("Bob")));
}

void TestTokenStore::memoryStoreForgetsOnRemove()
{
    MemoryTokenStore store;
    QVERIFY(!store.isPersistent());
    QSignalSpy settled(&store, &TokenStore::changeSettled);
    store.write(QStringLiteral("k"), QStringLiteral("t1"));
    QVERIFY(settled.wait());
    QCOMPARE(readToken(store, QStringLiteral("k")), QStringLiteral("t1"));
    store.remove(QStringLiteral("k"));
    QVERIFY(settled.wait());
    QVERIFY(readToken(store, QStringLiteral("k")).isEmpty());
}

void TestTokenStore::withoutAKeychainTokensStayInMemory()
{
    const QString key = TokenStore::keyFor(QStringLiteral("127.0.0.1:8082"), QStringLiteral("Alice"));
    const QString token = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.a-token-that-must-not-reach-a-file.c2ln");
    KeychainTokenStore store(QCoreApplication::applicationName());
    QVERIFY(store.isPersistent()); // until the keychain has been tried
    QSignalSpy persistence(&store, &TokenStore::persistenceChanged);
    QSignalSpy settled(&store, &TokenStore::changeSettled);

    // Nothing stored yet; the keychain cannot be reached, which the store now knows.
    QVERIFY(readToken(store, key).isEmpty());
    QCOMPARE(persistence.count(), 1);
    QVERIFY(!store.isPersistent());
    QVERIFY2(!store.problem().isEmpty(), "QtKeychain's reason is kept for the user");

    store.write(key, token);
    QVERIFY(settled.wait());
    QCOMPARE(readToken(store, key), token); // for the rest of this run
    QCOMPARE(QSettings().allKeys(), QStringList());
    QVERIFY(!anyFileContains(m_home.path(), token.toUtf8()));

    // "Restarting": a new store knows nothing.
    KeychainTokenStore restarted(QCoreApplication::applicationName());
    QVERIFY(readToken(restarted, key).isEmpty());

    store.remove(key);
    QVERIFY(settled.wait());
    QVERIFY(readToken(store, key).isEmpty());
}

void TestTokenStore::appLogsInAndSaysTheLoginIsKeptForThisRunOnly()
{
    QTemporaryDir dataDir;
    TestServer server([&](ServerConfig &config) {
        config.auth = ServerConfig::Auth::Accounts;
        config.dataDir = dataDir.path();
    });
    const QString address = QStringLiteral("127.0.0.1:%1").arg(server.port());
    const QString password = QStringLiteral("correct horse battery");
    QString token;
    {
        ChatClient client; // with its own keychain store
        client.setOutboxPath(m_home.filePath(QStringLiteral("outbox.json")));
        QVERIFY(client.connectToServer(address, QStringLiteral("Alice")));
        QTRY_VERIFY(client.passwordRequired());
        // Known before the password is typed: the form can say it.
        QVERIFY2(client.tokenStorageWarning().contains(QStringLiteral("until Natter quits")),
                 qPrintable(client.tokenStorageWarning()));
        QVERIFY(client.createAccount(address, QStringLiteral("Alice"), password));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), ChatClient::Connected, 10000);
        QVERIFY(client.signedIn());
        QVERIFY(!client.tokenStorageWarning().isEmpty());
        token = readToken(*client.tokenStore(), TokenStore::keyFor(address, QStringLiteral("Alice")));
        QVERIFY(!token.isEmpty());
    }
    QVERIFY(!anyFileContains(m_home.path(), token.toUtf8()));

    // The next run asks again.
    ChatClient client;
    client.setOutboxPath(m_home.filePath(QStringLiteral("outbox.json")));
    QVERIFY(client.connectToServer(address, QStringLiteral("Alice")));
    QTRY_VERIFY(client.passwordRequired());
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
