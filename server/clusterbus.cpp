#include "clusterbus.h"

#include "chatmessage.h"
#include "ioworker.h"
#include "persistence.h"
#include "roomshard.h"
#include "servercontext.h"
#include "threading.h"
#include "websocketcodec.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <QUuid>

#include <hiredis/adapters/qt.h>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>

Q_LOGGING_CATEGORY(lcCluster, "natter.server.cluster")

namespace natter {

namespace {

const QByteArray controlChannel = QByteArrayLiteral("natter:control");
const QByteArray roomPrefix = QByteArrayLiteral("natter:room:");
const QByteArray instancesKey = QByteArrayLiteral("natter:instances");
const QByteArray presencePrefix = QByteArrayLiteral("natter:presence:");
/// Commands waiting for Redis beyond this are not sent: relayed messages are dropped (the others read them from the
/// store when they notice the gap) rather than growing memory without bound while Redis is slow.
constexpr qint64 maxInFlight = 100'000;
constexpr int connectTimeoutMs = 3000;
constexpr int pingIntervalMs = 2000;
constexpr int pingTimeoutMs = 5000;
constexpr int maxReconnectDelayMs = 4000;
constexpr int presenceFlushMs = 50;
constexpr int storePollIntervalMs = 2000;
/// Seqs beyond this are not real (JSON numbers stay exact up to 2^53): such relays are refused.
constexpr quint64 maxSeq = quint64(1) << 53;

/**
 * Takes the Qt adapter off a context that is about to be freed (by hiredis or by us): its socket notifiers are
 * deleted and hiredis can no longer call into it. RedisQtAdapter's own destructor writes to the context, so it must
 * be deleted while the context still exists, and hiredis must not call its cleanup hook afterwards.
 */
void detachAdapter(redisAsyncContext *context)
{
    if (!context->ev.data)
        return;
    if (context->ev.cleanup)
        context->ev.cleanup(context->ev.data);
    auto *adapter = static_cast<RedisQtAdapter *>(context->ev.data);
    context->ev.addRead = nullptr;
    context->ev.delRead = nullptr;
    context->ev.addWrite = nullptr;
    context->ev.delWrite = nullptr;
    context->ev.cleanup = nullptr;
    delete adapter; // clears context->ev.data
}

QByteArray bytesOf(const redisReply *reply)
{
    return reply && reply->str ? QByteArray(reply->str, qsizetype(reply->len)) : QByteArray();
}

QJsonObject usersToJson(const QHash<QString, int> &users)
{
    QJsonObject object;
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QHash<QString, int> usersFromJson(const QJsonObject &object)
{
    QHash<QString, int> users;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (const int count = it.value().toInt(); count > 0)
            users.insert(it.key(), count);
    }
    return users;
}

} // namespace

ClusterBus::ClusterBus(ServerContext &context, RedisAddress address)
    : m_context(context)
    , m_address(std::move(address))
    , m_instanceId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_presenceKey(presencePrefix + m_instanceId.toLatin1())
{
    setObjectName(QStringLiteral("cluster"));
}

ClusterBus::~ClusterBus()
{
    m_stopping = true;
    closeLinks();
}

QByteArray ClusterBus::roomChannel(const QString &room)
{
    return roomPrefix + room.toUtf8();
}

void ClusterBus::start()
{
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &ClusterBus::connectLinks);
    m_watchdog = new QTimer(this);
    connect(m_watchdog, &QTimer::timeout, this, &ClusterBus::watchdog);
    m_watchdog->start(500);
    m_heartbeat = new QTimer(this);
    connect(m_heartbeat, &QTimer::timeout, this, &ClusterBus::heartbeat);
    m_heartbeat->start(m_context.config.clusterHeartbeatMs);
    m_presenceFlush = new QTimer(this);
    m_presenceFlush->setSingleShot(true);
    connect(m_presenceFlush, &QTimer::timeout, this, [this] { flushPresence(false); });
    qCInfo(lcCluster).noquote()
        << QStringLiteral("cluster instance %1, Redis at %2:%3").arg(m_instanceId, m_address.host).arg(m_address.port);
    connectLinks();
}

