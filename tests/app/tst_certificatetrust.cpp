// The app against real TLS servers on port 0 with certificates made at test time: a certificate that does not
// verify stops the connection and is explained; trusting it pins it; a different one later is refused loudly.
#include "certificatetrust.h"
#include "chatclient.h"
#include "serverdiscovery.h"
#include "servertls.h"
#include "testcertificates.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace natter;

class TestCertificateTrust : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void unverifiedCertificateStopsTheConnectionAndIsExplained();
    void trustedCertificateIsPinnedAndUsedAfterARestart();
    void changedCertificateIsRefusedLoudly();
    void verifiedCertificateConnectsWithoutQuestions();
    void discoveredTlsServersAreOfferedAsWss();

private:
    std::unique_ptr<ChatClient> makeClient();
    std::unique_ptr<TestServer> tlsServer(const TestCertificates::Made &made, quint16 port = 0);
    static qint64 httpRequests(TestServer &server);

    QTemporaryDir m_dir;
    TestCertificates m_certificates;
    TestCertificates::Made m_first;
    TestCertificates::Made m_second;
};

void TestCertificateTrust::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_certificatetrust"));
    m_first = m_certificates.selfSigned(QStringLiteral("first"));
    QVERIFY2(m_first.isValid(), qPrintable(m_certificates.error()));
    m_second = m_certificates.selfSigned(QStringLiteral("second"));
    QVERIFY2(m_second.isValid(), qPrintable(m_certificates.error()));
}

void TestCertificateTrust::init()
{
    // Nothing trusted, no remembered rooms, no outbox.
    QSettings().clear();
    QFile::remove(m_dir.filePath(QStringLiteral("outbox.json")));
}

std::unique_ptr<ChatClient> TestCertificateTrust::makeClient()
{
    auto client = std::make_unique<ChatClient>();
    client->setOutboxPath(m_dir.filePath(QStringLiteral("outbox.json")));
    client->setReconnectBaseMs(50);
    return client;
}

std::unique_ptr<TestServer> TestCertificateTrust::tlsServer(const TestCertificates::Made &made, quint16 port)
{
    return std::make_unique<TestServer>([&](ServerConfig &config) {
        config.port = port;
        config.tlsCertificateFile = made.certificateFile;
        config.tlsKeyFile = made.keyFile;
    });
}

qint64 TestCertificateTrust::httpRequests(TestServer &server)
{
    return QJsonDocument::fromJson(server.server().statsJson())
        .object()
        .value(QLatin1String("http_requests"))
        .toInteger(-1);
}

void TestCertificateTrust::unverifiedCertificateStopsTheConnectionAndIsExplained()
{
    auto server = tlsServer(m_first);
    QVERIFY(server->isRunning());
    auto client = makeClient();
    QSignalSpy problems(client.get(), &ChatClient::certificateProblemChanged);
    QVERIFY(client->connectToServer(QStringLiteral("wss://127.0.0.1:%1").arg(server->port()), QStringLiteral("Alice")));
    QTRY_VERIFY(!client->certificateProblem().isEmpty());
    QTRY_COMPARE(client->state(), ChatClient::Disconnected);

    const QVariantMap problem = client->certificateProblem();
    QCOMPARE(problem.value(QStringLiteral("server")).toString(), QStringLiteral("127.0.0.1:%1").arg(server->port()));
    QCOMPARE(problem.value(QStringLiteral("fingerprint")).toString(), sha256Fingerprint(m_first.certificate));
    QCOMPARE(problem.value(QStringLiteral("fingerprint")).toString().size(), 32 * 3 - 1); // AB:CD:… of 32 bytes
    QCOMPARE(problem.value(QStringLiteral("subject")).toString(), QStringLiteral("first"));
    QCOMPARE(problem.value(QStringLiteral("issuer")).toString(), QStringLiteral("first"));
    QCOMPARE(problem.value(QStringLiteral("selfSigned")).toBool(), true);
    QCOMPARE(problem.value(QStringLiteral("changed")).toBool(), false);
    QCOMPARE(problem.value(QStringLiteral("validUntil")).toDateTime(), m_first.certificate.expiryDate());
    const QStringList errors = problem.value(QStringLiteral("errors")).toStringList();
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.join(u' ').contains(QLatin1String("self-signed")), qPrintable(errors.join(u' ')));
    QVERIFY2(client->connectionError().contains(QLatin1String("could not be verified")),
             qPrintable(client->connectionError()));

    // Not one request got through (the upgrade never left the client), and it does not knock again by itself.
    QCOMPARE(httpRequests(*server), 0);
    QVERIFY(!QTest::qWaitFor([&] { return client->state() != ChatClient::Disconnected; }, 1000));
    QCOMPARE(httpRequests(*server), 0);
    QVERIFY(CertificateTrust::pinnedFingerprint(ServerAddress{QStringLiteral("127.0.0.1"), server->port(), true})
                .isEmpty());

    // Cancel: nothing is trusted, the app says why it is not connected.
    client->rejectCertificate();
    QVERIFY(client->certificateProblem().isEmpty());
    QCOMPARE(client->state(), ChatClient::Disconnected);
    QVERIFY2(client->connectionError().contains(QLatin1String("not trusted")), qPrintable(client->connectionError()));
    QVERIFY(!QSettings().childGroups().contains(QStringLiteral("trustedCertificates")));

    // Trying again asks again.
    QVERIFY(client->connectToServer(QStringLiteral("wss://127.0.0.1:%1").arg(server->port()), QStringLiteral("Alice")));
    QTRY_VERIFY(!client->certificateProblem().isEmpty());
    QTRY_COMPARE(client->state(), ChatClient::Disconnected);
    QCOMPARE(httpRequests(*server), 0);
}

