#include "testcertificates.h"

#include <QFile>
#include <QProcess>

TestCertificates::Made TestCertificates::selfSigned(const QString &name, KeyType type)
{
    Made made;
    made.certificateFile = m_dir.filePath(name + QStringLiteral(".crt"));
    made.keyFile = m_dir.filePath(name + QStringLiteral(".key"));
    QStringList arguments{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey")};
    if (type == KeyType::Ec)
        arguments << QStringLiteral("ec") << QStringLiteral("-pkeyopt") << QStringLiteral("ec_paramgen_curve:P-256");
    else
        arguments << QStringLiteral("rsa:2048");
    arguments << QStringLiteral("-nodes") << QStringLiteral("-keyout") << made.keyFile << QStringLiteral("-out")
              << made.certificateFile << QStringLiteral("-days") << QStringLiteral("30") << QStringLiteral("-subj")
              << QStringLiteral("/CN=%1").arg(name) << QStringLiteral("-addext")
              << QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost");
    if (!run(arguments))
        return made;
    const auto certificates = QSslCertificate::fromPath(made.certificateFile);
    if (certificates.size() == 1)
        made.certificate = certificates.constFirst();
    else
        m_error = QStringLiteral("openssl wrote no readable certificate to %1").arg(made.certificateFile);
    return made;
}

QString TestCertificates::encryptedCopy(const QString &keyFile)
{
    const QString encrypted = keyFile + QStringLiteral(".encrypted");
    if (!run({QStringLiteral("pkey"), QStringLiteral("-in"), keyFile, QStringLiteral("-aes256"),
              QStringLiteral("-passout"), QStringLiteral("pass:test-only"), QStringLiteral("-out"), encrypted}))
        return {};
    return encrypted;
}

QString TestCertificates::file(const QString &name, const QByteArray &contents)
{
    QFile output(m_dir.filePath(name));
    if (!output.open(QIODevice::WriteOnly) || output.write(contents) != contents.size())
        return {};
    return output.fileName();
}

bool TestCertificates::run(const QStringList &arguments)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2 %3")
                      .arg(arguments.join(QLatin1Char(' ')), openssl.errorString(),
                           QString::fromLocal8Bit(openssl.readAll()));
        return false;
    }
    return true;
}
