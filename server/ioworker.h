#pragma once

#include "connection.h"
#include "protocol.h"

#include <QHash>
#include <QObject>

#include <functional>

class QTimer;

namespace natter {

struct ServerContext;
class RestApi;

/**
 * @brief One I/O thread's share of the connections: reads and parses what they send, answers HTTP,
 * turns chat frames into requests for the room shards, and writes what the shards send back.
 *
 * A connection never leaves the worker that adopted it. Entry points called from other threads
 * (adopt, deliver, sendTo, roomClosed, forgetRoom, beginShutdown) run as posted tasks (see postTo).
 */
class IoWorker : public QObject, private ConnectionHandler
{
    Q_OBJECT

public:
    IoWorker(ServerContext &context, int index);
    ~IoWorker() override;

    int index() const { return m_index; }

    /// Creates the worker's timers; runs on the worker's thread once it started.
    void start();
    void adopt(qintptr socketDescriptor);

    /// Writes one pre-built frame to each listed connection.
    void deliver(const QByteArray &wireFrame, const QList<quint32> &connections, bool isMessage);
    void sendTo(quint32 connection, const QByteArray &wireFrame);
    void roomClosed(const QString &room, const QByteArray &wireFrame, const QList<quint32> &everyone,
                    const QList<quint32> &typed);
    /// The shard refused a join this worker had already counted.
    void forgetRoom(quint32 connection, const QString &room);

    /// Identified users connected to this worker, with their connection counts.
    const QHash<QString, int> &onlineUsers() const { return m_onlineUsers; }

    /// Writes @p wireFrame to every typed connection of @p user (any letter case).
    void sendToUser(const QString &user, const QByteArray &wireFrame);
    /// Closes every WebSocket of @p user (any letter case) with @p code: an admin kicked or banned them.
    void closeUser(const QString &user, quint16 code, const QByteArray &reason);

    /// Closes every connection (WebSockets with 1001), then stops the thread once all are gone or time is up.
    void beginShutdown();

    /**
     * Asks @p targets (each on its own thread) and calls @p done here with all answers, in target order.
     * How REST reads state that lives on other threads without locks.
     */
    template <typename Target, typename Result>
    void gather(const QList<Target *> &targets, std::function<Result(Target &)> ask,
                std::function<void(QList<Result>)> done);

private:
    void httpRequest(Connection &connection, http::Request &&request) override;
    void textMessage(Connection &connection, QByteArray &&utf8) override;
    void binaryMessage(Connection &connection) override;
    void connectionClosed(Connection &connection) override;
    void flushRequested(Connection &connection) override;
    void flushPending();

    void upgrade(Connection &connection, const http::Request &request);
    void identify(Connection &connection, const QString &user);
    /// The open WebSockets of @p user (any letter case).
    QList<Connection *> webSocketsOf(const QString &user) const;
    static QString nameTakenMessage(const QString &user);
    bool originAllowed(const QByteArray &origin, const http::Request &request) const;
    void handleTyped(Connection &connection, const QByteArray &utf8);
    void handleSimple(Connection &connection, const QByteArray &utf8);
    /// Charges one frame to the connection's rate limit; answers RATE_LIMITED and returns false when over it.
    bool admit(Connection &connection, const QString &requestId = {});
    void sendError(Connection &connection, protocol::ErrorCode code, const QString &message,
                   const QString &requestId = {});
    void sweep();
    void finishShutdownIfDrained();

    ServerContext &m_context;
    int m_index;
    quint32 m_nextConnectionId = 1;
    QHash<quint32, Connection *> m_connections;
    QHash<QString, int> m_onlineUsers;
    /// Identified connections by case-folded user name: notices to one user (a direct message, an invitation, a
    /// kick) reach their connections without a walk over every connection of the worker.
    QMultiHash<QString, Connection *> m_connectionsByUser;
    std::unique_ptr<RestApi> m_rest;
    QTimer *m_sweepTimer = nullptr;
    QTimer *m_shutdownTimer = nullptr;
    bool m_shuttingDown = false;
    /// Connections with bytes queued since the last flush pass; flushed together after the current batch of
    /// events, so a burst of deliveries becomes one write per socket instead of one per frame, without waiting
    /// for the event loop to get round to write notifications.
    QList<quint32> m_pendingFlush;
    bool m_flushPosted = false;
    protocol::Limits m_limits;
};

template <typename Target, typename Result>
void IoWorker::gather(const QList<Target *> &targets, std::function<Result(Target &)> ask,
                      std::function<void(QList<Result>)> done)
{
    struct Pending
    {
        QList<Result> results;
        qsizetype remaining;
    };
    auto pending = std::make_shared<Pending>(Pending{QList<Result>(targets.size()), targets.size()});
    if (targets.isEmpty()) {
        done({});
        return;
    }
    for (qsizetype i = 0; i < targets.size(); ++i) {
        QMetaObject::invokeMethod(
            targets[i],
            [this, target = targets[i], i, ask, done, pending] {
                Result result = ask(*target);
                QMetaObject::invokeMethod(
                    this,
                    [i, done, pending, result = std::move(result)]() mutable {
                        pending->results[i] = std::move(result);
                        if (--pending->remaining == 0)
                            done(std::move(pending->results));
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }
}

} // namespace natter
