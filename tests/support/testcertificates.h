#pragma once

#include <QSslCertificate>
#include <QString>
#include <QTemporaryDir>

/**
 * @brief Certificates and private keys made at test time with the `openssl` command line, in a temporary
 * directory that goes away with this object. Nothing secret is committed to the repository.
 */
class TestCertificates
{
public:
    enum class KeyType
    {
        Ec,  ///< P-256
        Rsa, ///< 2048 bits
    };

    struct Made
    {
        QString certificateFile;
        QString keyFile;
        QSslCertificate certificate;
        bool isValid() const { return !certificate.isNull(); }
    };

    /// A self-signed certificate for 127.0.0.1 and localhost, named @p name (its CN and file names), with a fresh key.
    Made selfSigned(const QString &name, KeyType type = KeyType::Ec);
    /// The same key as @p file, encrypted with a passphrase.
    QString encryptedCopy(const QString &keyFile);
    /// A file holding @p contents, for files that are not what they claim to be.
    QString file(const QString &name, const QByteArray &contents);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// What went wrong last (the openssl command and its output).
    QString error() const { return m_error; }

private:
    bool run(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_error;
};
