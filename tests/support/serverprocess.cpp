#include "serverprocess.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

QString ServerProcess::executable()
{
    return QStringLiteral(NATTER_EXECUTABLE);
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ServerProcess::start(const QStringList &extraArguments, int timeoutMs)
{
    QStringList arguments{QStringLiteral("--server"),   QStringLiteral("--port"),
                          QStringLiteral("0"),          QStringLiteral("--bind"),
                          QStringLiteral("127.0.0.1"),  QStringLiteral("--no-announce"),
                          QStringLiteral("--data-dir"), m_dataDir.path()};
    m_port = 0;
    m_log.clear();
    arguments += extraArguments;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // The readiness line is an info message: make sure the test environment's logging rules keep it.
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    m_process.setProcessEnvironment(environment);
    if (!m_watchingLog) {
        m_watchingLog = true;
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { m_log += m_process.readAllStandardError(); });
    }
    m_process.start(executable(), arguments);
    if (!m_process.waitForStarted(timeoutMs))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on \\S+ port (\\d+)"));
    const bool ready = QTest::qWaitFor(
        [&] {
            const auto match = listening.match(QString::fromUtf8(m_log));
            if (match.hasMatch())
                m_port = quint16(match.captured(1).toUInt());
            return m_port != 0 || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    return ready && m_port != 0;
}

qint64 ServerProcess::residentKiB() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
    m_log += m_process.readAllStandardError();
}

int ServerProcess::terminate(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs))
        return -1;
    m_log += m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}