void ClusterBus::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (m_reconnectTimer) {
        m_reconnectTimer->stop();
        m_watchdog->stop();
        m_heartbeat->stop();
        m_presenceFlush->stop();
    }
    if (m_connected && m_commands) {
        // Tell the others at once that this server's members are gone, rather than leaving it to the expiry.
        QEventLoop loop;
        QTimer::singleShot(1000, &loop, &QEventLoop::quit);
        command({"DEL", m_presenceKey});
        command({"SREM", instancesKey, m_instanceId.toLatin1()});
        const QByteArray gone = QJsonDocument(QJsonObject{{QStringLiteral("t"), QStringLiteral("gone")},
                                                          {QStringLiteral("i"), m_instanceId}})
                                    .toJson(QJsonDocument::Compact);
        // Answered later (or never) if Redis is slow: closeLinks() below calls this after the loop is gone.
        command({"PUBLISH", controlChannel, gone}, [guard = QPointer<QEventLoop>(&loop)](redisReply *) {
            if (guard)
                guard->quit();
        });
        loop.exec();
    }
    closeLinks();
    setConnected(false);
}

redisAsyncContext *ClusterBus::openLink(const char *name)
{
    redisAsyncContext *link = redisAsyncConnect(m_address.host.toUtf8().constData(), m_address.port);
    if (!link)
        return nullptr;
    if (link->err) {
        qCDebug(lcCluster) << "cannot open the Redis" << name << "connection:" << link->errstr;
        redisAsyncFree(link);
        return nullptr;
    }
    link->data = this;
    auto *adapter = new RedisQtAdapter;
    adapter->setContext(link);
    redisAsyncSetConnectCallback(link, &ClusterBus::connectCallback);
    redisAsyncSetDisconnectCallback(link, &ClusterBus::disconnectCallback);
    return link;
}

void ClusterBus::connectLinks()
{
    if (m_stopping)
        return;
    closeLinks();
    m_connectingSince.start();
    m_commands = openLink("commands");
    m_subscriber = openLink("subscriber");
    if (!m_commands || !m_subscriber) {
        reconnectLater(QStringLiteral("cannot connect"));
        return;
    }
    // hiredis connects when the first command is written: these start both connections.
    if (!m_address.password.isEmpty()) {
        for (redisAsyncContext *link : {m_commands, m_subscriber}) {
            const QByteArray password = m_address.password.toUtf8();
            const char *argv[] = {"AUTH", password.constData()};
            const size_t lengths[] = {4, size_t(password.size())};
            auto *done = new std::function<void(redisReply *)>([this](redisReply *reply) {
                if (reply && reply->type == REDIS_REPLY_ERROR) {
                    const QString why = QStringLiteral("AUTH refused: ") + QString::fromUtf8(bytesOf(reply));
                    QMetaObject::invokeMethod(
                        this, [this, why] { reconnectLater(why); }, Qt::QueuedConnection);
                }
            });
            ++m_inFlight;
            redisAsyncCommandArgv(link, &ClusterBus::commandCallback, done, 2, argv, lengths);
        }
    }
    if (m_address.database != 0)
        command({"SELECT", QByteArray::number(m_address.database)});
    command({"PING"}, [this](redisReply *reply) {
        if (!reply || reply->type == REDIS_REPLY_ERROR)
            return;
        m_commandsReady = true;
        maybeReady();
    });
    sendSubscription("SUBSCRIBE", controlChannel);
    for (const QString &room : std::as_const(m_watched)) {
        const QByteArray channel = roomChannel(room);
        m_channels.insert(channel, ChannelState::Subscribing);
        sendSubscription("SUBSCRIBE", channel);
    }
}

void ClusterBus::connectCallback(const redisAsyncContext *context, int status)
{
    if (status != REDIS_OK && context->data)
        static_cast<ClusterBus *>(context->data)->linkLost(context, QString::fromUtf8(context->errstr));
}

void ClusterBus::disconnectCallback(const redisAsyncContext *context, int status)
{
    if (context->data) {
        static_cast<ClusterBus *>(context->data)
            ->linkLost(context,
                       status == REDIS_OK ? QStringLiteral("connection closed") : QString::fromUtf8(context->errstr));
    }
}

void ClusterBus::linkLost(const redisAsyncContext *context, const QString &why)
{
    auto *link = const_cast<redisAsyncContext *>(context);
    const bool ours = link == m_commands || link == m_subscriber;
    if (link == m_commands)
        m_commands = nullptr;
    if (link == m_subscriber)
        m_subscriber = nullptr;
    detachAdapter(link);
    link->data = nullptr;
    // hiredis frees the context when this returns; the rest happens outside its call stack.
    if (ours && !m_stopping)
        QMetaObject::invokeMethod(
            this, [this, why] { reconnectLater(why); }, Qt::QueuedConnection);
}

