#pragma once

#include <QProcess>
#include <QStringList>

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

    /// Starts `natter --server --port 0 --bind 127.0.0.1 --no-announce` plus @p extraArguments and waits for it to
    /// listen.
    bool start(const QStringList &extraArguments = {}, int timeoutMs = 10000);
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    /// Resident memory of the server process in KiB (Linux /proc).
    qint64 residentKiB() const;
    /// Sends SIGTERM and waits for the exit; returns the exit code (-1 if it crashed or hung).
    int terminate(int timeoutMs = 10000);
    QByteArray log() const { return m_log; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};
