// `natter --server` as users run it: the real executable, its options, its signals and exit codes.
#include "httpclient.h"
#include "serverprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestHeadlessServer : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp();
    void badArgumentsExitWithAMessage_data();
    void badArgumentsExitWithAMessage();
    void sigtermClosesWebSocketsWith1001AndExitsZero();
    void sigintAlsoStopsCleanly();
    void configFileSetsOptions();
    void shippedConfigFileIsValid();
    void portInUseIsAClearError();
    void dataDirectoryIsLocked();
    void logsConnectionsButNeverMessageBodies();

private:
    static QProcess *runToEnd(const QStringList &arguments);
};

QProcess *TestHeadlessServer::runToEnd(const QStringList &arguments)
{
    // Never the user's own data: the default data directory lives under a home of the test's own.
    static QTemporaryDir home;
    auto *process = new QProcess;
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    process->setProcessEnvironment(environment);
    process->start(ServerProcess::executable(), arguments);
    process->waitForFinished(10000);
    return process;
}

void TestHeadlessServer::versionAndHelp()
{
    std::unique_ptr<QProcess> version(runToEnd({QStringLiteral("--version")}));
    QCOMPARE(version->exitCode(), 0);
    QCOMPARE(version->readAllStandardOutput().trimmed(), QByteArray("natter " NATTER_VERSION));

    std::unique_ptr<QProcess> help(runToEnd({QStringLiteral("--server"), QStringLiteral("--help")}));
    QCOMPARE(help->exitCode(), 0);
    const QByteArray text = help->readAllStandardOutput();
    for (const char *option : {"--port", "--bind", "--data-dir", "--history", "--threads", "--config",
                               "--ping-interval", "--idle-timeout", "--rate-limit", "--max-content-bytes"})
        QVERIFY2(text.contains(option), option);
}

void TestHeadlessServer::badArgumentsExitWithAMessage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("port out of range") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")}
                                       << QByteArray("--port");
    QTest::addRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QByteArray("frobnicate");
    QTest::addRow("bad bind address") << QStringList{QStringLiteral("--bind"), QStringLiteral("nowhere")}
                                      << QByteArray("--bind");
    QTest::addRow("missing config") << QStringList{QStringLiteral("--config"), QStringLiteral("/nonexistent.ini")}
                                    << QByteArray("/nonexistent.ini");
}

void TestHeadlessServer::badArgumentsExitWithAMessage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    std::unique_ptr<QProcess> process(runToEnd(QStringList{QStringLiteral("--server")} + arguments));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 2);
    const QByteArray error = process->readAllStandardError();
    QVERIFY2(error.contains(message), error.constData());
}

void TestHeadlessServer::sigtermClosesWebSocketsWith1001AndExitsZero()
{
    ServerProcess server;
    QVERIFY2(server.start(), server.log().constData());
    const QUrl base(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port()));
    auto typed = TestClient::typed(base, QStringLiteral("Alice"));
    auto seed = TestClient::simple(base, QStringLiteral("general"), QStringLiteral("Bob"));
    QVERIFY(seed->isConnected());
    QCOMPARE(server.terminate(), 0);
    QVERIFY(typed->waitDisconnected());
    QVERIFY(seed->waitDisconnected());
    QCOMPARE(typed->closeCode(), 1001);
    QCOMPARE(seed->closeCode(), 1001);
    QVERIFY(server.log().contains("shutting down"));
}

void TestHeadlessServer::sigintAlsoStopsCleanly()
{
    ServerProcess server;
    QVERIFY2(server.start(), server.log().constData());
    ::kill(pid_t(server.pid()), SIGINT);
    QVERIFY(server.process().waitForFinished(10000));
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
}