void TestCertificateTrust::trustedCertificateIsPinnedAndUsedAfterARestart()
{
    auto server = tlsServer(m_first);
    const QString address = QStringLiteral("wss://127.0.0.1:%1").arg(server->port());
    {
        auto client = makeClient();
        QVERIFY(client->connectToServer(address, QStringLiteral("Alice")));
        QTRY_VERIFY(!client->certificateProblem().isEmpty());
        QTRY_COMPARE(client->state(), ChatClient::Disconnected);
        client->trustCertificate();
        QVERIFY(client->certificateProblem().isEmpty());
        QTRY_COMPARE(client->state(), ChatClient::Connected);
        QVERIFY(client->connectionError().isEmpty());
        QCOMPARE(CertificateTrust::pinnedFingerprint(ServerAddress{QStringLiteral("127.0.0.1"), server->port(), true}),
                 sha256Fingerprint(m_first.certificate));
        QVERIFY(client->sendMessage(QStringLiteral("general"), QStringLiteral("over TLS")));
        QTRY_COMPARE(client->pendingCount(), 0);
    }

    // A new start of the app: the pinned certificate connects without a question, REST calls included.
    auto client = makeClient();
    QSignalSpy problems(client.get(), &ChatClient::certificateProblemChanged);
    QVERIFY(client->connectToServer(address, QStringLiteral("Alice")));
    QTRY_COMPARE(client->state(), ChatClient::Connected);
    QCOMPARE(problems.size(), 0);
    QTRY_COMPARE(client->messages()->count(), 1);
    client->refreshServerRooms();
    QTRY_COMPARE(client->serverRooms().size(), 1);
    QCOMPARE(client->serverRooms().constFirst().toMap().value(QStringLiteral("name")).toString(),
             QStringLiteral("general"));

    // The pin is for that server only: the same certificate on another port asks again.
    auto elsewhere = tlsServer(m_first);
    auto other = makeClient();
    QVERIFY(other->connectToServer(QStringLiteral("wss://127.0.0.1:%1").arg(elsewhere->port()), QStringLiteral("Bob")));
    QTRY_VERIFY(!other->certificateProblem().isEmpty());
    QCOMPARE(other->certificateProblem().value(QStringLiteral("changed")).toBool(), false);
}

