// A client that stops reading must not hurt anyone else: it is dropped, the others keep receiving,
// and the server's memory stays bounded, over plain TCP and over TLS. The server runs as its own process so its
// RSS can be read.
#include "httpclient.h"
#include "protocol.h"
#include "serverprocess.h"
#include "testcertificates.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTest>
#include <QWebSocket>

using namespace natter;

class TestSlowConsumer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void stalledReaderIsDroppedOthersKeepReceiving_data();
    void stalledReaderIsDroppedOthersKeepReceiving();

private:
    TestCertificates m_certificates;
    TestCertificates::Made m_made;
    QSslConfiguration m_savedDefault;
};

void TestSlowConsumer::initTestCase()
{
    m_made = m_certificates.selfSigned(QStringLiteral("natter-test"));
    QVERIFY2(m_made.isValid(), qPrintable(m_certificates.error()));
    // The readers verify the server's certificate as they would one from a public CA.
    m_savedDefault = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = m_savedDefault;
    trusting.addCaCertificate(m_made.certificate);
    QSslConfiguration::setDefaultConfiguration(trusting);
}

void TestSlowConsumer::cleanupTestCase()
{
    QSslConfiguration::setDefaultConfiguration(m_savedDefault);
}

void TestSlowConsumer::stalledReaderIsDroppedOthersKeepReceiving_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("plain") << false;
    // With TLS, what waits for the kernel is ciphertext in another buffer than the plaintext: the bound must see it.
    QTest::newRow("TLS") << true;
}

void TestSlowConsumer::stalledReaderIsDroppedOthersKeepReceiving()
{
    QFETCH(bool, tls);
    constexpr qint64 queueBound = 256 * 1024;
    ServerProcess server;
    // In memory: this measures the send queue's bound, not the database's page cache.
    QStringList arguments{
        QStringLiteral("--rate-limit"), QStringLiteral("0"),          QStringLiteral("--max-send-queue-bytes"),
        QString::number(queueBound),    QStringLiteral("--database"), QStringLiteral("memory")};
    if (tls)
        arguments << QStringLiteral("--tls-cert") << m_made.certificateFile << QStringLiteral("--tls-key")
                  << m_made.keyFile;
    QVERIFY2(server.start(arguments), server.log().constData());
    const QString ws = tls ? QStringLiteral("wss") : QStringLiteral("ws");
    const QString http = tls ? QStringLiteral("https") : QStringLiteral("http");
    const QUrl url(QStringLiteral("%1://127.0.0.1:%2/ws?room=general&user=").arg(ws).arg(server.port()));

    // The stalled reader: completes the upgrade, then never reads again. Qt stops pulling from the kernel once
    // its small read buffer is full, so the server's queue for it fills.
    std::unique_ptr<QTcpSocket> stalled;
    if (tls) {
        auto secure = std::make_unique<QSslSocket>();
        secure->connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
        QVERIFY2(secure->waitForEncrypted(5000), qPrintable(secure->errorString()));
        stalled = std::move(secure);
    } else {
        stalled = std::make_unique<QTcpSocket>();
        stalled->connectToHost(QStringLiteral("127.0.0.1"), server.port());
        QVERIFY(stalled->waitForConnected(5000));
    }
    stalled->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    stalled->write("GET /ws?room=general&user=Stalled HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                   "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray head;
    QVERIFY(QTest::qWaitFor([&] {
        head += stalled->readAll();
        return head.contains("\r\n\r\n");
    }));
    QVERIFY2(head.startsWith("HTTP/1.1 101"), head.constData());
    stalled->setReadBufferSize(1024);

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
    HttpClient probe;
    const QUrl statsUrl(QStringLiteral("%1://127.0.0.1:%2/stats").arg(http).arg(server.port()));
    const QByteArray stats = probe.get(statsUrl).body;
    QVERIFY2(stats.contains("\"slow_consumers_dropped\":1"), stats.constData());
    // ...by the byte bound, counted in full (over TLS: plaintext waiting for encryption plus ciphertext waiting for
    // the kernel), not by the frame bound after megabytes had piled up.
    static const QRegularExpression dropped(
        QStringLiteral("not reading fast enough \\(\\s*(\\d+) bytes,\\s*(\\d+) frames"));
    const auto match = dropped.match(QString::fromUtf8(server.log()));
    QVERIFY2(match.hasMatch(), server.log().constData());
    QVERIFY2(match.captured(1).toLongLong() > queueBound / 2, qPrintable(match.captured(0)));
    QVERIFY2(match.captured(2).toInt() < 2048, qPrintable(match.captured(0)));
    // ...and every healthy reader got every message (checked above), while the server grew by far less than
    // the 40 MB it would have queued for the stalled client without a bound.
    qInfo("server RSS %lld KiB before, %lld KiB after %d messages", rssBefore, rssAfter, messages);
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer pads every allocation with redzones and keeps freed blocks in quarantine for a while.
    constexpr qint64 growthBoundKiB = 32 * 1024;
#else
    constexpr qint64 growthBoundKiB = 16 * 1024;
#endif
    QVERIFY2(rssAfter - rssBefore < growthBoundKiB,
             qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(rssAfter - rssBefore)));

    // The server closed the stalled connection (1008 queued behind its backlog, then cut after the close timeout);
    // the three readers are all that is left.
    QTRY_COMPARE_WITH_TIMEOUT(probe.get(statsUrl).json().object().value(QLatin1String("websocket_connections")).toInt(),
                              readers, 10000);
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestSlowConsumer)
#include "tst_slowconsumer.moc"