void TestHeadlessServer::configFileSetsOptions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile ini(dir.filePath(QStringLiteral("server.ini")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[server]\nhistory=3\nname=Config Test\nmax-content-bytes=16\ndatabase=memory\n");
    ini.close();

    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--config"), ini.fileName()}), server.log().constData());
    QVERIFY(server.log().contains("Config Test"));
    const QUrl base(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port()));
    auto alice = TestClient::typed(base, QStringLiteral("Alice"));
    QCOMPARE(alice->waitForType(QStringLiteral("welcome")).value(QLatin1String("server")).toString(),
             QStringLiteral("Config Test"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    for (int i = 0; i < 5; ++i)
        QVERIFY(!alice->send(QStringLiteral("general"), QStringLiteral("m%1").arg(i)).isEmpty());
    // history=3 from the file: the ring keeps three (in memory, the ring is all there is).
    HttpClient http;
    const auto messages =
        http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/rooms/general/messages").arg(server.port())));
    QCOMPARE(messages.json().array().size(), 3);
    // max-content-bytes=16 from the file.
    const QString id = alice->request({{QStringLiteral("type"), QStringLiteral("send")},
                                       {QStringLiteral("room"), QStringLiteral("general")},
                                       {QStringLiteral("content"), QString(17, QLatin1Char('x'))}});
    QCOMPARE(alice->waitForReply(id).value(QLatin1String("code")).toString(), QStringLiteral("MESSAGE_TOO_LARGE"));
    QCOMPARE(server.terminate(), 0);
}

void TestHeadlessServer::shippedConfigFileIsValid()
{
    ServerProcess server;
    QVERIFY2(
        server.start({QStringLiteral("--config"), QStringLiteral(NATTER_SOURCE_DIR "/installer/linux/server.ini")}),
        server.log().constData());
    QCOMPARE(server.terminate(), 0);
}

void TestHeadlessServer::portInUseIsAClearError()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    std::unique_ptr<QProcess> process(
        runToEnd({QStringLiteral("--server"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                  QStringLiteral("--port"), QString::number(occupant.serverPort()), QStringLiteral("--no-announce"),
                  // Nothing of the user's own data directory: this test is about the port.
                  QStringLiteral("--database"), QStringLiteral("memory")}));
    QCOMPARE(process->exitCode(), 1);
    const QByteArray error = process->readAllStandardError();
    QVERIFY2(error.contains("already in use"), error.constData());
}

void TestHeadlessServer::dataDirectoryIsLocked()
{
    QTemporaryDir dir;
    ServerProcess first;
    QVERIFY2(first.start({QStringLiteral("--data-dir"), dir.path()}), first.log().constData());
    std::unique_ptr<QProcess> second(
        runToEnd({QStringLiteral("--server"), QStringLiteral("--port"), QStringLiteral("0"),
                  QStringLiteral("--no-announce"), QStringLiteral("--data-dir"), dir.path()}));
    QCOMPARE(second->exitCode(), 1);
    QVERIFY(second->readAllStandardError().contains("data directory"));
    QCOMPARE(first.terminate(), 0);
}

void TestHeadlessServer::logsConnectionsButNeverMessageBodies()
{
    ServerProcess server;
    QVERIFY2(server.start(), server.log().constData());
    const QUrl base(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port()));
    {
        auto alice = TestClient::typed(base, QStringLiteral("Alice"));
        QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
        QVERIFY(!alice->send(QStringLiteral("general"), QStringLiteral("secret-body-text")).isEmpty());
        alice->sendText(QStringLiteral("{not json secret-garbage"));
        QVERIFY(!alice->waitForType(QStringLiteral("error")).isEmpty());
    }
    QCOMPARE(server.terminate(), 0);
    const QByteArray log = server.log();
    QVERIFY(log.contains("WebSocket opened"));
    QVERIFY(log.contains("closed"));
    QVERIFY(!log.contains("secret-body-text"));
    QVERIFY(!log.contains("secret-garbage"));
}

QTEST_GUILESS_MAIN(TestHeadlessServer)
#include "tst_headlessserver.moc"