void ClusterBus::reconnectLater(const QString &why)
{
    if (m_stopping || m_reconnectTimer->isActive())
        return;
    if (m_connected)
        qCWarning(lcCluster).noquote() << "lost Redis:" << why << "- serving local members, reconnecting";
    else
        qCInfo(lcCluster).noquote() << "Redis unavailable:" << why;
    closeLinks();
    setConnected(false);
    m_reconnectTimer->start(m_reconnectDelayMs);
    m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, maxReconnectDelayMs);
}

void ClusterBus::closeLinks()
{
    m_commandsReady = false;
    m_controlSubscribed = false;
    m_channels.clear();
    m_pingSentAt.invalidate();
    m_echoWait.invalidate();
    for (redisAsyncContext **slot : {&m_commands, &m_subscriber}) {
        redisAsyncContext *link = std::exchange(*slot, nullptr);
        if (!link)
            continue;
        detachAdapter(link);
        redisAsyncFree(link); // answers what was waiting with no reply
        // (the context's data still points here: the callbacks it runs see a link that is no longer ours)
    }
    m_inFlight = 0;
}

void ClusterBus::maybeReady()
{
    if (m_connected || !m_commandsReady || !m_controlSubscribed)
        return;
    setConnected(true);
    m_reconnectDelayMs = 250;
    qCInfo(lcCluster).noquote()
        << QStringLiteral("connected to Redis at %1:%2").arg(m_address.host).arg(m_address.port);
    bootstrapPresence();
    flushPresence(true);
    // What was committed here while Redis was out of reach (or whose relay was lost with the connection): the
    // others read it from the store when they see the heads.
    QHash<QString, quint64> heads = std::exchange(m_unpublished, {});
    for (auto it = m_recentHeads.cbegin(); it != m_recentHeads.cend(); ++it)
        heads[it.key()] = std::max(heads.value(it.key()), it.value());
    m_recentHeads.clear();
    publishHeads(heads);
    if (std::exchange(m_wasConnected, true)) {
        // Room deletions, access changes and account changes published meanwhile were lost: compare with the store.
        for (RoomShard *shard : std::as_const(m_context.shards))
            postTo(shard, [](RoomShard &target) { target.reconcileLiveRooms(); });
        if (m_context.persistence && m_context.config.auth == ServerConfig::Auth::Accounts) {
            postTo(m_context.persistence, [context = &m_context](Persistence &persistence) {
                const auto accounts = persistence.store().accounts();
                if (!accounts)
                    return;
                context->accounts.load(*accounts);
                for (const Account &account : *accounts) {
                    if (!account.banned)
                        continue;
                    for (IoWorker *worker : std::as_const(context->workers)) {
                        postTo(worker, [name = account.name](IoWorker &target) {
                            target.closeUser(name, websocket::CloseCode::Banned, "banned by an admin");
                        });
                    }
                }
            });
        }
    }
}

void ClusterBus::setConnected(bool connected)
{
    m_connected = connected;
    m_context.metrics.clusterConnected.store(connected, std::memory_order_relaxed);
}

void ClusterBus::watchdog()
{
    if (m_stopping)
        return;
    if (!m_connected && (m_commands || m_subscriber) && m_connectingSince.elapsed() > connectTimeoutMs)
        reconnectLater(QStringLiteral("no answer within %1 s").arg(connectTimeoutMs / 1000));
    if (m_connected) {
        // A Redis that hangs closes no socket: an unanswered PING tells.
        if (m_pingSentAt.isValid() && m_pingSentAt.elapsed() > pingTimeoutMs) {
            reconnectLater(QStringLiteral("no answer to PING within %1 s").arg(pingTimeoutMs / 1000));
        } else if (m_echoWait.isValid() && m_echoWait.elapsed() > pingTimeoutMs) {
            // The commands connection works but the subscriber one delivers nothing (a half-open socket).
            reconnectLater(
                QStringLiteral("nothing received on the subscriber connection within %1 s").arg(pingTimeoutMs / 1000));
        } else if (!m_pingSentAt.isValid() && m_context.nowMs() - m_lastPingMs >= pingIntervalMs) {
            m_lastPingMs = m_context.nowMs();
            m_pingSentAt.start();
            command({"PING"}, [this](redisReply *reply) {
                if (reply)
                    m_pingSentAt.invalidate();
            });
        }
    }
    const qint64 now = m_context.nowMs();
    // Without Redis nothing is relayed: rooms with members here read the store now and then instead, so messages
    // posted on other servers still arrive, seconds late.
    if (!m_connected && now - m_lastStorePollMs >= storePollIntervalMs) {
        m_lastStorePollMs = now;
        for (RoomShard *shard : std::as_const(m_context.shards))
            postTo(shard, [](RoomShard &target) { target.catchUpAll(); });
    }
    // Servers that stopped refreshing their presence are gone: their members with them.
    QStringList silent;
    for (auto it = m_remotes.cbegin(); it != m_remotes.cend(); ++it) {
        if (now - it->seenMs > m_context.config.clusterPresenceTtlMs)
            silent.append(it.key());
    }
    for (const QString &instance : std::as_const(silent)) {
        qCInfo(lcCluster).noquote() << "instance" << instance << "stopped answering; its members are gone";
        forgetInstance(instance, true);
    }
}