void TestCertificateTrust::changedCertificateIsRefusedLoudly()
{
    auto server = tlsServer(m_first);
    const quint16 port = server->port();
    auto client = makeClient();
    QVERIFY(client->connectToServer(QStringLiteral("wss://127.0.0.1:%1").arg(port), QStringLiteral("Alice")));
    QTRY_VERIFY(!client->certificateProblem().isEmpty());
    client->trustCertificate();
    QTRY_COMPARE(client->state(), ChatClient::Connected);

    // The server comes back on the same address with another certificate (replaced, or someone in between).
    server.reset();
    QTRY_COMPARE(client->state(), ChatClient::Reconnecting);
    server = tlsServer(m_second, port);
    QVERIFY(server->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!client->certificateProblem().isEmpty(), 10000);
    QTRY_COMPARE(client->state(), ChatClient::Disconnected);
    const QVariantMap problem = client->certificateProblem();
    QCOMPARE(problem.value(QStringLiteral("changed")).toBool(), true);
    QCOMPARE(problem.value(QStringLiteral("fingerprint")).toString(), sha256Fingerprint(m_second.certificate));
    QCOMPARE(problem.value(QStringLiteral("pinnedFingerprint")).toString(), sha256Fingerprint(m_first.certificate));
    QVERIFY2(client->connectionError().contains(QLatin1String("has changed")), qPrintable(client->connectionError()));
    QCOMPARE(httpRequests(*server), 0);
    QVERIFY(!QTest::qWaitFor([&] { return client->state() != ChatClient::Disconnected; }, 1000));
    QCOMPARE(httpRequests(*server), 0);

    // A fresh start meets the same refusal: the old pin is still what counts.
    auto restarted = makeClient();
    QVERIFY(restarted->connectToServer(QStringLiteral("wss://127.0.0.1:%1").arg(port), QStringLiteral("Alice")));
    QTRY_VERIFY(!restarted->certificateProblem().isEmpty());
    QCOMPARE(restarted->certificateProblem().value(QStringLiteral("changed")).toBool(), true);
    QTRY_COMPARE(restarted->state(), ChatClient::Disconnected);

    // Trusting the new one on purpose replaces the pin.
    restarted->trustCertificate();
    QTRY_COMPARE(restarted->state(), ChatClient::Connected);
    QCOMPARE(CertificateTrust::pinnedFingerprint(ServerAddress{QStringLiteral("127.0.0.1"), port, true}),
             sha256Fingerprint(m_second.certificate));
}

void TestCertificateTrust::verifiedCertificateConnectsWithoutQuestions()
{
    // The certificate verifies (here: it is a CA this process trusts, as a public one would be): no question asked,
    // nothing pinned.
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = saved;
    trusting.addCaCertificate(m_first.certificate);
    QSslConfiguration::setDefaultConfiguration(trusting);
    const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(saved); });

    auto server = tlsServer(m_first);
    auto client = makeClient();
    QSignalSpy problems(client.get(), &ChatClient::certificateProblemChanged);
    QVERIFY(client->connectToServer(QStringLiteral("wss://127.0.0.1:%1").arg(server->port()), QStringLiteral("Alice")));
    QTRY_COMPARE(client->state(), ChatClient::Connected);
    QCOMPARE(problems.size(), 0);
    QVERIFY(CertificateTrust::pinnedFingerprint(ServerAddress{QStringLiteral("127.0.0.1"), server->port(), true})
                .isEmpty());
}

void TestCertificateTrust::discoveredTlsServersAreOfferedAsWss()
{
    // The beacon goes to loopback here: tests never send to the real network.
    QUdpSocket probe;
    QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
    const quint16 beaconPort = probe.localPort();
    probe.close();
    ServerDiscovery discovery;
    QVERIFY(discovery.listen(QHostAddress::LocalHost, beaconPort));
    TestServer server([&](ServerConfig &config) {
        config.tlsCertificateFile = m_first.certificateFile;
        config.tlsKeyFile = m_first.keyFile;
        config.announce = true;
        config.announceAddress = QHostAddress::LocalHost;
        config.announcePort = beaconPort;
    });
    QVERIFY(server.isRunning());
    QTRY_COMPARE(discovery.count(), 1);
    const QModelIndex row = discovery.index(0);
    QCOMPARE(row.data(ServerDiscovery::SecureRole).toBool(), true);
    const QString address = row.data(ServerDiscovery::AddressRole).toString();
    QCOMPARE(address, QStringLiteral("wss://127.0.0.1:%1").arg(server.port()));

    // What the connect screen does with it: the address as offered connects over TLS.
    auto client = makeClient();
    QVERIFY(client->connectToServer(address, QStringLiteral("Alice")));
    QTRY_VERIFY(!client->certificateProblem().isEmpty());
    client->trustCertificate();
    QTRY_COMPARE(client->state(), ChatClient::Connected);
}

QTEST_GUILESS_MAIN(TestCertificateTrust)
#include "tst_certificatetrust.moc"
