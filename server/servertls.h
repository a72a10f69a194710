#pragma once

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

#include <variant>

namespace natter {

/** @brief What the server serves TLS with: read once at start, then shared read-only by every connection. */
struct ServerTls
{
    QSslConfiguration configuration;
    QSslCertificate certificate; ///< The server's own certificate (the first of the chain).
};

/**
 * Reads a PEM certificate chain and its PEM private key (RSA or EC, unencrypted) and proves that they work
 * together with one TLS handshake over loopback. On failure, says why in words that name the file at fault.
 */
std::variant<ServerTls, QString> loadServerTls(const QString &certificateFile, const QString &keyFile);

/// The certificate's SHA-256 digest as colon-separated upper-case hex, the way browsers and `openssl x509
/// -fingerprint -sha256` show it.
QString sha256Fingerprint(const QSslCertificate &certificate);

} // namespace natter
