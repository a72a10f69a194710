#include "roomshard.h"

#include "clusterbus.h"
#include "ioworker.h"
#include "names.h"
#include "persistence.h"
#include "servercontext.h"
#include "threading.h"
#include "websocketcodec.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcRoom, "natter.server.room")

namespace natter {

using protocol::ErrorCode;

namespace {

QByteArray wire(const QByteArray &json)
{
    return websocket::encodeFrame(websocket::Opcode::Text, json);
}

qint64 wallClockMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

RoomShard::RoomShard(ServerContext &context, int index)
    : m_context(context)
    , m_index(index)
    , m_rooms(context.config.historyCapacity)
{
    setObjectName(QStringLiteral("room shard %1").arg(index));
}

RoomShard::~RoomShard()
{
    m_context.metrics.rooms.fetch_sub(m_rooms.size(), std::memory_order_relaxed);
}

void RoomShard::ensureRoom(const QString &name)
{
    roomForUse(name);
}

Room *RoomShard::roomForUse(const QString &name)
{
    if (Room *room = m_rooms.find(name))
        return room;
    // Shards create rooms concurrently: reserve a place under the limit atomically.
    auto &count = m_context.metrics.rooms;
    qint64 current = count.load(std::memory_order_relaxed);
    do {
        if (current >= m_context.config.maxRooms)
            return nullptr;
    } while (!count.compare_exchange_weak(current, current + 1, std::memory_order_relaxed));
    qCDebug(lcRoom) << "room created:" << name;
    return &m_rooms.getOrCreate(name, wallClockMs());
}

const RoomShard::Audience &RoomShard::audienceOf(const Room &room)
{
    auto it = m_audiences.find(room.name());
    if (it != m_audiences.end())
        return *it;
    Audience audience;
    const auto workers = m_context.workers.size();
    audience.everyone.resize(workers);
    audience.typed.resize(workers);
    for (auto member = room.connections().cbegin(); member != room.connections().cend(); ++member) {
        const ConnectionKey key = member.key();
        audience.everyone[key.worker].append(key.connection);
        if (member->wantsEvents)
            audience.typed[key.worker].append(key.connection);
    }
    return *m_audiences.insert(room.name(), std::move(audience));
}

void RoomShard::reply(ConnectionKey key, const QByteArray &json) const
{
    postTo(m_context.workers.at(key.worker),
           [key, frame = wire(json)](IoWorker &worker) { worker.sendTo(key.connection, frame); });
}

void RoomShard::replyError(const Who &who, ErrorCode code, const QString &message, const QString &requestId) const
{
    if (who.typed || code != ErrorCode::NotInRoom)
        reply(who.key, protocol::errorFrame({code, message, requestId}));
}

void RoomShard::broadcast(const QList<QList<quint32>> &recipients, const QByteArray &json, bool isMessage,
                          ConnectionKey except, bool hasExcept) const
{
    const QByteArray frame = wire(json);
    for (qsizetype worker = 0; worker < recipients.size(); ++worker) {
        QList<quint32> ids = recipients[worker];
        if (hasExcept && except.worker == quint32(worker))
            ids.removeOne(except.connection);
        if (ids.isEmpty())
            continue;
        postTo(m_context.workers.at(worker),
               [frame, ids = std::move(ids), isMessage](IoWorker &target) { target.deliver(frame, ids, isMessage); });
    }
}

QString RoomShard::joinKey(ConnectionKey key, const QString &room)
{
    return QString::number(key.packed()) + QLatin1Char('\n') + room;
}

bool RoomShard::deferWhileJoining(ConnectionKey key, const QString &room, std::function<void()> action)
{
    const auto it = m_joinsInFlight.find(joinKey(key, room));
    if (it == m_joinsInFlight.end())
        return false;
    it->append(std::move(action));
    return true;
}

void RoomShard::forgetJoin(ConnectionKey key, const QString &roomName) const
{
    postTo(m_context.workers.at(key.worker),
           [key, roomName](IoWorker &worker) { worker.forgetRoom(key.connection, roomName); });
}

bool RoomShard::admits(const QString &roomName, const QString &user) const
{
    if (const Room *room = m_rooms.find(roomName))
        return room->access().admits(user);
    // A direct conversation exists only once one of its two people opened it; no one creates it by joining.
    return !names::isDirectRoomName(roomName);
}

void RoomShard::refuseOutsider(const Who &who, const QString &roomName, const QString &requestId)
{
    replyError(who, ErrorCode::NotAMember, QStringLiteral("'%1' is private and you are not a member").arg(roomName),
               requestId);
    forgetJoin(who.key, roomName);
}

void RoomShard::notInRoom(const Who &who, const QString &roomName, const QString &requestId)
{
    if (syncFirst(roomName, [=, this] { notInRoom(who, roomName, requestId); }))
        return;
    if (!admits(roomName, who.user))
        return refuseOutsider(who, roomName, requestId);
    replyError(who, ErrorCode::NotInRoom, QStringLiteral("you have not joined '%1'").arg(roomName), requestId);
}

void RoomShard::join(const Who &who, const protocol::Join &request, const QString &requestId)
{
    joinRoom(who, request, requestId, false);
}

void RoomShard::joinRoom(const Who &who, const protocol::Join &request, const QString &requestId, bool caughtUp)
{
    if (deferWhileJoining(who.key, request.room, [=, this] { joinRoom(who, request, requestId, caughtUp); }))
        return;
    if (needsSync(request.room)) {
        // In a cluster, a room without members here is read from the store first (who may join, its seq, its
        // newest messages). Until then this connection's later requests for the room wait, in order.
        const QString key = joinKey(who.key, request.room);
        m_joinsInFlight.insert(key, {});
        syncFirst(request.room, [this, who, request, requestId, key] {
            if (!m_joinsInFlight.contains(key))
                return; // the connection went away meanwhile
            const auto deferred = m_joinsInFlight.take(key);
            joinRoom(who, request, requestId, true); // just read from the store: nothing to catch up on
            for (const auto &action : deferred)
                action();
        });
        return;
    }
    if (!admits(request.room, who.user))
        return refuseOutsider(who, request.room, requestId);
    Room *room = roomForUse(request.room);
    if (!room) {
        replyError(who, ErrorCode::RoomLimit, QStringLiteral("the server cannot hold more rooms"), requestId);
        // The worker counted the room as joined when it asked; tell it the join did not happen.
        forgetJoin(who.key, request.room);
        return;
    }
    if (clustered() && !caughtUp && request.sinceSeq && *request.sinceSeq > room->lastSeq()) {
        // The client saw messages this server has not delivered yet (relayed through Redis, not here yet): read
        // them from the store before deciding the room was reset.
        const QString key = joinKey(who.key, request.room);
        m_joinsInFlight.insert(key, {});
        fillFromStore(request.room, [this, who, request, requestId, key] {
            if (!m_joinsInFlight.contains(key))
                return;
            const auto deferred = m_joinsInFlight.take(key);
            joinRoom(who, request, requestId, true);
            for (const auto &action : deferred)
                action();
        });
        return;
    }
    const auto &ring = room->history();
    const bool gapBeforeRing = request.sinceSeq && *request.sinceSeq < room->lastSeq() &&
                               (ring.isEmpty() || *request.sinceSeq + 1 < ring.oldestSeq());
    if (who.typed && gapBeforeRing && m_context.persistence) {
        // The resume reaches back past the ring: read the gap from the store, then finish the join here (the
        // member is added only then, so no live message can overtake the replay). Until then this connection's
        // requests for the room wait, in order, and a leave or disconnect cancels the join.
        m_joinsInFlight.insert(joinKey(who.key, request.room), {});
        postTo(m_context.persistence, [shard = this, who, request, requestId](Persistence &persistence) {
            // If the store cannot be read, the replay is what the ring holds, with complete: false.
            auto stored = persistence.store()
                              .after(request.room, *request.sinceSeq, maxResumeFromStore)
                              .value_or(QList<ChatMessage>());
            postTo(shard, [who, request, requestId, stored = std::move(stored)](RoomShard &target) {
                const QString key = joinKey(who.key, request.room);
                if (!target.m_joinsInFlight.contains(key))
                    return; // the connection went away meanwhile
                const auto deferred = target.m_joinsInFlight.take(key);
                target.finishJoin(who, request, requestId, stored);
                for (const auto &action : deferred)
                    action();
            });
        });
        return;
    }
    finishJoin(who, request, requestId, {});
}

void RoomShard::finishJoin(const Who &who, const protocol::Join &request, const QString &requestId,
                           const QList<ChatMessage> &fromStore)
{
    Room *room = roomForUse(request.room);
    if (!room)
        return; // the limit was reached meanwhile; join() already answered such cases
    if (clustered() && !fromStore.isEmpty() && fromStore.constLast().seq > room->lastSeq()) {
        // The store had messages this server had not delivered yet: they go to the members here first, in order.
        for (const ChatMessage &message : fromStore)
            acceptInOrder(room->name(), Held{message, std::nullopt, {}});
        room = m_rooms.find(request.room);
        if (!room)
            return;
    }
    const bool firstConnectionOfUser = room->addMember(who.key, who.user, who.typed);
    invalidateAudience(room->name());
    clusterMembershipChanged(*room);

    if (who.typed) {
        protocol::JoinedInfo info;
        info.requestId = requestId;
        info.room = room->name();
        info.members = clustered() ? memberNamesEverywhere(*room) : room->memberNames();
        info.lastSeq = room->lastSeq();
        const RoomAccess &access = room->access();
        if (access.isPrivate()) {
            info.kind = RoomAccess::kindName(access.kind);
            info.owner = access.owner;
            if (access.kind == RoomAccess::Kind::Direct)
                info.peer = access.peerOf(who.user);
        }
        const auto &ring = room->history();
        if (request.sinceSeq) {
            const quint64 since = *request.sinceSeq;
            if (since > room->lastSeq()) {
                // The client saw seqs this room never had: the room was reset (deleted, or the server lost it).
                info.messages = ring.latest(ring.size());
                info.complete = false;
            } else if (fromStore.size() >= maxResumeFromStore) {
                // Too much was missed to replay: give the newest messages instead, contiguous up to now, and say so;
                // the client starts its view afresh from them and pages back with history.
                info.messages = ring.latest(ring.size());
                info.complete = false;
            } else {
                // Stored messages first, then whatever the ring holds after them (it may have grown meanwhile).
                info.messages = fromStore;
                const quint64 covered = fromStore.isEmpty() ? since : fromStore.constLast().seq;
                info.messages += ring.after(covered);
                const quint64 expected = room->lastSeq() - since;
                info.complete = quint64(info.messages.size()) == expected &&
                                (expected == 0 || info.messages.constFirst().seq == since + 1);
            }
        } else if (request.lastN) {
            info.messages = ring.latest(*request.lastN);
        }
        reply(who.key, protocol::joinedFrame(info));
    }
    if (firstConnectionOfUser && !presentElsewhere(room->name(), who.user)) {
        broadcast(audienceOf(*room).typed, protocol::memberFrame(true, room->name(), who.user), false, who.key, true);
    }
}

void RoomShard::removeMember(Room &room, ConnectionKey key)
{
    if (!room.isMember(key))
        return;
    const auto goneUser = room.removeMember(key);
    invalidateAudience(room.name());
    clusterMembershipChanged(room);
    if (goneUser && !presentElsewhere(room.name(), *goneUser))
        broadcast(audienceOf(room).typed, protocol::memberFrame(false, room.name(), *goneUser), false);
}

void RoomShard::leave(const Who &who, const QString &roomName, const QString &requestId)
{
    if (deferWhileJoining(who.key, roomName, [=, this] { leave(who, roomName, requestId); }))
        return;
    Room *room = m_rooms.find(roomName);
    if (!room || !room->isMember(who.key)) {
        replyError(who, ErrorCode::NotInRoom, QStringLiteral("you are not in '%1'").arg(roomName), requestId);
        return;
    }
    removeMember(*room, who.key);
    reply(who.key, protocol::leftFrame(requestId, roomName));
}

void RoomShard::dropConnection(ConnectionKey key, const QStringList &rooms)
{
    for (const auto &name : rooms) {
        m_joinsInFlight.remove(joinKey(key, name)); // a join still reading the store is cancelled
        if (Room *room = m_rooms.find(name))
            removeMember(*room, key);
    }
}

void RoomShard::post(const Who &who, const QString &roomName, const QString &content, const QString &clientId,
                     const QString &requestId)
{
    if (deferWhileJoining(who.key, roomName, [=, this] { post(who, roomName, content, clientId, requestId); }))
        return;
    Room *room = m_rooms.find(roomName);
    if (!room || !room->isMember(who.key)) {
        replyError(who, ErrorCode::NotInRoom, QStringLiteral("join '%1' before posting to it").arg(roomName),
                   requestId);
        return;
    }
    const qint64 now = wallClockMs();
    QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (m_context.persistence) {
        // Durable: the store assigns the seq in its transaction; ack and broadcast wait for the commit.
        auto &queued = m_context.metrics.storeQueued;
        if (queued.load(std::memory_order_relaxed) >= m_context.config.maxStoreQueue) {
            replyError(who, ErrorCode::Busy, QStringLiteral("the server is busy storing messages; try again"),
                       requestId);
            return;
        }
        queued.fetch_add(1, std::memory_order_relaxed);
        Persistence::PendingPost pending{
            m_index, who, requestId, {roomName, who.user, content, clientId, now, std::move(id)}};
        // Collected and handed to the store once per pass of this thread's event loop: one cross-thread event
        // (and one wake-up of the store) for a burst of posts instead of one per message.
        m_toStore.append(std::move(pending));
        if (m_toStore.size() == 1)
            QMetaObject::invokeMethod(this, &RoomShard::handOverToStore, Qt::QueuedConnection);
        return;
    }
    auto result = room->post(who.user, content, clientId, now, std::move(id));
    publish(who, requestId, result.message, result.duplicate);
}

void RoomShard::publish(const Who &who, const QString &requestId, const ChatMessage &message, bool duplicate)
{
    if (who.typed)
        reply(who.key, protocol::ackFrame(requestId, message, duplicate));
    if (duplicate)
        return;
    m_context.metrics.messagesIn.fetch_add(1, std::memory_order_relaxed);
    Room *room = m_rooms.find(message.room);
    if (!room)
        return;
    broadcast(audienceOf(*room).everyone, protocol::messageFrame(message), true);
    if (room->access().kind == RoomAccess::Kind::Direct) {
        // The other person closed the conversation (or never opened it): tell their clients to open it again,
        // the way a new direct message brings a conversation back in any chat app.
        const QString peer = room->access().peerOf(message.user);
        if (!peer.isEmpty() && !room->userConnections().contains(peer))
            notifyUser(peer, protocol::directOpenedFrame(message.room, message.user));
    }
}

void RoomShard::handOverToStore()
{
    if (m_toStore.isEmpty())
        return;
    postTo(m_context.persistence,
           [posts = std::exchange(m_toStore, {})](Persistence &persistence) { persistence.enqueue(posts); });
}

void RoomShard::completePosts(const QList<Persistence::Outcome> &outcomes)
{
    if (clustered())
        return completeClusterPosts(outcomes);
    for (const auto &outcome : outcomes) {
        if (!outcome.committed) {
            replyError(outcome.who, ErrorCode::StorageUnavailable, outcome.error, outcome.requestId);
            continue;
        }
        const auto &[message, duplicate] = *outcome.committed;
        if (!duplicate) {
            if (Room *room = m_rooms.find(message.room))
                room->appendCommitted(message);
        }
        publish(outcome.who, outcome.requestId, message, duplicate);
    }
}

void RoomShard::restoreRoom(const StoredRoom &stored, const QList<ChatMessage> &latest)
{
    Room &room = m_rooms.getOrCreate(stored.name, stored.createdMs);
    room.restore(stored.lastSeq, latest);
    room.access() = stored.access;
    m_context.metrics.rooms.fetch_add(1, std::memory_order_relaxed);
}

void RoomShard::typing(const Who &who, const QString &roomName, bool active)
{
    if (deferWhileJoining(who.key, roomName, [=, this] { typing(who, roomName, active); }))
        return;
    Room *room = m_rooms.find(roomName);
    if (!room || !room->isMember(who.key)) {
        replyError(who, ErrorCode::NotInRoom, QStringLiteral("you are not in '%1'").arg(roomName), {});
        return;
    }
    broadcast(audienceOf(*room).typed, protocol::typingFrame(roomName, who.user, active), false, who.key, true);
    if (clustered()) {
        const QByteArray json =
            QJsonDocument(QJsonObject{{QStringLiteral("user"), who.user}, {QStringLiteral("active"), active}})
                .toJson(QJsonDocument::Compact);
        postTo(m_context.cluster, [roomName, json](ClusterBus &bus) { bus.publishToRoom(roomName, 't', json); });
    }
}

void RoomShard::history(const Who &who, const protocol::HistoryRequest &request, const QString &requestId)
{
    if (deferWhileJoining(who.key, request.room, [=, this] { history(who, request, requestId); }))
        return;
    Room *room = m_rooms.find(request.room);
    if (!room || !room->isMember(who.key)) {
        replyError(who, ErrorCode::NotInRoom, QStringLiteral("join '%1' to read its history").arg(request.room),
                   requestId);
        return;
    }
    const auto &ring = room->history();
    const quint64 before = request.before.value_or(room->lastSeq() + 1);
    const auto page = ring.before(before, request.limit);
    if (!m_context.persistence || ringCovers(*room, page, request.limit)) {
        // With a store, anything before seq 1 of the page may still be there (retention decides).
        const quint64 firstHeld = m_context.persistence ? 1 : ring.oldestSeq();
        const bool hasMore = !page.isEmpty() && page.constFirst().seq > firstHeld;
        reply(who.key, protocol::historyFrame(requestId, request.room, page, hasMore));
        return;
    }
    // Older than the ring: the store answers, straight to the connection's worker.
    IoWorker *worker = m_context.workers.at(who.key.worker);
    postTo(m_context.persistence, [worker, who, request, before, requestId](Persistence &persistence) {
        const auto stored = persistence.store().before(request.room, before, request.limit);
        QByteArray json;
        if (stored) {
            const bool hasMore = qsizetype(stored->size()) == request.limit && stored->constFirst().seq > 1;
            json = protocol::historyFrame(requestId, request.room, *stored, hasMore);
        } else {
            json =
                protocol::errorFrame({ErrorCode::StorageUnavailable,
                                      QStringLiteral("older messages cannot be read right now; try again"), requestId});
        }
        const QByteArray frame = websocket::encodeFrame(websocket::Opcode::Text, json);
        postTo(worker,
               [connection = who.key.connection, frame](IoWorker &target) { target.sendTo(connection, frame); });
    });
}

bool RoomShard::ringCovers(const Room &room, const QList<ChatMessage> &page, int limit)
{
    // The page is complete if it is full, or the ring still holds the room's very first message.
    return page.size() == limit || room.lastSeq() == 0 || room.history().oldestSeq() == 1;
}

RoomSummary RoomShard::summaryOf(const Room &room) const
{
    const qsizetype members = clustered() ? memberNamesEverywhere(room).size() : room.memberCount();
    return {room.name(), members, room.history().size(), room.lastSeq(), room.lastActivityMs(), room.access()};
}

QList<RoomSummary> RoomShard::summaries() const
{
    QList<RoomSummary> result;
    result.reserve(m_rooms.size());
    for (const auto &[name, room] : m_rooms.rooms())
        result.append(summaryOf(*room));
    // In a cluster, rooms this server does not hold but others have members in.
    for (auto it = m_remotePresence.cbegin(); it != m_remotePresence.cend(); ++it) {
        if (!m_rooms.find(it.key()))
            result.append({it.key(), it->size(), 0, 0, 0, {}});
    }
    return result;
}

std::optional<RoomSummary> RoomShard::summaryOf(const QString &roomName) const
{
    if (const Room *room = m_rooms.find(roomName))
        return summaryOf(*room);
    if (const auto remote = m_remotePresence.constFind(roomName); remote != m_remotePresence.cend())
        return RoomSummary{roomName, remote->size(), 0, 0, 0, {}};
    return std::nullopt;
}

RoomShard::CreateResult RoomShard::createRoom(const QString &name, RoomSummary &created)
{
    if (m_rooms.find(name))
        return CreateResult::Exists;
    Room *room = roomForUse(name);
    if (!room)
        return CreateResult::LimitReached;
    created = {name, 0, 0, 0, room->lastActivityMs(), {}};
    qCInfo(lcRoom) << "room created over REST:" << name;
    if (m_context.persistence) {
        postTo(m_context.persistence, [name, createdMs = created.lastActivityMs](Persistence &persistence) {
            persistence.enqueueMetadata(
                [name, createdMs](MessageStore &store) { return store.createRoom(name, createdMs); });
        });
    }
    return CreateResult::Created;
}

RoomShard::DeleteResult RoomShard::deleteRoom(const QString &name, bool existsInStore)
{
    if (name == names::defaultRoom)
        return DeleteResult::Protected;
    if (!m_rooms.find(name) && !existsInStore)
        return DeleteResult::NotFound;
    closeRoomHere(name);
    qCInfo(lcRoom) << "room deleted:" << name;
    if (m_context.persistence) {
        handOverToStore(); // posts collected here go first: none of them may bring the room back
        postTo(m_context.persistence, [name, cluster = m_context.cluster](Persistence &persistence) {
            // The other servers of a cluster hear of it once it is gone from the database, so whatever they read
            // there afterwards agrees.
            if (persistence.deleteRoom(name) && cluster) {
                postTo(cluster, [name](ClusterBus &bus) {
                    bus.publishEvent({{QStringLiteral("t"), QStringLiteral("room")},
                                      {QStringLiteral("room"), name},
                                      {QStringLiteral("change"), QStringLiteral("deleted")}});
                });
            }
        });
    }
    return DeleteResult::Deleted;
}

void RoomShard::closeRoomHere(const QString &name)
{
    Room *room = m_rooms.find(name);
    if (!room)
        return;
    const Audience audience = audienceOf(*room);
    invalidateAudience(name);
    if (clustered()) {
        // Its members here are gone with it: the others learn it, and the channel is no longer watched.
        if (const auto it = m_cluster.find(name); it != m_cluster.end()) {
            for (const Held &held : std::as_const(it->held))
                ackOnly(held);
            if (it->live)
                postTo(m_context.cluster, [name](ClusterBus &bus) { bus.watchRoom(name, false); });
            it->live = false;
            it->held.clear();
            forgetClusterRoomIfIdle(name);
        }
        postTo(m_context.cluster, [name](ClusterBus &bus) { bus.setRoomPresence(name, {}); });
    }
    m_rooms.take(name);
    m_context.metrics.rooms.fetch_sub(1, std::memory_order_relaxed);

    const QByteArray frame = wire(protocol::roomClosedFrame(name));
    for (qsizetype worker = 0; worker < audience.everyone.size(); ++worker) {
        if (audience.everyone[worker].isEmpty())
            continue;
        postTo(m_context.workers.at(worker),
               [name, frame, everyone = audience.everyone[worker], typed = audience.typed[worker]](IoWorker &target) {
                   target.roomClosed(name, frame, everyone, typed);
               });
    }
}

std::optional<RoomShard::MessagePage> RoomShard::messages(const QString &name, quint64 before, int limit) const
{
    const Room *room = m_rooms.find(name);
    if (!room)
        return std::nullopt;
    MessagePage page;
    if (clustered() && !m_cluster.value(name).live) {
        // Not kept current here: the store answers, from its newest message when no seq is given.
        page.effectiveBefore = before == 0 ? quint64(1) << 53 : before;
        page.complete = false;
        return page;
    }
    page.effectiveBefore = before == 0 ? room->lastSeq() + 1 : before;
    page.messages = room->history().before(page.effectiveBefore, limit);
    page.complete = !m_context.persistence || ringCovers(*room, page.messages, limit);
    return page;
}

std::optional<QHash<QString, int>> RoomShard::members(const QString &name) const
{
    const Room *room = m_rooms.find(name);
    const auto remote = m_remotePresence.constFind(name);
    if (!room && remote == m_remotePresence.cend())
        return std::nullopt;
    QHash<QString, int> users = room ? room->userConnections() : QHash<QString, int>();
    if (remote != m_remotePresence.cend()) {
        for (auto it = remote->cbegin(); it != remote->cend(); ++it)
            users[it.key()] += it.value();
    }
    return users;
}

} // namespace natter

namespace natter {

// Direct conversations and groups. Every change of who may use a room is stored before it takes effect or is
// answered: a member removed must stay removed after a crash.

bool RoomShard::isServerAdmin(const QString &user) const
{
    const auto account = m_context.accounts.find(user);
    return account && account->isAdmin();
}

void RoomShard::changeAccess(const QString &roomName, RoomAccess access, const Who &who, const QString &requestId,
                             std::function<void(RoomShard &)> then)
{
    if (!m_context.persistence) {
        applyAccess(roomName, std::move(access));
        then(*this);
        return;
    }
    const qint64 createdMs = wallClockMs();
    postTo(m_context.persistence, [shard = this, roomName, access, createdMs, who, requestId,
                                   then = std::move(then)](Persistence &persistence) {
        const bool stored = persistence.store().saveAccess(roomName, access, createdMs);
        if (!stored)
            qCWarning(lcRoom).noquote() << "cannot store the members of" << roomName << ":"
                                        << persistence.store().lastError();
        postTo(shard, [stored, roomName, access, who, requestId, then](RoomShard &target) {
            if (!stored) {
                target.replyError(who, ErrorCode::StorageUnavailable,
                                  QStringLiteral("the change cannot be stored right now; try again shortly"),
                                  requestId);
                return;
            }
            target.applyAccess(roomName, access);
            if (target.clustered())
                target.publishEvent({{QStringLiteral("t"), QStringLiteral("room")},
                                     {QStringLiteral("room"), roomName},
                                     {QStringLiteral("change"), QStringLiteral("access")}});
            then(target);
        });
    });
}

void RoomShard::applyAccess(const QString &roomName, RoomAccess access)
{
    Room *room = roomForUse(roomName);
    if (!room)
        return;
    room->access() = std::move(access);
    // Connections of people who are no longer members leave the room.
    QList<ConnectionKey> outsiders;
    for (auto it = room->connections().cbegin(); it != room->connections().cend(); ++it) {
        if (!room->access().admits(it->user))
            outsiders.append(it.key());
    }
    for (const ConnectionKey key : std::as_const(outsiders)) {
        removeMember(*room, key);
        forgetJoin(key, roomName);
    }
}

void RoomShard::notifyUser(const QString &user, const QByteArray &json) const
{
    const QByteArray frame = wire(json);
    for (IoWorker *worker : std::as_const(m_context.workers))
        postTo(worker, [user, frame](IoWorker &target) { target.sendToUser(user, frame); });
    if (clustered()) // the user may be connected to another server
        publishEvent({{QStringLiteral("t"), QStringLiteral("notify")},
                      {QStringLiteral("user"), user},
                      {QStringLiteral("frame"), QJsonDocument::fromJson(json).object()}});
}

void RoomShard::openDirect(const Who &who, const QString &peer, const QString &requestId)
{
    const QString roomName = names::directRoomName(who.user, peer);
    if (syncFirst(roomName, [=, this] { openDirect(who, peer, requestId); }))
        return;
    const auto joinIt = [who, roomName, requestId, peer](RoomShard &shard) {
        shard.join(who, {roomName, {}, {}}, requestId);
        shard.notifyUser(peer, protocol::directOpenedFrame(roomName, who.user));
    };
    if (m_rooms.find(roomName))
        return joinIt(*this);
    RoomAccess access;
    access.kind = RoomAccess::Kind::Direct;
    access.members.insert(RoomAccess::keyOf(who.user), who.user);
    access.members.insert(RoomAccess::keyOf(peer), peer);
    changeAccess(roomName, access, who, requestId, joinIt);
}

void RoomShard::createGroup(const Who &who, const QString &roomName, const QString &requestId)
{
    if (syncFirst(roomName, [=, this] { createGroup(who, roomName, requestId); }))
        return;
    if (m_rooms.find(roomName)) {
        replyError(who, ErrorCode::InvalidRoom, QStringLiteral("a room named '%1' exists already").arg(roomName),
                   requestId);
        forgetJoin(who.key, roomName);
        return;
    }
    RoomAccess access;
    access.kind = RoomAccess::Kind::Group;
    access.owner = who.user;
    access.members.insert(RoomAccess::keyOf(who.user), who.user);
    changeAccess(roomName, access, who, requestId, [who, roomName, requestId](RoomShard &shard) {
        shard.join(who, {roomName, {}, {}}, requestId);
    });
}

const Room *RoomShard::groupFor(const Who &who, const QString &roomName, const QString &requestId)
{
    const Room *room = m_rooms.find(roomName);
    if (!room || !room->access().admits(who.user)) {
        replyError(who, ErrorCode::NotAMember, QStringLiteral("'%1' is private and you are not a member").arg(roomName),
                   requestId);
        return nullptr;
    }
    if (room->access().kind != RoomAccess::Kind::Group) {
        replyError(who, ErrorCode::InvalidRoom, QStringLiteral("'%1' is not a group").arg(roomName), requestId);
        return nullptr;
    }
    return room;
}

void RoomShard::invite(const Who &who, const QString &roomName, const QString &user, const QString &requestId)
{
    if (syncFirst(roomName, [=, this] { invite(who, roomName, user, requestId); }))
        return;
    const Room *room = groupFor(who, roomName, requestId);
    if (!room)
        return;
    if (!room->access().canManage(who.user, isServerAdmin(who.user))) {
        replyError(who, ErrorCode::Forbidden, QStringLiteral("only the owner of '%1' may invite").arg(roomName),
                   requestId);
        return;
    }
    if (room->access().members.contains(RoomAccess::keyOf(user))) {
        replyError(who, ErrorCode::InvalidPayload, QStringLiteral("%1 is a member already").arg(user), requestId);
        return;
    }
    RoomAccess access = room->access();
    access.invited.insert(RoomAccess::keyOf(user), {user, who.user});
    changeAccess(roomName, access, who, requestId, [who, roomName, user, requestId](RoomShard &shard) {
        shard.reply(who.key, protocol::invitedFrame(requestId, roomName, user, who.user));
        shard.notifyUser(user, protocol::invitedFrame({}, roomName, user, who.user));
    });
}

void RoomShard::answerInvite(const Who &who, const QString &roomName, bool accept, const QString &requestId)
{
    if (syncFirst(roomName, [=, this] { answerInvite(who, roomName, accept, requestId); }))
        return;
    const Room *room = m_rooms.find(roomName);
    const QString key = RoomAccess::keyOf(who.user);
    if (!room || !room->access().invited.contains(key)) {
        replyError(who, ErrorCode::NotAMember, QStringLiteral("you have no invitation to '%1'").arg(roomName),
                   requestId);
        forgetJoin(who.key, roomName);
        return;
    }
    RoomAccess access = room->access();
    access.invited.remove(key);
    if (accept)
        access.members.insert(key, who.user);
    changeAccess(roomName, access, who, requestId, [who, roomName, accept, requestId](RoomShard &shard) {
        if (accept)
            return shard.join(who, {roomName, {}, {}}, requestId);
        shard.reply(who.key, protocol::inviteDeclinedFrame(requestId, roomName, who.user));
    });
}

void RoomShard::removeFromGroup(const Who &who, const QString &roomName, const QString &user, const QString &requestId)
{
    if (syncFirst(roomName, [=, this] { removeFromGroup(who, roomName, user, requestId); }))
        return;
    const Room *room = groupFor(who, roomName, requestId);
    if (!room)
        return;
    const bool self = RoomAccess::keyOf(user) == RoomAccess::keyOf(who.user);
    if (!self && !room->access().canManage(who.user, isServerAdmin(who.user))) {
        replyError(who, ErrorCode::Forbidden, QStringLiteral("only the owner of '%1' may remove members").arg(roomName),
                   requestId);
        return;
    }
    const QString key = RoomAccess::keyOf(user);
    if (!room->access().members.contains(key) && !room->access().invited.contains(key)) {
        replyError(who, ErrorCode::NotAMember, QStringLiteral("%1 is not a member of '%2'").arg(user, roomName),
                   requestId);
        return;
    }
    RoomAccess access = room->access();
    const QString removed = access.members.value(key, access.invited.value(key).user);
    access.members.remove(key);
    access.invited.remove(key);
    changeAccess(roomName, access, who, requestId, [who, roomName, removed, requestId](RoomShard &shard) {
        shard.reply(who.key, protocol::memberRemovedFrame(requestId, roomName, removed, who.user));
        shard.notifyUser(removed, protocol::memberRemovedFrame({}, roomName, removed, who.user));
    });
}

std::optional<RoomAccess> RoomShard::accessOf(const QString &roomName) const
{
    if (const Room *room = m_rooms.find(roomName))
        return room->access();
    return std::nullopt;
}

QList<RoomShard::Invitation> RoomShard::invitationsFor(const QString &user) const
{
    QList<Invitation> result;
    const QString key = RoomAccess::keyOf(user);
    for (const auto &[name, room] : m_rooms.rooms()) {
        if (const auto it = room->access().invited.constFind(key); it != room->access().invited.cend())
            result.append({name, it->by});
    }
    return result;
}

} // namespace natter
