// TLS on the server's one port: wss:// and https:// with a certificate made at test time, what happens to clients
// that do not speak TLS or never finish the handshake, and servers that are given files they cannot use.
#include "httpclient.h"
#include "rawclient.h"
#include "servertls.h"
#include "testcertificates.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDatagram>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>
#include <QUdpSocket>

using namespace natter;

class TestTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void chatOverWss_data();
    void chatOverWss();
    void httpsRestAndHealth();
    void plainHttpAndWebSocketToTheTlsPortFailCleanly();
    void stalledTlsHandshakeIsCut();
    void refusesToStartWithFilesItCannotUse_data();
    void refusesToStartWithFilesItCannotUse();
    void certificateAndKeyComeTogether();
    void beaconSaysTheServerSpeaksTls();

private:
    TestServer tlsServer(const TestCertificates::Made &made,
                         const std::function<void(ServerConfig &)> &tweak = {}) const;
    static QJsonObject stats(TestServer &server);

    TestCertificates m_certificates;
    TestCertificates::Made m_ec;
    TestCertificates::Made m_rsa;
    QSslConfiguration m_savedDefault;
};

void TestTls::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt found no TLS backend");
    m_ec = m_certificates.selfSigned(QStringLiteral("natter-test-ec"), TestCertificates::KeyType::Ec);
    QVERIFY2(m_ec.isValid(), qPrintable(m_certificates.error()));
    m_rsa = m_certificates.selfSigned(QStringLiteral("natter-test-rsa"), TestCertificates::KeyType::Rsa);
    QVERIFY2(m_rsa.isValid(), qPrintable(m_certificates.error()));
    // The test's clients (QWebSocket, QNetworkAccessManager) trust these two as they would a public CA: they verify
    // the server's certificate for real, host name included.
    m_savedDefault = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = m_savedDefault;
    trusting.addCaCertificate(m_ec.certificate);
    trusting.addCaCertificate(m_rsa.certificate);
    QSslConfiguration::setDefaultConfiguration(trusting);
}

void TestTls::cleanupTestCase()
{
    QSslConfiguration::setDefaultConfiguration(m_savedDefault);
}

TestServer TestTls::tlsServer(const TestCertificates::Made &made,
                              const std::function<void(ServerConfig &)> &tweak) const
{
    return TestServer([&](ServerConfig &config) {
        config.tlsCertificateFile = made.certificateFile;
        config.tlsKeyFile = made.keyFile;
        if (tweak)
            tweak(config);
    });
}

QJsonObject TestTls::stats(TestServer &server)
{
    return QJsonDocument::fromJson(server.server().statsJson()).object();
}

void TestTls::chatOverWss_data()
{
    QTest::addColumn<bool>("rsa");
    QTest::newRow("EC key") << false;
    QTest::newRow("RSA key") << true;
}

void TestTls::chatOverWss()
{
    QFETCH(bool, rsa);
    auto server = tlsServer(rsa ? m_rsa : m_ec);
    QVERIFY(server.isRunning());
    QCOMPARE(server.webSocketUrl().scheme(), QStringLiteral("wss"));

    // The clients verify the certificate (and that it is for 127.0.0.1): connected means it passed.
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(alice->isConnected());
    auto bob = TestClient::typed(server.webSocketUrl(), QStringLiteral("Bob"));
    QVERIFY(bob->isConnected());
    QCOMPARE(alice->socket().sslConfiguration().peerCertificate(), rsa ? m_rsa.certificate : m_ec.certificate);
    QVERIFY(alice->socket().sslConfiguration().sessionProtocol() >= QSsl::TlsV1_2);

    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    const auto ack = alice->send(QStringLiteral("general"), QStringLiteral("encrypted hello"));
    QCOMPARE(ack.value(QLatin1String("type")).toString(), QStringLiteral("ack"));
    const auto received = bob->waitFor([](const QJsonObject &frame) {
        return frame.value(QLatin1String("type")).toString() == QLatin1String("message");
    });
    QCOMPARE(received.value(QLatin1String("content")).toString(), QStringLiteral("encrypted hello"));
    QCOMPARE(received.value(QLatin1String("user")).toString(), QStringLiteral("Alice"));

    // A frame larger than a TLS record (16 KiB) is reassembled from several records and read whole: not JSON, so it
    // is refused with an error frame over the same encrypted connection.
    bob->sendText(QString(30000, QLatin1Char('x')));
    QCOMPARE(bob->waitForType(QStringLiteral("error")).value(QLatin1String("code")).toString(),
             QStringLiteral("INVALID_FORMAT"));
}

