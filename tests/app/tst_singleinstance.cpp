// One desktop app per user: the real `natter` executable (offscreen, in a private home and runtime directory),
// started again, started twice at once, after a crash, with a natter:// link, against a real server.
#include "serverprocess.h"
#include "singleinstance.h"
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLockFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using natter::SingleInstance;

namespace {

/// A user's own home, config, data and runtime directories, so that nothing here meets a real Natter.
class Sandbox
{
public:
    Sandbox()
    {
        for (const char *name : {"home", "config", "data", "cache", "run"})
            QDir(m_root.path()).mkdir(QString::fromLatin1(name));
        // Qt only uses a runtime directory that is private to the user.
        QFile::setPermissions(path("run"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    QString path(const char *name) const { return m_root.filePath(QString::fromLatin1(name)); }
    QString runtimeDir() const { return path("run"); }
    QString lockFile(const QString &application = QStringLiteral("natter")) const
    {
        return QDir(runtimeDir()).filePath(application + QStringLiteral(".lock"));
    }
    QString socketFile(const QString &application = QStringLiteral("natter")) const
    {
        return QDir(runtimeDir()).filePath(application + QStringLiteral(".socket"));
    }

    QProcessEnvironment environment() const
    {
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), path("home"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), path("config"));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), path("data"));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), path("cache"));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("NATTER_LAN_GROUP"), QStringLiteral("off"));
        environment.remove(QStringLiteral("XDG_ACTIVATION_TOKEN"));
        return environment;
    }

    /// The app's settings file (what Qt.labs.settings reads), to start it as a returning user.
    void writeSettings(const QVariantMap &values) const
    {
        QSettings settings(path("config") + QStringLiteral("/Natter/natter.conf"), QSettings::IniFormat);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            settings.setValue(it.key(), it.value());
    }

private:
    QTemporaryDir m_root;
};

/// The desktop app as a child process; killed at the end of the test if still running.
class App
{
public:
    App(const Sandbox &sandbox, const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment())
    {
        m_process.setProcessEnvironment(environment.isEmpty() ? sandbox.environment() : environment);
        m_process.start(ServerProcess::executable(), arguments);
    }
    ~App()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool running() const { return m_process.state() != QProcess::NotRunning; }
    /// Waits for the exit and returns the exit code (-1 for a crash or a hang).
    int waitForExit(int timeoutMs = 15000)
    {
        if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(timeoutMs))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    void crash()
    {
        m_process.kill(); // SIGKILL: no clean-up at all, the lock file stays
        m_process.waitForFinished(5000);
    }
    qint64 pid() const { return m_process.processId(); }
    QByteArray errorOutput() { return m_process.readAllStandardError(); }

private:
    QProcess m_process;
};

qint64 lockOwner(const QString &path)
{
    QLockFile lock(path);
    qint64 pid = 0;
    QString host;
    QString application;
    return lock.getLockInfo(&pid, &host, &application) ? pid : 0;
}

bool isMemberJoined(const QJsonObject &frame, const QString &room, const QString &user)
{
    return frame.value(QLatin1String("type")).toString() == QLatin1String("member_joined") &&
           frame.value(QLatin1String("room")).toString() == room &&
           frame.value(QLatin1String("user")).toString() == user;
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void secondLaunchHandsItsCommandLineToTheFirst();
    void runningAppJoinsTheRoomOfALink();
    void crashedInstanceLeavesAStaleLockThatIsTakenOver();
    void twoLaunchesAtOnceLeaveOneApp();
    void profilesRunSideBySide();
    void headlessServerIsNotLimited();
    void unansweringInstanceIsReported();
    void badCommandLineExitsWithAMessage();
};

void TestSingleInstance::secondLaunchHandsItsCommandLineToTheFirst()
{
    Sandbox sandbox;
    SingleInstance first(sandbox.runtimeDir(), QStringLiteral("natter"));
    QCOMPARE(first.start({}), SingleInstance::Role::Primary);
    QVERIFY(QFileInfo::exists(sandbox.lockFile()));
    QVERIFY(QFileInfo::exists(sandbox.socketFile()));
    QSignalSpy received(&first, &SingleInstance::messageReceived);

    auto environment = sandbox.environment();
    environment.insert(QStringLiteral("XDG_ACTIVATION_TOKEN"), QStringLiteral("token-from-the-launcher"));
    QElapsedTimer elapsed;
    elapsed.start();
    App second(sandbox, {QStringLiteral("natter://127.0.0.1:9000/lobby")}, environment);
    // It waits for this process's answer, so the event loop must run while it exits.
    QTRY_VERIFY_WITH_TIMEOUT(!second.running(), 10000);
    QCOMPARE(second.waitForExit(), 0);
    qInfo("second launch exited after %lld ms", elapsed.elapsed());
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(0).toStringList(), QStringList{QStringLiteral("natter://127.0.0.1:9000/lobby")});
    QCOMPARE(received.at(0).at(1).toString(), QStringLiteral("token-from-the-launcher"));

    // A plain second launch (the menu entry clicked again) carries no arguments.
    App third(sandbox, {});
    QTRY_VERIFY_WITH_TIMEOUT(!third.running(), 10000);
    QCOMPARE(third.waitForExit(), 0);
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(1).at(0).toStringList(), QStringList());
}

