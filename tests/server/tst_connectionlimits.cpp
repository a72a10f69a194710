// Liveness and time limits: heartbeat pings, idle drop, handshake and HTTP timeouts (slowloris).
#include "httpclient.h"
#include "protocol.h"
#include "rawclient.h"
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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
    void refusalArrivesDespiteUnreadRequestBytes();
    void peerThatNeverClosesIsCutAtTheCloseDeadline();
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

void TestConnectionLimits::refusalArrivesDespiteUnreadRequestBytes()
{
    auto server = fastTimers();
    RawClient raw;
    QVERIFY(raw.connectTo(server.port()));
    // A body far over the cap, sent in one go: the server refuses it after the head, with megabytes it never
    // reads still arriving. Closing a socket with unread bytes makes the kernel send a reset, which would
    // destroy the 413 in flight; the server's FIN-then-wait close must let the answer through.
    const QByteArray body(4 * 1024 * 1024, 'x');
    raw.write("POST /api/rooms HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
              QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const QByteArray response = raw.readHttpResponse(5000);
    QVERIFY2(response.startsWith("HTTP/1.1 413"), response.left(200).constData());
    QVERIFY(response.contains("\"error\""));
    QVERIFY(raw.waitDisconnected(5000));
}

void TestConnectionLimits::peerThatNeverClosesIsCutAtTheCloseDeadline()
{
    auto server = fastTimers();
    HttpClient http;
    const auto openConnections = [&] {
        return http.get(server.httpUrl(QStringLiteral("/stats"))).json().object().value(u"connections").toInt();
    };
    QCOMPARE(openConnections(), 1); // the statistics request's own (kept-alive) connection

    // A bare socket: unlike QTcpSocket, it does not close by itself when the server's FIN arrives.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    const auto closeSocket = qScopeGuard([fd] { ::close(fd); });
    const timeval receiveTimeout{5, 0}; // a server that never ends the response fails the test, not hangs it
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &receiveTimeout, sizeof receiveTimeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(server.port());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    const QByteArray request = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    QCOMPARE(::send(fd, request.constData(), size_t(request.size()), 0), ssize_t(request.size()));
    // Read the whole response up to the server's FIN (recv returns 0).
    QByteArray response;
    char chunk[4096];
    for (ssize_t n; (n = ::recv(fd, chunk, sizeof chunk, 0)) > 0;)
        response.append(chunk, n);
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
    QCOMPARE(openConnections(), 2); // the server waits for this side to close as well...

    // ...but not forever: the close deadline (300 ms here) ends the connection.
    QTRY_COMPARE_WITH_TIMEOUT(openConnections(), 1, 5000);
}

QTEST_GUILESS_MAIN(TestConnectionLimits)
#include "tst_connectionlimits.moc"
