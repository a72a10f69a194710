// The keychain store with a real Secret Service: a private D-Bus session bus and GNOME Keyring (its login keyring
// created and unlocked with a password on standard input, in a temporary HOME), started for this test and stopped
// after it. Tokens written by one store are read by the next (the app started again), are gone after remove(), and
// never appear in a file in the clear. The app logs in once and is let in without a password the next time.
#include "chatclient.h"
#include "testserver.h"
#include "tokenstore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace natter;

namespace {

const QString secretService = QStringLiteral("org.freedesktop.secrets");

QString readToken(TokenStore &store, const QString &key)
{
    QString token;
    bool answered = false;
    QObject context;
    store.read(key, &context, [&](const QString &found) {
        token = found;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 10000))
        qWarning("the token store did not answer");
    return token;
}

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

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void tokensOutliveTheStore();
    void appLogsInOnceAndIsLetInNextTime();

private:
    static void stop(QProcess &process);

    QTemporaryDir m_home;
    QProcess m_bus;
    QProcess m_keyring;
};

void TestKeychain::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty(),
             "dbus-daemon is missing (scripts/dependencies.sh installs it)");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty(),
             "gnome-keyring-daemon is missing (scripts/dependencies.sh installs it)");
    const QString runtimeDir = m_home.filePath(QStringLiteral("run"));
    QVERIFY(QDir().mkpath(runtimeDir));
    QFile::setPermissions(runtimeDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // A session bus of our own; its address is the first line it prints.
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1"),
                 QStringLiteral("--address=unix:path=") + m_home.filePath(QStringLiteral("bus"))});
    QVERIFY2(m_bus.waitForStarted(), qPrintable(m_bus.errorString()));
    QByteArray address;
    QVERIFY(QTest::qWaitFor(
        [&] {
            address += m_bus.readAllStandardOutput();
            return address.contains('\n');
        },
        10000));
    address = address.trimmed();

    // Everything in this process (QtDBus, and libsecret under QtKeychain) uses it from now on.
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("share"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_keychain"));

    // GNOME Keyring with only the Secret Service, its login keyring unlocked by the password on standard input.
    m_keyring.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    m_keyring.start(QStringLiteral("gnome-keyring-daemon"), {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                                                             QStringLiteral("--components=secrets")});
    QVERIFY2(m_keyring.waitForStarted(), qPrintable(m_keyring.errorString()));
    m_keyring.write("keyring password for tests");
    m_keyring.closeWriteChannel();
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    QVERIFY(bus);
    QTRY_VERIFY_WITH_TIMEOUT(bus->isServiceRegistered(secretService).value(), 10000);
}

void TestKeychain::stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished();
    }
}

void TestKeychain::cleanupTestCase()
{
    stop(m_keyring);
    stop(m_bus);
}

void TestKeychain::tokensOutliveTheStore()
{
    const QString key = TokenStore::keyFor(QStringLiteral("127.0.0.1:8082"), QStringLiteral("Alice"));
    const QString token = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.a-token-kept-in-the-keyring.c2ln");
    {
        KeychainTokenStore store(QCoreApplication::applicationName());
        QVERIFY(readToken(store, key).isEmpty());
        QSignalSpy settled(&store, &TokenStore::changeSettled);
        store.write(key, token);
        QVERIFY(settled.wait(10000));
        QVERIFY2(store.isPersistent(), qPrintable(store.problem()));
    }
    // Another store, as after a restart of the app, reads it from the keyring.
    KeychainTokenStore restarted(QCoreApplication::applicationName());
    QCOMPARE(readToken(restarted, key), token);
    QVERIFY(restarted.isPersistent());
    // Another profile (another service name) has its own entries.
    KeychainTokenStore otherProfile(QStringLiteral("tst_keychain-other"));
    QVERIFY(readToken(otherProfile, key).isEmpty());
    // Encrypted on disk: the token is in no file in the clear.
    QVERIFY(!anyFileContains(m_home.path(), token.toUtf8()));

    QSignalSpy settled(&restarted, &TokenStore::changeSettled);
    restarted.remove(key);
    QVERIFY(settled.wait(10000));
    QVERIFY(restarted.isPersistent());
    KeychainTokenStore again(QCoreApplication::applicationName());
    QVERIFY(readToken(again, key).isEmpty());
}

void TestKeychain::appLogsInOnceAndIsLetInNextTime()
{
    QTemporaryDir dataDir;
    TestServer server([&](ServerConfig &config) {
        config.auth = ServerConfig::Auth::Accounts;
        config.dataDir = dataDir.path();
    });
    const QString address = QStringLiteral("127.0.0.1:%1").arg(server.port());
    const QString key = TokenStore::keyFor(address, QStringLiteral("Alice"));
    {
        ChatClient client;
        client.setOutboxPath(m_home.filePath(QStringLiteral("outbox.json")));
        QSignalSpy settled(client.tokenStore(), &TokenStore::changeSettled);
        QVERIFY(client.createAccount(address, QStringLiteral("Alice"), QStringLiteral("correct horse battery")));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), ChatClient::Connected, 10000);
        // In the keyring before the app "quits".
        QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, 10000);
        QVERIFY(client.tokenStorageWarning().isEmpty());
    }
    KeychainTokenStore keyring(QCoreApplication::applicationName());
    QVERIFY(!readToken(keyring, key).isEmpty());

    // Started again: in without a password.
    ChatClient client;
    client.setOutboxPath(m_home.filePath(QStringLiteral("outbox.json")));
    QSignalSpy asked(&client, &ChatClient::passwordRequiredChanged);
    QVERIFY(client.connectToServer(address, QStringLiteral("Alice")));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ChatClient::Connected, 10000);
    QCOMPARE(asked.count(), 0);
    QVERIFY(client.signedIn());

    // Signing out removes it from the keyring: the next start asks.
    QSignalSpy settled(client.tokenStore(), &TokenStore::changeSettled);
    client.signOut();
    QVERIFY(client.passwordRequired());
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, 10000);
    KeychainTokenStore afterSignOut(QCoreApplication::applicationName());
    QVERIFY(readToken(afterSignOut, key).isEmpty());
    ChatClient next;
    next.setOutboxPath(m_home.filePath(QStringLiteral("outbox.json")));
    QVERIFY(next.connectToServer(address, QStringLiteral("Alice")));
    QTRY_VERIFY(next.passwordRequired());
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
