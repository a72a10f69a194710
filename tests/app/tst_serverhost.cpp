// Hosting from the app: the same engine on its own threads, reachable by others, stopped cleanly.
#include "chatclient.h"
#include "serverdiscovery.h"
#include "serverhost.h"
#include "testclient.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace natter;

namespace {
/// Threads of this process that belong to a chat server (Qt names OS threads after their QThread's objectName).
int serverThreadCount()
{
    int count = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(task + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly))
            continue;
        const QByteArray name = comm.readAll().trimmed();
        count += name.startsWith("io worker") || name.startsWith("room shard") || name == "listener";
    }
    return count;
}

quint16 freeUdpPort()
{
    QUdpSocket probe;
    probe.bind(QHostAddress::LocalHost, 0);
    return probe.localPort();
}
} // namespace

class TestServerHost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hostChatAndStopCleanly();
    void portInUseIsAClearError();
    void discoveryListsAStartedServer();

private:
    QTemporaryDir m_dir;
};

void TestServerHost::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_serverhost"));
}

void TestServerHost::hostChatAndStopCleanly()
{
    QCOMPARE(serverThreadCount(), 0);
    ServerHost host;
    host.setAnnounce({}, 0); // no LAN beacon from a test
    host.setDatabase(QStringLiteral("memory"));
    host.setBindAddress(QStringLiteral("127.0.0.1"));
    QSignalSpy running(&host, &ServerHost::runningChanged);
    QVERIFY2(host.start(0, QStringLiteral("Living room")), qPrintable(host.error()));
    QVERIFY(host.isRunning());
    QCOMPARE(running.size(), 1);
    QCOMPARE(host.serverName(), QStringLiteral("Living room"));
    QVERIFY(host.port() > 0);
    QVERIFY(!host.addresses().isEmpty());
    for (const QString &address : host.addresses())
        QVERIFY(address.endsWith(QLatin1Char(':') + QString::number(host.port())));
    // The server runs on threads of its own (listener, workers, shards), not the GUI thread.
    QVERIFY(serverThreadCount() >= 3);

    // The host's own client over loopback, and a second client from "elsewhere".
    ChatClient own;
    own.setOutboxPath(m_dir.filePath(QStringLiteral("outbox.json")));
    QVERIFY(own.connectToServer(host.localAddress(), QStringLiteral("Host")));
    QTRY_COMPARE(own.state(), ChatClient::Connected);
    QCOMPARE(own.serverName(), QStringLiteral("Living room"));
    auto guest =
        TestClient::typed(QUrl(QStringLiteral("ws://%1/ws").arg(host.localAddress())), QStringLiteral("Guest"));
    QVERIFY(!guest->join(QStringLiteral("general")).isEmpty());
    QTRY_COMPARE(host.connectionCount(), 2);

    QVERIFY(own.sendMessage(QStringLiteral("general"), QStringLiteral("welcome in")));
    QCOMPARE(guest->waitForType(QStringLiteral("message")).value(QLatin1String("content")).toString(),
             QStringLiteral("welcome in"));
    QVERIFY(!guest->send(QStringLiteral("general"), QStringLiteral("thanks")).isEmpty());
    QTRY_COMPARE(own.messages()->count(), 2);

    const quint16 port = quint16(host.port());
    host.stop();
    QVERIFY(!host.isRunning());
    QCOMPARE(host.connectionCount(), 0);
    // Everyone was told the server is going away...
    QVERIFY(guest->waitDisconnected());
    QCOMPARE(guest->closeCode(), 1001);
    QTRY_COMPARE(own.state(), ChatClient::Reconnecting);
    own.disconnectFromServer();
    // ...no server thread is left (QThread::wait() returns as the OS thread is exiting), and the port is free.
    QTRY_COMPARE(serverThreadCount(), 0);
    QTcpServer reuse;
    QVERIFY2(reuse.listen(QHostAddress::LocalHost, port), qPrintable(reuse.errorString()));
}

void TestServerHost::portInUseIsAClearError()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::Any, 0));
    ServerHost host;
    host.setAnnounce({}, 0);
    host.setDatabase(QStringLiteral("memory"));
    QVERIFY(!host.start(occupant.serverPort(), QStringLiteral("Clash")));
    QVERIFY(!host.isRunning());
    QVERIFY2(host.error().contains(QLatin1String("already in use")), qPrintable(host.error()));
}

void TestServerHost::discoveryListsAStartedServer()
{
    // The beacon goes to loopback here: tests never send to the real network.
    const quint16 beaconPort = freeUdpPort();
    ServerDiscovery discovery;
    new QAbstractItemModelTester(&discovery, QAbstractItemModelTester::FailureReportingMode::QtTest, &discovery);
    QVERIFY(discovery.listen(QHostAddress::LocalHost, beaconPort));
    QCOMPARE(discovery.count(), 0);

    ServerHost host;
    host.setDatabase(QStringLiteral("memory"));
    host.setAnnounce(QStringLiteral("127.0.0.1"), beaconPort);
    host.setBindAddress(QStringLiteral("127.0.0.1"));
    QVERIFY2(host.start(0, QStringLiteral("Found me")), qPrintable(host.error()));
    QTRY_COMPARE(discovery.count(), 1);
    const QModelIndex row = discovery.index(0);
    QCOMPARE(row.data(ServerDiscovery::NameRole).toString(), QStringLiteral("Found me"));
    QCOMPARE(row.data(ServerDiscovery::PortRole).toInt(), host.port());
    QCOMPARE(row.data(ServerDiscovery::AddressRole).toString(), QStringLiteral("127.0.0.1:%1").arg(host.port()));

    // Repeated beacons do not duplicate the entry; a stopped server disappears after the expiry.
    discovery.setExpiryMs(1500);
    host.stop();
    QTRY_COMPARE_WITH_TIMEOUT(discovery.count(), 0, 8000);
}

QTEST_GUILESS_MAIN(TestServerHost)
#include "tst_serverhost.moc"
