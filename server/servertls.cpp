#include "servertls.h"

#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QThread>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcTls, "natter.server.tls")

namespace natter {

namespace {

constexpr int selfCheckTimeoutMs = 10'000;

/**
 * Serves one TLS handshake with @p configuration to a client on loopback; returns why it failed (empty when it
 * worked). Qt checks that the key belongs to the certificate only when a server socket starts encrypting, so
 * this is where a mismatch shows. It runs on a thread of its own with its own event loop, so it neither
 * blocks on nor re-enters the caller's (possibly a GUI) event loop.
 */
QString handshakeOverLoopback(const QSslConfiguration &configuration)
{
    QString failure;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        QSslServer server;
        server.setSslConfiguration(configuration);
        if (!server.listen(QHostAddress::LocalHost) && !server.listen(QHostAddress::LocalHostIPv6)) {
            // Without loopback there is no way to try; the first real client will find out instead.
            qCWarning(lcTls).noquote() << "cannot check the TLS certificate and key over loopback:"
                                       << server.errorString();
            return;
        }
        QEventLoop loop;
        QString serverError;
        QString clientError;
        bool encrypted = false;
        QObject::connect(&server, &QSslServer::errorOccurred, &loop,
                         [&](QSslSocket *socket, QAbstractSocket::SocketError) {
                             if (serverError.isEmpty()) // the first error is the cause; later ones follow from it
                                 serverError = socket->errorString();
                             loop.quit();
                         });
        QSslSocket client;
        QSslConfiguration clientConfiguration = QSslConfiguration::defaultConfiguration();
        clientConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone); // only the server side is checked here
        client.setSslConfiguration(clientConfiguration);
        QObject::connect(&client, &QSslSocket::encrypted, &loop, [&] {
            encrypted = true;
            loop.quit();
        });
        QObject::connect(&client, &QSslSocket::errorOccurred, &loop, [&] {
            clientError = client.errorString();
            loop.quit();
        });
        QTimer::singleShot(selfCheckTimeoutMs, &loop, &QEventLoop::quit);
        client.connectToHostEncrypted(server.serverAddress().toString(), server.serverPort());
        loop.exec();
        if (!encrypted) {
            failure = !serverError.isEmpty() ? serverError
                      : !clientError.isEmpty()
                          ? clientError
                          : QStringLiteral("no TLS handshake within %1 s").arg(selfCheckTimeoutMs / 1000);
        }
    }));
    thread->start();
    thread->wait();
    return failure;
}

} // namespace

QString sha256Fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

std::variant<ServerTls, QString> loadServerTls(const QString &certificateFile, const QString &keyFile)
{
    if (!QSslSocket::supportsSsl())
        return QStringLiteral("TLS is not available: Qt found no TLS library (its OpenSSL backend needs OpenSSL 3, "
                              "libssl3)");

    QFile certificateInput(certificateFile);
    if (!certificateInput.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the TLS certificate '%1': %2")
            .arg(certificateFile, certificateInput.errorString());
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateInput.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
        return QStringLiteral("'%1' holds no certificate: --tls-cert expects a PEM file that starts with "
                              "-----BEGIN CERTIFICATE-----")
            .arg(certificateFile);

    QFile keyInput(keyFile);
    if (!keyInput.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the TLS private key '%1': %2").arg(keyFile, keyInput.errorString());
    const QByteArray keyPem = keyInput.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull()) {
        if (keyPem.contains("ENCRYPTED"))
            return QStringLiteral("the private key '%1' is protected by a passphrase, which the server cannot type: "
                                  "give it an unencrypted copy (openssl pkey -in '%1' -out server.key), readable "
                                  "only by the server's user")
                .arg(keyFile);
        return QStringLiteral("'%1' holds no RSA or EC private key: --tls-key expects a PEM file that starts with "
                              "-----BEGIN PRIVATE KEY----- (or BEGIN RSA / EC PRIVATE KEY)")
            .arg(keyFile);
    }

    ServerTls tls;
    tls.certificate = chain.constFirst();
    tls.configuration = QSslConfiguration::defaultConfiguration();
    tls.configuration.setLocalCertificateChain(chain);
    tls.configuration.setPrivateKey(key);
    tls.configuration.setProtocol(QSsl::TlsV1_2OrLater);
    // No client certificates are asked for, so no CA store is needed: skip loading the system's for every socket.
    tls.configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.configuration.setCaCertificates({});

    if (const QString failure = handshakeOverLoopback(tls.configuration); !failure.isEmpty()) {
        // A key that is not the certificate's: Qt says so when the key types differ, OpenSSL ("key values
        // mismatch") when they are alike.
        if (failure.startsWith(QLatin1String("Private key does not certify public key")) ||
            failure.contains(QLatin1String("key values mismatch")) ||
            failure.contains(QLatin1String("key type mismatch")))
            return QStringLiteral("the private key '%1' does not belong to the certificate '%2'")
                .arg(keyFile, certificateFile);
        return QStringLiteral("cannot serve TLS with the certificate '%1' and the private key '%2': %3")
            .arg(certificateFile, keyFile, failure);
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (tls.certificate.expiryDate() < now)
        qCWarning(lcTls).noquote() << QStringLiteral("the TLS certificate '%1' expired on %2: clients will refuse it")
                                          .arg(certificateFile, tls.certificate.expiryDate().toString(Qt::ISODate));
    else if (tls.certificate.effectiveDate() > now)
        qCWarning(lcTls).noquote() << QStringLiteral("the TLS certificate '%1' is valid only from %2 on")
                                          .arg(certificateFile, tls.certificate.effectiveDate().toString(Qt::ISODate));
    return tls;
}

} // namespace natter