void ClusterBus::heartbeat()
{
    if (!m_connected)
        return;
    const QByteArray snapshot = QJsonDocument(presenceJson(true)).toJson(QJsonDocument::Compact);
    command({"SET", m_presenceKey, snapshot, "PX", QByteArray::number(m_context.config.clusterPresenceTtlMs)});
    command({"SADD", instancesKey, m_instanceId.toLatin1()});
    const qint64 number = ++m_aliveSent;
    const QJsonObject alive{{QStringLiteral("t"), QStringLiteral("alive")},
                            {QStringLiteral("i"), m_instanceId},
                            {QStringLiteral("v"), m_version},
                            {QStringLiteral("n"), number}};
    // Once Redis took it, it must come back on the subscriber connection within the PING timeout.
    command({"PUBLISH", controlChannel, QJsonDocument(alive).toJson(QJsonDocument::Compact)}, [this, number](
                                                                                                  redisReply *reply) {
        if (reply && reply->type != REDIS_REPLY_ERROR && m_connected && m_aliveEchoed < number && !m_echoWait.isValid())
            m_echoWait.start();
    });
    // Rooms with messages since the last heartbeat: a receiver that lost a relay (Redis drops what a slow
    // subscriber cannot take) sees the gap here at the latest.
    QHash<QString, quint64> heads = std::exchange(m_recentHeads, {});
    for (auto it = m_unpublished.cbegin(); it != m_unpublished.cend(); ++it)
        heads[it.key()] = std::max(heads.value(it.key()), it.value());
    m_unpublished.clear();
    publishHeads(heads);
}

void ClusterBus::noteUnpublished(const QString &room, quint64 seq)
{
    quint64 &head = m_unpublished[room];
    head = std::max(head, seq);
}

void ClusterBus::publishHeads(const QHash<QString, quint64> &heads)
{
    if (heads.isEmpty())
        return;
    if (!m_connected) {
        for (auto it = heads.cbegin(); it != heads.cend(); ++it)
            noteUnpublished(it.key(), it.value());
        return;
    }
    QJsonObject rooms;
    for (auto it = heads.cbegin(); it != heads.cend(); ++it)
        rooms.insert(it.key(), qint64(it.value()));
    const QJsonObject event{{QStringLiteral("t"), QStringLiteral("heads")},
                            {QStringLiteral("i"), m_instanceId},
                            {QStringLiteral("rooms"), rooms}};
    command({"PUBLISH", controlChannel, QJsonDocument(event).toJson(QJsonDocument::Compact)},
            [this, heads](redisReply *reply) {
                if (reply && reply->type != REDIS_REPLY_ERROR)
                    return;
                for (auto it = heads.cbegin(); it != heads.cend(); ++it)
                    noteUnpublished(it.key(), it.value());
            });
}

void ClusterBus::applyHeads(const QJsonObject &rooms)
{
    for (auto it = rooms.constBegin(); it != rooms.constEnd(); ++it) {
        const qint64 seq = it.value().toInteger(-1);
        if (seq < 1 || quint64(seq) > maxSeq)
            continue;
        postTo(m_context.shardFor(it.key()),
               [room = it.key(), seq = quint64(seq)](RoomShard &shard) { shard.remoteHead(room, seq); });
    }
}

void ClusterBus::command(const QList<QByteArray> &arguments, std::function<void(redisReply *)> done)
{
    if (!m_commands) {
        if (done)
            done(nullptr);
        return;
    }
    QVarLengthArray<const char *, 8> argv;
    QVarLengthArray<size_t, 8> lengths;
    for (const QByteArray &argument : arguments) {
        argv.append(argument.constData());
        lengths.append(size_t(argument.size()));
    }
    auto *callback = done ? new std::function<void(redisReply *)>(std::move(done)) : nullptr;
    ++m_inFlight;
    if (redisAsyncCommandArgv(m_commands, &ClusterBus::commandCallback, callback, int(argv.size()), argv.data(),
                              lengths.data()) != REDIS_OK) {
        --m_inFlight;
        if (callback) {
            (*callback)(nullptr);
            delete callback;
        }
    }
}