void TestTls::httpsRestAndHealth()
{
    auto server = tlsServer(m_ec);
    QVERIFY(server.isRunning());
    HttpClient http;
    const auto health = http.get(server.httpUrl(QStringLiteral("/health")));
    QCOMPARE(health.status, 200);
    const QJsonObject body = health.json().object();
    QCOMPARE(body.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QVERIFY2(body.value(QLatin1String("tls")).toBool(), health.body.constData());

    const auto created = http.post(server.httpUrl(QStringLiteral("/api/rooms")), R"({"name":"secure"})");
    QCOMPARE(created.status, 201);
    const auto rooms = http.get(server.httpUrl(QStringLiteral("/api/rooms")));
    QCOMPARE(rooms.status, 200);
    QVERIFY2(rooms.body.contains("\"secure\""), rooms.body.constData());

    // Without TLS, /health says so too.
    TestServer plain;
    const auto plainHealth = http.get(plain.httpUrl(QStringLiteral("/health")));
    QCOMPARE(plainHealth.json().object().value(QLatin1String("tls")).toBool(true), false);
}

void TestTls::plainHttpAndWebSocketToTheTlsPortFailCleanly()
{
    auto server = tlsServer(m_ec);
    QVERIFY(server.isRunning());

    // Plain HTTP: no answer in plain text, the connection is closed at once (long before any timeout).
    RawClient raw;
    QVERIFY(raw.connectTo(server.port()));
    raw.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY(raw.waitDisconnected(3000));
    QVERIFY(!raw.socket().readAll().startsWith("HTTP/"));

    // A plain ws:// client does not get in either.
    QUrl plainUrl = server.webSocketUrl(QStringLiteral("user=Plain"));
    plainUrl.setScheme(QStringLiteral("ws"));
    TestClient plainClient(plainUrl);
    QVERIFY(!plainClient.waitConnected(3000));

    // Nothing is left behind, and the server goes on serving TLS clients.
    QTRY_COMPARE(stats(server).value(QLatin1String("connections")).toInt(), 0);
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(alice->isConnected());
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    QCOMPARE(stats(server).value(QLatin1String("timeouts")).toInt(), 0);
}

void TestTls::stalledTlsHandshakeIsCut()
{
    auto server = tlsServer(m_ec, [](ServerConfig &config) {
        config.handshakeTimeoutMs = 300;
        config.httpTimeoutMs = 300;
    });
    QVERIFY(server.isRunning());

    // Connects and never says a word: no ClientHello ever comes.
    RawClient silent;
    QVERIFY(silent.connectTo(server.port()));
    // Starts a ClientHello (a TLS record header) and stops.
    RawClient partial;
    QVERIFY(partial.connectTo(server.port()));
    partial.write(QByteArray::fromHex("160301"));
    // Completes the TLS handshake but never sends a request: the same timeout covers both.
    QSslSocket quiet;
    quiet.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QVERIFY2(quiet.waitForEncrypted(5000), qPrintable(quiet.errorString()));

    QVERIFY(silent.waitDisconnected(5000));
    QVERIFY(partial.waitDisconnected(5000));
    QVERIFY(quiet.state() == QAbstractSocket::UnconnectedState || quiet.waitForDisconnected(5000));
    // The encrypted one was told why, in a 408 it could decrypt.
    QVERIFY(quiet.readAll().startsWith("HTTP/1.1 408"));
    QTRY_COMPARE(stats(server).value(QLatin1String("timeouts")).toInt(), 3);
    QTRY_COMPARE(stats(server).value(QLatin1String("connections")).toInt(), 0);

    // Still serving.
    auto alice = TestClient::typed(server.webSocketUrl(), QStringLiteral("Alice"));
    QVERIFY(alice->isConnected());
}

void TestTls::refusesToStartWithFilesItCannotUse_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("expected");

    const QString missing = m_certificates.path(QStringLiteral("missing.pem"));
    const auto other = m_certificates.selfSigned(QStringLiteral("other"));
    QVERIFY2(other.isValid(), qPrintable(m_certificates.error()));
    const QString encrypted = m_certificates.encryptedCopy(m_ec.keyFile);
    QVERIFY2(!encrypted.isEmpty(), qPrintable(m_certificates.error()));
    const QString garbage = m_certificates.file(QStringLiteral("garbage.pem"), "not a certificate\n");

    QTest::newRow("certificate missing") << missing << m_ec.keyFile
                                         << QStringList{QStringLiteral("cannot read the TLS certificate"), missing};
    QTest::newRow("key missing") << m_ec.certificateFile << missing
                                 << QStringList{QStringLiteral("cannot read the TLS private key"), missing};
    QTest::newRow("key given as certificate")
        << m_ec.keyFile << m_ec.keyFile << QStringList{QStringLiteral("holds no certificate"), m_ec.keyFile};
    QTest::newRow("certificate given as key")
        << m_ec.certificateFile << m_ec.certificateFile
        << QStringList{QStringLiteral("holds no RSA or EC private key"), m_ec.certificateFile};
    QTest::newRow("not PEM at all") << garbage << m_ec.keyFile
                                    << QStringList{QStringLiteral("holds no certificate"), garbage};
    QTest::newRow("key of another certificate")
        << m_ec.certificateFile << other.keyFile
        << QStringList{QStringLiteral("does not belong to the certificate"), other.keyFile, m_ec.certificateFile};
    QTest::newRow("RSA key with an EC certificate")
        << m_ec.certificateFile << m_rsa.keyFile
        << QStringList{QStringLiteral("does not belong to the certificate"), m_rsa.keyFile};
    QTest::newRow("key behind a passphrase")
        << m_ec.certificateFile << encrypted << QStringList{QStringLiteral("passphrase"), encrypted};
}

