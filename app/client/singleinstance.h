#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QLocalServer;
class QLocalSocket;
class QLockFile;

namespace natter {

/**
 * @brief Keeps one desktop app running per user (and profile). The first process holds a lock file and listens
 * on a local socket; a later one finds the lock taken, hands its command line to the first through the socket
 * and exits.
 *
 * The lock decides, so two processes starting at the same moment cannot both become the first. A lock left by
 * a crashed process is recognised as stale (its process is gone) and taken over, and the crashed process's
 * socket is removed before listening again.
 */
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    enum class Role
    {
        Primary,     ///< This process is the running instance; messageReceived() reports later launches.
        Secondary,   ///< Another instance is running and has received the arguments: exit.
        Unreachable, ///< Another instance holds the lock but did not answer in time (errorString() says more).
        Unavailable, ///< The lock file cannot be used at all (errorString() says why); run without it.
    };

    /// The lock is `DIRECTORY/NAME.lock`; on Unix the socket is `DIRECTORY/NAME.socket` next to it.
    SingleInstance(const QString &directory, const QString &name, QObject *parent = nullptr);
    ~SingleInstance() override;

    /**
     * Becomes the running instance, or gives @p arguments (and this process's activation token, if the desktop
     * set one) to the instance already running. Blocks for at most @p timeoutMs while the other instance is
     * starting up or shutting down.
     */
    Role start(const QStringList &arguments, int timeoutMs = 10000);

    QString lockFilePath() const { return m_lockPath; }
    QString serverName() const { return m_serverName; }
    QString errorString() const { return m_error; }

    /// The per-user directory for the lock: the runtime directory on Linux, the app's local data elsewhere.
    static QString defaultDirectory();

signals:
    /// A later launch passed @p arguments; @p activationToken lets this process raise its window on Wayland.
    void messageReceived(const QStringList &arguments, const QString &activationToken);

private:
    bool sendToRunningInstance(const QByteArray &message, int timeoutMs);
    void listen();
    void readMessage(QLocalSocket *socket);

    QString m_lockPath;
    QString m_serverName;
    QString m_error;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace natter