void ClusterBus::commandCallback(redisAsyncContext *context, void *reply, void *privdata)
{
    if (context->data) {
        auto *bus = static_cast<ClusterBus *>(context->data);
        if (context == bus->m_commands || context == bus->m_subscriber)
            --bus->m_inFlight;
    }
    if (auto *done = static_cast<std::function<void(redisReply *)> *>(privdata)) {
        (*done)(static_cast<redisReply *>(reply));
        delete done;
    }
}

void ClusterBus::sendSubscription(const char *verb, const QByteArray &channel)
{
    if (!m_subscriber)
        return;
    const char *argv[] = {verb, channel.constData()};
    const size_t lengths[] = {strlen(verb), size_t(channel.size())};
    redisAsyncCommandArgv(m_subscriber, &ClusterBus::subscriberCallback, this, 2, argv, lengths);
}

void ClusterBus::subscriberCallback(redisAsyncContext *context, void *reply, void *privdata)
{
    auto *bus = static_cast<ClusterBus *>(privdata);
    if (reply && bus && context == bus->m_subscriber)
        bus->subscriberReply(static_cast<redisReply *>(reply));
}

void ClusterBus::subscriberReply(redisReply *reply)
{
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements < 3)
        return;
    const QByteArray kind = bytesOf(reply->element[0]);
    const QByteArray channel = bytesOf(reply->element[1]);
    if (kind == "message") {
        channelMessage(channel, bytesOf(reply->element[2]));
        return;
    }
    if (channel == controlChannel) {
        if (kind == "subscribe") {
            m_controlSubscribed = true;
            maybeReady();
        }
        return;
    }
    if (!channel.startsWith(roomPrefix))
        return;
    const QString room = QString::fromUtf8(channel.mid(roomPrefix.size()));
    // One subscription change per channel at a time: the next one waits for the answer to the last.
    if (kind == "subscribe") {
        m_channels.insert(channel, ChannelState::Subscribed);
        if (!m_watched.contains(room)) {
            m_channels.insert(channel, ChannelState::Unsubscribing);
            sendSubscription("UNSUBSCRIBE", channel);
            return;
        }
        // Messages committed before the subscription took effect were not relayed here: the shard reads them.
        postTo(m_context.shardFor(room), [room](RoomShard &shard) { shard.subscribed(room); });
    } else if (kind == "unsubscribe") {
        m_channels.remove(channel);
        if (m_watched.contains(room)) {
            m_channels.insert(channel, ChannelState::Subscribing);
            sendSubscription("SUBSCRIBE", channel);
        }
    }
    m_context.metrics.clusterChannels.store(m_channels.size(), std::memory_order_relaxed);
}

void ClusterBus::watchRoom(const QString &room, bool watch)
{
    const QByteArray channel = roomChannel(room);
    if (watch) {
        m_watched.insert(room);
        if (m_subscriber && !m_channels.contains(channel)) {
            m_channels.insert(channel, ChannelState::Subscribing);
            sendSubscription("SUBSCRIBE", channel);
        }
    } else {
        m_watched.remove(room);
        if (m_subscriber && m_channels.value(channel) == ChannelState::Subscribed) {
            m_channels.insert(channel, ChannelState::Unsubscribing);
            sendSubscription("UNSUBSCRIBE", channel);
        }
    }
}

void ClusterBus::publishToRoom(const QString &room, char kind, const QByteArray &json, quint64 seq)
{
    if (!m_connected || m_inFlight > maxInFlight) {
        m_context.metrics.clusterRelayDropped.fetch_add(1, std::memory_order_relaxed);
        if (seq != 0)
            noteUnpublished(room, seq); // announced as a head once Redis takes it again
        return;
    }
    // kind, the sender's instance id (so a server skips its own messages at once), a newline, the JSON.
    QByteArray payload;
    payload.reserve(json.size() + 40);
    payload += kind;
    payload += m_instanceId.toLatin1();
    payload += '\n';
    payload += json;
    if (seq == 0) {
        command({"PUBLISH", roomChannel(room), payload});
    } else {
        quint64 &head = m_recentHeads[room];
        head = std::max(head, seq);
        // A PUBLISH lost with its connection (or refused) is announced as a head after reconnecting.
        command({"PUBLISH", roomChannel(room), payload}, [this, room, seq](redisReply *reply) {
            if (!reply || reply->type == REDIS_REPLY_ERROR)
                noteUnpublished(room, seq);
        });
    }
    m_context.metrics.clusterRelayedOut.fetch_add(1, std::memory_order_relaxed);
}

