// Liveness and time limits: heartbeat pings, idle drop, handshake and HTTP timeouts (slowloris).
#include "protocol.h"
#include "rawclient.h"
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace natter;

class TestConnectionLimits : public QObject
{
    Q_OBJECT

private slots:
    void serverPingsAndKeepsAnsweringClients();
    void silentClientIsDropped();
    void handshakeTimeoutAnswers408();
    void slowlorisIsCutDespiteTrickling();
    void idleKeepAliveConnectionIsClosed();
};

namespace {
TestServer fastTimers()
{
    return TestServer([](ServerConfig &config) {
        config.pingIntervalMs = 200;
        config.idleTimeoutMs = 600;
        config.handshakeTimeoutMs = 400;
        config.httpTimeoutMs = 400;
        config.closeTimeoutMs = 300;
    });
}
} // namespace

void TestConnectionLimits::serverPingsAndKeepsAnsweringClients()
{
    auto server = fastTimers();
    // QWebSocket answers pings by itself: the connection outlives several idle timeouts.
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(!QTest::qWaitFor([&] { return !alice->isConnected(); }, 2000));
    QVERIFY(elapsed.elapsed() >= 2000);
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());

    // A raw client sees the pings.
    RawClient raw;
    QVERIFY(raw.upgrade(server.port(), "/ws?room=general&user=Raw").startsWith("HTTP/1.1 101"));
    RawClient::Frame frame;
    QVERIFY(raw.readFrame(frame, 2000));
    QCOMPARE(frame.opcode, quint8(0x9));
}

void TestConnectionLimits::silentClientIsDropped()
{
    auto server = fastTimers();
    RawClient raw;
    QVERIFY(raw.upgrade(server.port(), "/ws?room=general&user=Mute").startsWith("HTTP/1.1 101"));
    // It never answers a ping nor sends anything: closed with 1001 after the idle timeout.
    QCOMPARE(raw.waitForClose(5000), 1001);
    QVERIFY(raw.waitDisconnected(5000));
}

void TestConnectionLimits::handshakeTimeoutAnswers408()
{
    auto server = fastTimers();
    RawClient raw;
    QVERIFY(raw.connectTo(server.port()));
    // Says nothing at all.
    const QByteArray response = raw.readHttpResponse(5000);
    QVERIFY2(response.startsWith("HTTP/1.1 408"), response.constData());
    QVERIFY(raw.waitDisconnected());
}

void TestConnectionLimits::slowlorisIsCutDespiteTrickling()
{
    auto server = fastTimers();
    RawClient raw;
    QVERIFY(raw.connectTo(server.port()));
    // One header byte every 50 ms: always active, never done.
    const QByteArray request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + QByteArray(1000, 'z');
    qsizetype sent = 0;
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, this, [&] {
        if (sent < request.size() && raw.socket().state() == QAbstractSocket::ConnectedState)
            raw.write(request.mid(sent++, 1));
    });
    trickle.start(50);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(raw.waitDisconnected(5000));
    QVERIFY(elapsed.elapsed() < 3000);
    QVERIFY(sent < request.size());
}

void TestConnectionLimits::idleKeepAliveConnectionIsClosed()
{
    auto server = fastTimers();
    RawClient raw;
    QVERIFY(raw.connectTo(server.port()));
    raw.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(raw.readHttpResponse().startsWith("HTTP/1.1 200"));
    // Kept alive, then closed quietly once idle for longer than the HTTP timeout.
    QVERIFY(raw.waitDisconnected(5000));
}

QTEST_GUILESS_MAIN(TestConnectionLimits)
#include "tst_connectionlimits.moc"