void TestTls::refusesToStartWithFilesItCannotUse()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QStringList, expected);
    auto config = TestServer::defaultConfig();
    config.tlsCertificateFile = certificate;
    config.tlsKeyFile = key;
    ChatServer server(config);
    QVERIFY(!server.start());
    QVERIFY(!server.isRunning());
    for (const QString &part : std::as_const(expected))
        QVERIFY2(server.errorString().contains(part), qPrintable(server.errorString()));
}

void TestTls::certificateAndKeyComeTogether()
{
    const auto onlyCertificate = parseServerArguments(
        {QStringLiteral("natter"), QStringLiteral("--server"), QStringLiteral("--tls-cert"), m_ec.certificateFile});
    QVERIFY(std::holds_alternative<ConfigExit>(onlyCertificate));
    QCOMPARE(std::get<ConfigExit>(onlyCertificate).exitCode, 2);
    QVERIFY(std::get<ConfigExit>(onlyCertificate).text.contains(QLatin1String("--tls-key")));

    const auto onlyKey = parseServerArguments(
        {QStringLiteral("natter"), QStringLiteral("--server"), QStringLiteral("--tls-key"), m_ec.keyFile});
    QVERIFY(std::holds_alternative<ConfigExit>(onlyKey));
    QVERIFY(std::get<ConfigExit>(onlyKey).text.contains(QLatin1String("--tls-cert")));

    const auto both =
        parseServerArguments({QStringLiteral("natter"), QStringLiteral("--server"), QStringLiteral("--tls-cert"),
                              m_ec.certificateFile, QStringLiteral("--tls-key"), m_ec.keyFile});
    QVERIFY(std::holds_alternative<ServerConfig>(both));
    QCOMPARE(std::get<ServerConfig>(both).tlsCertificateFile, m_ec.certificateFile);
    QCOMPARE(std::get<ServerConfig>(both).tlsKeyFile, m_ec.keyFile);
    QVERIFY(std::get<ServerConfig>(both).tlsEnabled());
}

void TestTls::beaconSaysTheServerSpeaksTls()
{
    // The beacon goes to loopback here: tests never send to the real network.
    QUdpSocket listener;
    QVERIFY(listener.bind(QHostAddress::LocalHost, 0));
    const auto beaconOf = [&](TestServer &server) {
        QJsonObject beacon;
        (void)QTest::qWaitFor(
            [&] {
                while (listener.hasPendingDatagrams()) {
                    const QJsonObject object = QJsonDocument::fromJson(listener.receiveDatagram().data()).object();
                    if (object.value(QLatin1String("port")).toInt() == server.port())
                        beacon = object;
                }
                return !beacon.isEmpty();
            },
            5000);
        return beacon;
    };
    const auto announcing = [&](ServerConfig &config) {
        config.announce = true;
        config.announceAddress = QHostAddress::LocalHost;
        config.announcePort = listener.localPort();
    };
    auto secure = tlsServer(m_ec, announcing);
    QVERIFY(secure.isRunning());
    const QJsonObject secureBeacon = beaconOf(secure);
    QVERIFY(!secureBeacon.isEmpty());
    QCOMPARE(secureBeacon.value(QLatin1String("tls")), QJsonValue(true));

    TestServer plain(announcing);
    const QJsonObject plainBeacon = beaconOf(plain);
    QVERIFY(!plainBeacon.isEmpty());
    QCOMPARE(plainBeacon.value(QLatin1String("tls")), QJsonValue(false));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