void ClusterBus::channelMessage(const QByteArray &channel, const QByteArray &payload)
{
    if (channel == controlChannel) {
        const QJsonObject event = QJsonDocument::fromJson(payload).object();
        if (event.value(QLatin1String("i")).toString() != m_instanceId) {
            controlEvent(event);
        } else if (event.value(QLatin1String("t")).toString() == QLatin1String("alive")) {
            // Our own heartbeat came back: the subscriber connection works.
            m_aliveEchoed = std::max(m_aliveEchoed, event.value(QLatin1String("n")).toInteger());
            if (m_aliveEchoed >= m_aliveSent)
                m_echoWait.invalidate();
        }
        return;
    }
    const qsizetype newline = payload.indexOf('\n');
    if (!channel.startsWith(roomPrefix) || newline < 1)
        return;
    if (QByteArrayView(payload).sliced(1, newline - 1) == QByteArrayView(m_instanceId.toLatin1()))
        return; // our own, delivered here already
    const QString room = QString::fromUtf8(channel.mid(roomPrefix.size()));
    const QJsonObject object = QJsonDocument::fromJson(payload.mid(newline + 1)).object();
    if (payload.at(0) == 'm') {
        auto message = ChatMessage::fromJson(object);
        // Only what a server relays: a committed message has an id, an author and a seq that JSON holds exactly.
        if (!message || message->room != room || message->id.isEmpty() || message->user.isEmpty() ||
            message->seq > maxSeq)
            return;
        m_context.metrics.clusterRelayedIn.fetch_add(1, std::memory_order_relaxed);
        postTo(m_context.shardFor(room),
               [message = std::move(*message)](RoomShard &shard) { shard.remoteMessage(message); });
    } else if (payload.at(0) == 't') {
        const QString user = object.value(QLatin1String("user")).toString();
        const bool active = object.value(QLatin1String("active")).toBool();
        postTo(m_context.shardFor(room),
               [room, user, active](RoomShard &shard) { shard.remoteTyping(room, user, active); });
    }
}

void ClusterBus::publishEvent(QJsonObject event)
{
    event.insert(QStringLiteral("i"), m_instanceId);
    if (!m_connected) {
        qCWarning(lcCluster).noquote() << "Redis unavailable: the other servers do not learn of"
                                       << event.value(QLatin1String("t")).toString() << "now";
        return;
    }
    command({"PUBLISH", controlChannel, QJsonDocument(event).toJson(QJsonDocument::Compact)});
}

void ClusterBus::controlEvent(const QJsonObject &event)
{
    const QString type = event.value(QLatin1String("t")).toString();
    const QString origin = event.value(QLatin1String("i")).toString();
    if (type == QLatin1String("presence")) {
        applyPresence(origin, event);
    } else if (type == QLatin1String("alive")) {
        Remote &remote = m_remotes[origin];
        remote.seenMs = m_context.nowMs();
        const qint64 version = event.value(QLatin1String("v")).toInteger();
        remote.newestSeen = std::max(remote.newestSeen, version);
        if (remote.version != version)
            fetchPresence(origin);
    } else if (type == QLatin1String("gone")) {
        // Sent once its store committed everything queued: what it did not relay is in the database.
        forgetInstance(origin, true);
    } else if (type == QLatin1String("heads")) {
        applyHeads(event.value(QLatin1String("rooms")).toObject());
    } else if (type == QLatin1String("room")) {
        const QString room = event.value(QLatin1String("room")).toString();
        const QString change = event.value(QLatin1String("change")).toString();
        postTo(m_context.shardFor(room),
               [room, change](RoomShard &shard) { shard.roomChangedElsewhere(room, change); });
    } else if (type == QLatin1String("notify")) {
        const QString user = event.value(QLatin1String("user")).toString();
        const QByteArray frame = websocket::encodeFrame(
            websocket::Opcode::Text,
            QJsonDocument(event.value(QLatin1String("frame")).toObject()).toJson(QJsonDocument::Compact));
        for (IoWorker *worker : std::as_const(m_context.workers))
            postTo(worker, [user, frame](IoWorker &target) { target.sendToUser(user, frame); });
    } else if (type == QLatin1String("kick")) {
        const QString user = event.value(QLatin1String("user")).toString();
        for (IoWorker *worker : std::as_const(m_context.workers)) {
            postTo(worker, [user](IoWorker &target) {
                target.closeUser(user, websocket::CloseCode::Kicked, "removed by an admin");
            });
        }
    } else if (type == QLatin1String("account") && m_context.persistence) {
        // Registered, banned or unbanned on another server: read it again, and apply a ban to the connections here.
        const QString user = event.value(QLatin1String("user")).toString();
        postTo(m_context.persistence, [context = &m_context, user](Persistence &persistence) {
            const auto found = persistence.store().findAccount(user);
            if (!found || !*found)
                return;
            const Account account = **found;
            context->accounts.update(account);
            if (!account.banned)
                return;
            for (IoWorker *worker : std::as_const(context->workers)) {
                postTo(worker, [name = account.name](IoWorker &target) {
                    target.closeUser(name, websocket::CloseCode::Banned, "banned by an admin");
                });
            }
        });
    }
}

