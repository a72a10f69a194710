#pragma once

#include "serverconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <functional>

struct redisAsyncContext;
struct redisReply;
class QTimer;

namespace natter {

struct ServerContext;

/**
 * @brief The Redis side of a cluster: relays what one server does to the others sharing its PostgreSQL database.
 *
 * Lives on a thread of its own, with two hiredis connections driven by its Qt adapter: one for commands (PUBLISH,
 * the presence keys) and one subscribed to the control channel and to the channel of every room that has members
 * on this server. Every public method runs on that thread (others post to it with postTo).
 *
 * What travels:
 * - committed messages (and typing events) on the room's channel, `natter:room:NAME`. Redis pub/sub may drop
 *   them; the room shards number nothing themselves and fill any gap from the database.
 * - presence on `natter:control`: each server publishes the users it has in each room and online, as versioned
 *   changes, and keeps its whole state in `natter:presence:ID` (expiring unless refreshed by the heartbeat), so a
 *   server that missed a change reads the key, and a dead server's members vanish when it stops refreshing.
 * - room and account changes on `natter:control` (a room deleted, its members changed, a ban, a kick, a notice
 *   for a user), which each server applies to its own state.
 *
 * When Redis is unreachable the server keeps serving its own members and storing messages; the bus reconnects
 * with backoff, subscribes again, and each room reads what it missed from the store once its channel is back.
 */
class ClusterBus : public QObject
{
    Q_OBJECT

public:
    ClusterBus(ServerContext &context, RedisAddress address);
    ~ClusterBus() override;

    /// This server's id in the cluster: new at every start, so a restarted server is a new instance.
    const QString &instanceId() const { return m_instanceId; }

    // All of these run on the bus's thread.
    void start();
    /// Tells the others this server is gone (its members with it) and disconnects.
    void stop();

    /// Room shards: receive @p room's channel while this server has members in it.
    void watchRoom(const QString &room, bool watch);
    /// Room shards: relay a committed message ('m', with its @p seq) or a typing event ('t') to the other servers.
    void publishToRoom(const QString &room, char kind, const QByteArray &json, quint64 seq = 0);
    /// Room shards: the users this server has in @p room, with their connection counts (empty: none).
    void setRoomPresence(const QString &room, const QHash<QString, int> &users);
    /// I/O workers: a connection of @p user was identified (+1) or closed (-1).
    void userOnline(const QString &user, int delta);
    /// A change the other servers must apply (see controlEvent); "i" is set to this server's id.
    void publishEvent(QJsonObject event);

    /// Users online on the other servers, with their connection counts.
    QHash<QString, int> remoteOnline() const;
    /// For /stats: connection state, channels, instances.
    QJsonObject status() const;

    static QByteArray roomChannel(const QString &room);

private:
    enum class ChannelState
    {
        Subscribing,
        Subscribed,
        Unsubscribing
    };
    struct Remote
    {
        qint64 version = -1; ///< Of the state held here; -1: none yet.
        qint64 newestSeen = -1;
        bool fetching = false;
        qint64 seenMs = 0;
        QHash<QString, QHash<QString, int>> rooms;
        QHash<QString, int> online;
    };

    // hiredis callbacks (C), forwarding to the bus.
    static void connectCallback(const redisAsyncContext *context, int status);
    static void disconnectCallback(const redisAsyncContext *context, int status);
    static void commandCallback(redisAsyncContext *context, void *reply, void *privdata);
    static void subscriberCallback(redisAsyncContext *context, void *reply, void *privdata);

    redisAsyncContext *openLink(const char *name);
    void connectLinks();
    /// A link failed or closed by itself; hiredis frees it after this returns.
    void linkLost(const redisAsyncContext *context, const QString &why);
    void reconnectLater(const QString &why);
    void closeLinks();
    void maybeReady();
    void watchdog();
    void heartbeat();

    void command(const QList<QByteArray> &arguments, std::function<void(redisReply *)> done = {});
    void sendSubscription(const char *verb, const QByteArray &channel);
    void subscriberReply(redisReply *reply);
    void channelMessage(const QByteArray &channel, const QByteArray &payload);
    void controlEvent(const QJsonObject &event);

    void schedulePresenceFlush();
    void flushPresence(bool full);
    QJsonObject presenceJson(bool full) const;
    void bootstrapPresence();
    void applyPresence(const QString &instance, const QJsonObject &data);
    void fetchPresence(const QString &instance);
    /// @p catchUp: it may have committed messages it never relayed, so rooms with members here read the store.
    void forgetInstance(const QString &instance, bool catchUp);
    void noteUnpublished(const QString &room, quint64 seq);
    /// Publishes the newest seq of each of @p heads' rooms, so the others read what they did not receive.
    void publishHeads(const QHash<QString, quint64> &heads);
    void applyHeads(const QJsonObject &rooms);
    void routeRoomPresence(const QSet<QString> &rooms);
    void setConnected(bool connected);

    ServerContext &m_context;
    RedisAddress m_address;
    QString m_instanceId;
    QByteArray m_presenceKey;

    redisAsyncContext *m_commands = nullptr;
    redisAsyncContext *m_subscriber = nullptr;
    bool m_commandsReady = false;
    bool m_controlSubscribed = false;
    bool m_connected = false;
    bool m_stopping = false;
    bool m_wasConnected = false; ///< Connected before: a reconnection reconciles with the store.
    QElapsedTimer m_connectingSince;
    QElapsedTimer m_pingSentAt; ///< Invalid when no PING is waiting for its answer.
    qint64 m_lastPingMs = 0;
    qint64 m_lastStorePollMs = 0;
    int m_reconnectDelayMs = 250;
    qint64 m_inFlight = 0; ///< Commands sent and not answered.
    // The subscriber connection's heartbeat: this server's own `alive` must come back on the control channel.
    qint64 m_aliveSent = 0;
    qint64 m_aliveEchoed = 0;
    QElapsedTimer m_echoWait; ///< Valid while an `alive` was published and has not come back yet.
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_watchdog = nullptr;
    QTimer *m_heartbeat = nullptr;
    QTimer *m_presenceFlush = nullptr;

    QSet<QString> m_watched;                     ///< Rooms with members here.
    QHash<QByteArray, ChannelState> m_channels;  ///< Room channels subscribed or on their way.
    QHash<QString, QHash<QString, int>> m_local; ///< Room -> this server's users there.
    QHash<QString, int> m_online;                ///< This server's users online.
    QSet<QString> m_dirtyRooms;
    bool m_onlineDirty = false;
    qint64 m_version = 0; ///< Of this server's presence, bumped by every change published.

    QHash<QString, Remote> m_remotes;

    QHash<QString, quint64> m_unpublished; ///< Room -> newest seq committed here whose relay may not have gone out.
    QHash<QString, quint64> m_recentHeads; ///< Room -> newest seq relayed since the last heartbeat.
};

} // namespace natter
