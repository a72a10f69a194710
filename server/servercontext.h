#pragma once

#include "accounts.h"
#include "admission.h"
#include "serverconfig.h"

#include <QElapsedTimer>
#include <QList>
#include <QSslConfiguration>
#include <QThreadPool>

#include <atomic>
#include <optional>

namespace natter {

class ClusterBus;
class IoWorker;
class Persistence;
class RoomShard;

/** @brief Counters every thread bumps without locks; read by /stats and /metrics. */
struct ServerMetrics
{
    std::atomic<qint64> connectionsOpen{0}; ///< TCP connections, HTTP and WebSocket.
    std::atomic<qint64> webSocketsOpen{0};
    std::atomic<quint64> connectionsAccepted{0};
    std::atomic<quint64> connectionsRefused{0}; ///< Over the total or per-address connection cap.
    std::atomic<quint64> webSocketsAccepted{0};
    std::atomic<quint64> messagesIn{0};  ///< Messages posted (duplicates not counted).
    std::atomic<quint64> messagesOut{0}; ///< Message frames queued to recipients.
    std::atomic<quint64> slowConsumersDropped{0};
    std::atomic<quint64> rateLimited{0};
    std::atomic<quint64> protocolErrors{0}; ///< Error frames sent.
    std::atomic<quint64> httpRequests{0};
    std::atomic<quint64> httpErrors{0}; ///< HTTP responses with a 4xx or 5xx status.
    std::atomic<quint64> timeouts{0};   ///< Connections closed by a handshake, HTTP or idle timeout.
    std::atomic<qint64> rooms{0};
    std::atomic<qint64> storeQueued{0};   ///< Posts waiting for (or in) a store transaction.
    std::atomic<quint64> storeCommits{0}; ///< Store transactions committed.
    std::atomic<bool> storeHealthy{true};
    // With --cluster:
    std::atomic<bool> clusterConnected{false};   ///< Redis reachable (both connections up).
    std::atomic<qint64> clusterChannels{0};      ///< Room channels subscribed.
    std::atomic<qint64> clusterInstances{0};     ///< Other servers seen in the cluster.
    std::atomic<quint64> clusterRelayedOut{0};   ///< Committed messages published to the others.
    std::atomic<quint64> clusterRelayedIn{0};    ///< Messages received from the others through Redis.
    std::atomic<quint64> clusterRelayDropped{0}; ///< Messages not published (Redis unreachable or backed up).
    std::atomic<quint64> clusterGapsFilled{0};   ///< Messages read from the store because Redis did not bring them.
};

/**
 * @brief What the server's threads share: the configuration, the counters and each other's addresses.
 *
 * Built before any thread starts and torn down after all have stopped, so the pointers are stable for
 * the threads' whole lives. Only the objects' queued entry points are called across threads.
 */
struct ServerContext
{
    explicit ServerContext(ServerConfig serverConfig)
        : config(std::move(serverConfig))
        , gate(config.maxConnections, config.maxConnectionsPerAddress)
    {}

    ServerConfig config;
    ServerMetrics metrics;
    ConnectionGate gate;
    NameClaims names;
    // With --auth accounts:
    AccountDirectory accounts;
    QByteArray tokenKey;             ///< Signs and checks login tokens (HS256).
    QThreadPool *hashPool = nullptr; ///< Password hashing: slow on purpose, so never on an I/O thread.
    /// With --tls-cert: every connection speaks TLS with this (copied per socket, never changed once started).
    std::optional<QSslConfiguration> tls;
    QList<RoomShard *> shards;
    QList<IoWorker *> workers;
    Persistence *persistence = nullptr; ///< Null when messages are kept in memory only.
    ClusterBus *cluster = nullptr;      ///< With --cluster: the Redis relay (null for a single server).
    QElapsedTimer clock;                ///< Monotonic time shared by all threads.
    qint64 startedAtMs = 0;             ///< Wall clock at start.
    quint16 port = 0;

    RoomShard *shardFor(const QString &room) const
    {
        return shards.at(qsizetype(qHash(room, 0) % quint64(shards.size())));
    }
    qint64 nowMs() const { return clock.elapsed(); }
};

} // namespace natter