void ClusterBus::setRoomPresence(const QString &room, const QHash<QString, int> &users)
{
    if (users.isEmpty()) {
        if (!m_local.remove(room))
            return;
    } else {
        m_local.insert(room, users);
    }
    m_dirtyRooms.insert(room);
    schedulePresenceFlush();
}

void ClusterBus::userOnline(const QString &user, int delta)
{
    int &count = m_online[user];
    count += delta;
    if (count <= 0)
        m_online.remove(user);
    m_onlineDirty = true;
    schedulePresenceFlush();
}

void ClusterBus::schedulePresenceFlush()
{
    // Changes are gathered for a moment and published together: a burst of joins is one message.
    if (m_connected && !m_presenceFlush->isActive())
        m_presenceFlush->start(presenceFlushMs);
}

QJsonObject ClusterBus::presenceJson(bool full) const
{
    QJsonObject rooms;
    if (full) {
        for (auto it = m_local.cbegin(); it != m_local.cend(); ++it)
            rooms.insert(it.key(), usersToJson(it.value()));
    } else {
        for (const QString &room : std::as_const(m_dirtyRooms))
            rooms.insert(room, usersToJson(m_local.value(room)));
    }
    QJsonObject object{{QStringLiteral("v"), m_version}, {QStringLiteral("rooms"), rooms}};
    if (full)
        object.insert(QStringLiteral("full"), true);
    if (full || m_onlineDirty)
        object.insert(QStringLiteral("online"), usersToJson(m_online));
    return object;
}

void ClusterBus::flushPresence(bool full)
{
    if (!m_connected || (!full && m_dirtyRooms.isEmpty() && !m_onlineDirty))
        return;
    const qint64 previous = m_version++;
    QJsonObject change = presenceJson(full);
    change.insert(QStringLiteral("t"), QStringLiteral("presence"));
    change.insert(QStringLiteral("i"), m_instanceId);
    change.insert(QStringLiteral("p"), previous);
    m_dirtyRooms.clear();
    m_onlineDirty = false;
    // The whole state first, then the change: whoever reads the key after seeing the change gets it all.
    const QByteArray snapshot = QJsonDocument(presenceJson(true)).toJson(QJsonDocument::Compact);
    command({"SET", m_presenceKey, snapshot, "PX", QByteArray::number(m_context.config.clusterPresenceTtlMs)});
    command({"SADD", instancesKey, m_instanceId.toLatin1()});
    command({"PUBLISH", controlChannel, QJsonDocument(change).toJson(QJsonDocument::Compact)});
}

void ClusterBus::bootstrapPresence()
{
    command({"SMEMBERS", instancesKey}, [this](redisReply *reply) {
        if (!reply || reply->type != REDIS_REPLY_ARRAY)
            return;
        for (size_t i = 0; i < reply->elements; ++i) {
            const QString instance = QString::fromLatin1(bytesOf(reply->element[i]));
            if (instance != m_instanceId)
                fetchPresence(instance);
        }
    });
}