void TestSingleInstance::runningAppJoinsTheRoomOfALink()
{
    TestServer server;
    QVERIFY(server.isRunning());
    Sandbox sandbox;
    // A returning user: the app connects at start to the server it used last time.
    sandbox.writeSettings({{QStringLiteral("lastAddress"), QStringLiteral("127.0.0.1:%1").arg(server.port())},
                           {QStringLiteral("lastUser"), QStringLiteral("Ann")},
                           {QStringLiteral("autoConnect"), true}});
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!bob->join(QStringLiteral("lobby")).isEmpty());

    App first(sandbox, {});
    QVERIFY(!bob->waitFor([](const QJsonObject &f) { return isMemberJoined(f, u"general"_qs, u"Ann"_qs); }, 15000)
                 .isEmpty());

    // A natter:// link clicked elsewhere starts natter again: it hands the link over and exits at once...
    App second(sandbox, {QStringLiteral("natter://127.0.0.1:%1/lobby").arg(server.port())});
    QCOMPARE(second.waitForExit(), 0);
    // ... and the running app joins the room on its existing connection.
    QVERIFY(
        !bob->waitFor([](const QJsonObject &f) { return isMemberJoined(f, u"lobby"_qs, u"Ann"_qs); }, 10000).isEmpty());
    QVERIFY(first.running());
}

void TestSingleInstance::crashedInstanceLeavesAStaleLockThatIsTakenOver()
{
    Sandbox sandbox;
    App crashed(sandbox, {});
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(sandbox.socketFile()), 10000);
    QCOMPARE(lockOwner(sandbox.lockFile()), crashed.pid());
    crashed.crash();
    // What a crash leaves behind: the lock file naming a dead process, and the socket file.
    QVERIFY(QFileInfo::exists(sandbox.lockFile()));
    QVERIFY(QFileInfo::exists(sandbox.socketFile()));

    App next(sandbox, {});
    QTRY_COMPARE_WITH_TIMEOUT(lockOwner(sandbox.lockFile()), next.pid(), 10000);
    QVERIFY(next.running());
    // It listens again where the crashed one did: a later launch reaches it.
    App later(sandbox, {});
    QCOMPARE(later.waitForExit(), 0);
    QVERIFY(next.running());
}

void TestSingleInstance::twoLaunchesAtOnceLeaveOneApp()
{
    Sandbox sandbox;
    App one(sandbox, {});
    App two(sandbox, {});
    // Whichever takes the lock first stays; the other hands over (once the first listens) and exits 0.
    QTRY_VERIFY_WITH_TIMEOUT(!one.running() || !two.running(), 15000);
    App &exited = one.running() ? two : one;
    App &stayed = one.running() ? one : two;
    QCOMPARE(exited.waitForExit(), 0);
    QVERIFY(stayed.running());
    QCOMPARE(lockOwner(sandbox.lockFile()), stayed.pid());
}

void TestSingleInstance::profilesRunSideBySide()
{
    Sandbox sandbox;
    App main(sandbox, {});
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(sandbox.socketFile()), 10000);
    // Another profile is another app: separate settings, data and instance.
    App work(sandbox, {QStringLiteral("--profile"), QStringLiteral("work")});
    QTRY_COMPARE_WITH_TIMEOUT(lockOwner(sandbox.lockFile(QStringLiteral("natter-work"))), work.pid(), 10000);
    QVERIFY(main.running());
    QVERIFY(work.running());
    App workAgain(sandbox, {QStringLiteral("--profile"), QStringLiteral("work")});
    QCOMPARE(workAgain.waitForExit(), 0);
    QVERIFY(work.running());
}

void TestSingleInstance::headlessServerIsNotLimited()
{
    Sandbox sandbox;
    App app(sandbox, {});
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(sandbox.socketFile()), 10000);

    QTemporaryDir dataDir;
    auto environment = sandbox.environment();
    environment.remove(QStringLiteral("QT_LOGGING_RULES")); // keep the "listening on" line
    QProcess server;
    server.setProcessEnvironment(environment);
    server.start(ServerProcess::executable(),
                 {QStringLiteral("--server"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--bind"),
                  QStringLiteral("127.0.0.1"), QStringLiteral("--no-announce"), QStringLiteral("--data-dir"),
                  dataDir.path()});
    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT((log += server.readAllStandardError()).contains("listening on"), 10000);
    QVERIFY(app.running());
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitCode(), 0);
}

void TestSingleInstance::unansweringInstanceIsReported()
{
    // Another process holds the lock (this one, through a second lock object) but never answers.
    QTemporaryDir dir;
    QLockFile held(dir.filePath(QStringLiteral("natter.lock")));
    QVERIFY(held.tryLock(0));
    SingleInstance instance(dir.path(), QStringLiteral("natter"));
    QCOMPARE(instance.start({}, 300), SingleInstance::Role::Unreachable);
    QVERIFY2(instance.errorString().contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(instance.errorString()));
    // The lock was not taken from it.
    QCOMPARE(lockOwner(held.fileName()), QCoreApplication::applicationPid());
}

void TestSingleInstance::badCommandLineExitsWithAMessage()
{
    Sandbox sandbox;
    App unknown(sandbox, {QStringLiteral("--frobnicate")});
    QCOMPARE(unknown.waitForExit(), 2);
    QVERIFY(unknown.errorOutput().contains("frobnicate"));
    App badProfile(sandbox, {QStringLiteral("--profile"), QStringLiteral("../elsewhere")});
    QCOMPARE(badProfile.waitForExit(), 2);
    QVERIFY(badProfile.errorOutput().contains("--profile"));
    // Neither got as far as the instance lock.
    QVERIFY(!QFileInfo::exists(sandbox.lockFile()));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
