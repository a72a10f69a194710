#pragma once

#include "serverconfig.h"

#include <QList>
#include <QObject>

#include <memory>

class QLockFile;
class QThreadPool;
class QThread;

namespace natter {

class Listener;
class LanBeacon;
struct ServerContext;

/**
 * @brief The chat server engine: a listener thread, I/O worker threads and room shard threads.
 *
 * Used by `natter --server` and by the desktop app's "Host a server", the same way. start() and stop()
 * are synchronous and are called from the owner's thread, never from one of the server's own threads.
 */
class ChatServer : public QObject
{
    Q_OBJECT

public:
    explicit ChatServer(ServerConfig config, QObject *parent = nullptr);
    ~ChatServer() override;

    /// Binds the port and starts the threads. On failure, errorString() says why and nothing keeps running.
    bool start();
    /// Closes every WebSocket with 1001 (going away), waits briefly for them to close, and stops all threads.
    void stop();

    bool isRunning() const { return m_context != nullptr; }
    QString errorString() const { return m_error; }
    const ServerConfig &config() const { return m_config; }
    /// The port actually bound (useful with port 0).
    quint16 port() const;
    qint64 webSocketConnections() const;
    /// The same JSON as GET /stats.
    QByteArray statsJson() const;

signals:
    void stopped();

private:
    void teardown();
    bool openStore();
    /// A thread for the server, not started, with the event dispatcher chosen at start().
    QThread *newThread(const QString &name) const;

    ServerConfig m_config;
    QString m_error;
    std::unique_ptr<ServerContext> m_context;
    std::unique_ptr<QLockFile> m_dataLock;
    std::unique_ptr<QThreadPool> m_hashPool;
    std::unique_ptr<QLockFile> m_databaseLock;
    QList<QThread *> m_shardThreads;
    QList<QThread *> m_workerThreads;
    QThread *m_listenerThread = nullptr;
    QThread *m_storeThread = nullptr;
    QThread *m_clusterThread = nullptr;
    bool m_epollDispatcher = false;
    Listener *m_listener = nullptr;
    LanBeacon *m_beacon = nullptr;
};

} // namespace natter
