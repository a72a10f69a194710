#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

/**
 * @brief Runs the real `natter` executable as a child process (the headless server as users run it) and
 * reads the bound port from its log.
 */
class ServerProcess
{
public:
    /// Path of the natter executable under test (set by the build).
    static QString executable();

    ~ServerProcess();

    /// Starts `natter --server --port 0 --bind 127.0.0.1 --no-announce --data-dir DIR` plus @p extraArguments and
    /// waits for it to listen. Starting again reuses the same data directory, as a restart would.
    bool start(const QStringList &extraArguments = {}, int timeoutMs = 10000);
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    /// Resident memory of the server process in KiB (Linux /proc).
    qint64 residentKiB() const;
    /// Sends SIGTERM and waits for the exit; returns the exit code (-1 if it crashed or hung).
    int terminate(int timeoutMs = 10000);
    QByteArray log() const { return m_log; }
    QString dataDir() const { return m_dataDir.path(); }
    /// SIGKILL: no shutdown at all, as a crash or a power cut would leave things.
    void kill();
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_log;
    QTemporaryDir m_dataDir;
    bool m_watchingLog = false;
    quint16 m_port = 0;
};
