#pragma once

#include "serveraddress.h"

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QVariantMap>

namespace natter {

/**
 * @brief Certificates the user chose to trust although they do not verify (a self-signed server on the LAN),
 * pinned per server (host and port) in QSettings.
 *
 * A pin holds the certificate's SHA-256 fingerprint and the exact errors it was trusted despite, each with the
 * certificate it was about. Later connections to that server ignore exactly those errors for exactly that
 * certificate: any other certificate, or a new problem with the same one, is refused and shown again.
 */
class CertificateTrust
{
public:
    /// The errors to let pass when connecting to @p server (none when nothing is pinned for it). Set them before the
    /// TLS handshake starts (QWebSocket::ignoreSslErrors, QNetworkReply::ignoreSslErrors).
    static QList<QSslError> expectedErrors(const ServerAddress &server);
    /// Whether every one of @p errors is one the user accepted for @p server (the pinned certificate, nothing new).
    static bool accepts(const ServerAddress &server, const QList<QSslError> &errors);
    /// SHA-256 fingerprint of the certificate pinned for @p server, or empty.
    static QString pinnedFingerprint(const ServerAddress &server);
    /// Pins @p certificate for @p server, trusted despite @p errors (replacing an earlier pin).
    static void trust(const ServerAddress &server, const QSslCertificate &certificate, const QList<QSslError> &errors);
    static void forget(const ServerAddress &server);

    /**
     * What a person needs to decide about @p certificate presented by @p server with @p errors, for QML: server,
     * subject, issuer, fingerprint (SHA-256), validFrom and validUntil (dates), errors (sentences), selfSigned, and
     * changed with pinnedFingerprint when another certificate was trusted for this server before.
     */
    static QVariantMap describe(const ServerAddress &server, const QSslCertificate &certificate,
                                const QList<QSslError> &errors);

private:
    static QString settingsGroup(const ServerAddress &server);
};

} // namespace natter