void ClusterBus::fetchPresence(const QString &instance)
{
    Remote &remote = m_remotes[instance];
    if (remote.seenMs == 0)
        remote.seenMs = m_context.nowMs();
    if (remote.fetching)
        return;
    remote.fetching = true;
    command({"GET", presencePrefix + instance.toLatin1()}, [this, instance](redisReply *reply) {
        const auto it = m_remotes.find(instance);
        if (it == m_remotes.end())
            return;
        it->fetching = false;
        if (!reply || reply->type == REDIS_REPLY_ERROR)
            return;
        if (reply->type == REDIS_REPLY_NIL) {
            // Expired: the server is gone.
            command({"SREM", instancesKey, instance.toLatin1()});
            forgetInstance(instance, true);
            return;
        }
        QJsonObject snapshot = QJsonDocument::fromJson(bytesOf(reply)).object();
        snapshot.insert(QStringLiteral("full"), true);
        applyPresence(instance, snapshot);
        const auto again = m_remotes.constFind(instance);
        if (again != m_remotes.cend() && again->newestSeen > again->version)
            fetchPresence(instance); // changed while the key was read
    });
}

void ClusterBus::applyPresence(const QString &instance, const QJsonObject &data)
{
    if (instance.isEmpty() || instance == m_instanceId)
        return;
    Remote &remote = m_remotes[instance];
    remote.seenMs = m_context.nowMs();
    const qint64 version = data.value(QLatin1String("v")).toInteger(-1);
    const bool full = data.value(QLatin1String("full")).toBool();
    remote.newestSeen = std::max(remote.newestSeen, version);
    if (version <= remote.version)
        return; // older than what is held
    if (!full && (remote.fetching || data.value(QLatin1String("p")).toInteger(-2) != remote.version)) {
        fetchPresence(instance); // a change was missed: read the whole state
        return;
    }
    QSet<QString> changed;
    if (full) {
        for (auto it = remote.rooms.cbegin(); it != remote.rooms.cend(); ++it)
            changed.insert(it.key());
        remote.rooms.clear();
    }
    const QJsonObject rooms = data.value(QLatin1String("rooms")).toObject();
    for (auto it = rooms.constBegin(); it != rooms.constEnd(); ++it) {
        changed.insert(it.key());
        const auto users = usersFromJson(it.value().toObject());
        if (users.isEmpty())
            remote.rooms.remove(it.key());
        else
            remote.rooms.insert(it.key(), users);
    }
    if (data.contains(QLatin1String("online")))
        remote.online = usersFromJson(data.value(QLatin1String("online")).toObject());
    remote.version = version;
    m_context.metrics.clusterInstances.store(m_remotes.size(), std::memory_order_relaxed);
    routeRoomPresence(changed);
}

void ClusterBus::forgetInstance(const QString &instance, bool catchUp)
{
    if (const auto it = m_remotes.find(instance); it != m_remotes.end()) {
        QSet<QString> rooms;
        for (auto room = it->rooms.cbegin(); room != it->rooms.cend(); ++room)
            rooms.insert(room.key());
        m_remotes.erase(it);
        m_context.metrics.clusterInstances.store(m_remotes.size(), std::memory_order_relaxed);
        routeRoomPresence(rooms);
    } else if (!catchUp) {
        return;
    }
    if (catchUp) {
        command({"SREM", instancesKey, instance.toLatin1()});
        // It may have committed messages it never relayed: every room with members here reads the store.
        for (RoomShard *shard : std::as_const(m_context.shards))
            postTo(shard, [](RoomShard &target) { target.catchUpAll(); });
    }
}

void ClusterBus::routeRoomPresence(const QSet<QString> &rooms)
{
    for (const QString &room : rooms) {
        QHash<QString, int> merged;
        for (const Remote &remote : std::as_const(m_remotes)) {
            const auto users = remote.rooms.constFind(room);
            if (users == remote.rooms.cend())
                continue;
            for (auto user = users->cbegin(); user != users->cend(); ++user)
                merged[user.key()] += user.value();
        }
        postTo(m_context.shardFor(room),
               [room, merged = std::move(merged)](RoomShard &shard) { shard.setRemotePresence(room, merged); });
    }
}

QHash<QString, int> ClusterBus::remoteOnline() const
{
    QHash<QString, int> merged;
    for (const Remote &remote : m_remotes) {
        for (auto it = remote.online.cbegin(); it != remote.online.cend(); ++it)
            merged[it.key()] += it.value();
    }
    return merged;
}

QJsonObject ClusterBus::status() const
{
    return {
        {QStringLiteral("instance"), m_instanceId},
        {QStringLiteral("redis"), m_connected ? QStringLiteral("ok") : QStringLiteral("unavailable")},
        {QStringLiteral("channels"), qint64(m_channels.size())},
        {QStringLiteral("instances"), qint64(m_remotes.size() + 1)},
    };
}

} // namespace natter
