#include "certificatetrust.h"

#include "servertls.h"

#include <QCryptographicHash>
#include <QSettings>

#include <algorithm>
#include <optional>

namespace natter {

namespace {

const QString groupPrefix = QStringLiteral("trustedCertificates/");
const QString serverKey = QStringLiteral("server");
const QString fingerprintKey = QStringLiteral("fingerprint");
const QString certificateKey = QStringLiteral("certificate");
const QString errorsKey = QStringLiteral("errors");

/// "host:port" as the pin is keyed: one pin per server, whatever the URL scheme or letter case it was typed with.
QString serverId(const ServerAddress &server)
{
    return QStringLiteral("%1:%2").arg(server.host.toLower()).arg(server.port);
}

/// One error as stored: "code:" and the DER of the certificate it is about (base64), which may be none.
QString encodeError(const QSslError &error)
{
    return QString::number(int(error.error())) + QLatin1Char(':') +
           QString::fromLatin1(error.certificate().toDer().toBase64());
}

std::optional<QSslError> decodeError(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    bool ok = false;
    const int code = text.left(colon).toInt(&ok);
    if (colon < 0 || !ok)
        return std::nullopt;
    const QByteArray der = QByteArray::fromBase64(text.mid(colon + 1).toLatin1());
    if (der.isEmpty())
        return QSslError(QSslError::SslError(code));
    const QSslCertificate certificate(der, QSsl::Der);
    if (certificate.isNull())
        return std::nullopt;
    return QSslError(QSslError::SslError(code), certificate);
}

} // namespace

QString CertificateTrust::settingsGroup(const ServerAddress &server)
{
    // Hashed: host names and IPv6 addresses hold characters QSettings keys would have to escape.
    return groupPrefix +
           QString::fromLatin1(QCryptographicHash::hash(serverId(server).toUtf8(), QCryptographicHash::Sha1).toHex());
}

QList<QSslError> CertificateTrust::expectedErrors(const ServerAddress &server)
{
    QSettings settings;
    settings.beginGroup(settingsGroup(server));
    // The pin must be for this server and hold the certificate it names, or nothing is let through.
    const auto pinned = QSslCertificate::fromData(settings.value(certificateKey).toByteArray(), QSsl::Pem);
    if (settings.value(serverKey).toString() != serverId(server) || pinned.size() != 1 ||
        sha256Fingerprint(pinned.constFirst()) != settings.value(fingerprintKey).toString())
        return {};
    QList<QSslError> errors;
    const QStringList stored = settings.value(errorsKey).toStringList();
    for (const QString &text : stored) {
        if (const auto error = decodeError(text))
            errors.append(*error);
    }
    return errors;
}

bool CertificateTrust::accepts(const ServerAddress &server, const QList<QSslError> &errors)
{
    const QList<QSslError> expected = expectedErrors(server);
    return !expected.isEmpty() && std::all_of(errors.cbegin(), errors.cend(), [&](const QSslError &error) {
        return expected.contains(error); // the same error about the same certificate
    });
}

QString CertificateTrust::pinnedFingerprint(const ServerAddress &server)
{
    QSettings settings;
    settings.beginGroup(settingsGroup(server));
    return settings.value(serverKey).toString() == serverId(server) ? settings.value(fingerprintKey).toString()
                                                                    : QString();
}

void CertificateTrust::trust(const ServerAddress &server, const QSslCertificate &certificate,
                             const QList<QSslError> &errors)
{
    QStringList encoded;
    for (const QSslError &error : errors)
        encoded.append(encodeError(error));
    encoded.removeDuplicates();
    QSettings settings;
    settings.remove(settingsGroup(server));
    settings.beginGroup(settingsGroup(server));
    settings.setValue(serverKey, serverId(server));
    settings.setValue(fingerprintKey, sha256Fingerprint(certificate));
    settings.setValue(certificateKey, QString::fromLatin1(certificate.toPem()));
    settings.setValue(errorsKey, encoded);
}

void CertificateTrust::forget(const ServerAddress &server)
{
    QSettings().remove(settingsGroup(server));
}

QVariantMap CertificateTrust::describe(const ServerAddress &server, const QSslCertificate &certificate,
                                       const QList<QSslError> &errors)
{
    QStringList sentences;
    for (const QSslError &error : errors) {
        if (!sentences.contains(error.errorString()))
            sentences.append(error.errorString());
    }
    const QString fingerprint = sha256Fingerprint(certificate);
    const QString pinned = pinnedFingerprint(server);
    return {
        {QStringLiteral("server"), serverId(server)},
        {QStringLiteral("subject"), certificate.subjectDisplayName()},
        {QStringLiteral("issuer"), certificate.issuerDisplayName()},
        {QStringLiteral("fingerprint"), fingerprint},
        {QStringLiteral("validFrom"), certificate.effectiveDate()},
        {QStringLiteral("validUntil"), certificate.expiryDate()},
        {QStringLiteral("selfSigned"), certificate.isSelfSigned()},
        {QStringLiteral("errors"), sentences},
        {QStringLiteral("changed"), !pinned.isEmpty() && pinned != fingerprint},
        {QStringLiteral("pinnedFingerprint"), pinned},
    };
}

} // namespace natter
