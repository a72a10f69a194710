// A client that stops reading must not hurt anyone else: it is dropped, the others keep receiving,
// and the server's memory stays bounded. The server runs as its own process so its RSS can be read.
#include "httpclient.h"
#include "protocol.h"
#include "rawclient.h"
#include "serverprocess.h"

#include <QJsonObject>
#include <QTest>
#include <QWebSocket>

using namespace natter;

class TestSlowConsumer : public QObject
{
    Q_OBJECT

private slots:
    void stalledReaderIsDroppedOthersKeepReceiving();
};

void TestSlowConsumer::stalledReaderIsDroppedOthersKeepReceiving()
{
    constexpr qint64 queueBound = 256 * 1024;
    ServerProcess server;
    // In memory: this measures the send queue's bound, not the database's page cache.
    QVERIFY2(
        server.start({QStringLiteral("--rate-limit"), QStringLiteral("0"), QStringLiteral("--max-send-queue-bytes"),
                      QString::number(queueBound), QStringLiteral("--database"), QStringLiteral("memory")}),
        server.log().constData());
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/ws?room=general&user=").arg(server.port()));

    // The stalled reader: completes the upgrade, then never reads again. Qt stops pulling from the kernel once
    // its small read buffer is full, so the server's queue for it fills.
    RawClient stalled;
    QVERIFY(stalled.connectTo(server.port()));
    stalled.socket().setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    QVERIFY(stalled.upgrade(server.port(), "/ws?room=general&user=Stalled").startsWith("HTTP/1.1 101"));
    stalled.socket().setReadBufferSize(1024);

    // Healthy readers count what they get (keeping every frame would measure the test, not the server).
    constexpr int readers = 3;
    QList<std::shared_ptr<QWebSocket>> sockets;
    QList<int> received(readers, 0);
    for (int i = 0; i < readers; ++i) {
        auto socket = std::make_shared<QWebSocket>();
        connect(socket.get(), &QWebSocket::textMessageReceived, this, [&received, i](const QString &text) {
            if (text.contains(QLatin1String("\"type\":\"message\"")))
                ++received[i];
        });
        socket->open(QUrl(url.toString() + QStringLiteral("reader%1").arg(i)));
        sockets.append(socket);
    }
    QTRY_VERIFY(std::all_of(sockets.cbegin(), sockets.cend(),
                            [](const auto &s) { return s->state() == QAbstractSocket::ConnectedState; }));

    const qint64 rssBefore = server.residentKiB();
    // 10000 messages of ~4 KB: 40 MB towards each recipient, far more than kernel buffers and the bound.
    constexpr int messages = 10000;
    const QString payload = QStringLiteral("{\"content\":\"%1\"}").arg(QString(4000, QLatin1Char('x')));
    QWebSocket &sender = *sockets[0];
    int sent = 0;
    // Send in slices so the sender itself is never the slow consumer of its own echo.
    QVERIFY(QTest::qWaitFor(
        [&] {
            while (sent < messages && sent - received[0] < 200) {
                sender.sendTextMessage(payload);
                ++sent;
            }
            return sent == messages &&
                   std::all_of(received.cbegin(), received.cend(), [&](int count) { return count == messages; });
        },
        120000));
    const qint64 rssAfter = server.residentKiB();

    // The stalled client was dropped with 1008 once its queue passed the bound...
    RawClient probe;
    QVERIFY(probe.connectTo(server.port()));
    probe.write("GET /stats HTTP/1.1\r\nHost: x\r\n\r\n");
    const QByteArray stats = probe.readHttpResponse();
    QVERIFY2(stats.contains("\"slow_consumers_dropped\":1"), stats.constData());
    QVERIFY(server.log().contains("not reading fast enough"));
    // ...and every healthy reader got every message (checked above), while the server grew by far less than
    // the 40 MB it would have queued for the stalled client without a bound.
    qInfo("server RSS %lld KiB before, %lld KiB after %d messages", rssBefore, rssAfter, messages);
    QVERIFY2(rssAfter - rssBefore < 16 * 1024,
             qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(rssAfter - rssBefore)));

    // The server closed the stalled connection (1008 queued behind its backlog, then cut after the close timeout);
    // the three readers are all that is left.
    HttpClient http;
    const QUrl statsUrl(QStringLiteral("http://127.0.0.1:%1/stats").arg(server.port()));
    QTRY_COMPARE_WITH_TIMEOUT(http.get(statsUrl).json().object().value(QLatin1String("websocket_connections")).toInt(),
                              readers, 10000);
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestSlowConsumer)
#include "tst_slowconsumer.moc"
