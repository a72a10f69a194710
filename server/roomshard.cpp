#include "roomshard.h"

#include "ioworker.h"
#include "names.h"
#include "servercontext.h"
#include "threading.h"
#include "websocketcodec.h"

#include <QDateTime>
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

RoomShard::RoomShard(ServerContext &context, int index) : m_context(context), m_rooms(context.config.historyCapacity)
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

void RoomShard::join(const Who &who, const protocol::Join &request, const QString &requestId)
{
    Room *room = roomForUse(request.room);
    if (!room) {
        replyError(who, ErrorCode::RoomLimit, QStringLiteral("the server cannot hold more rooms"), requestId);
        // The worker counted the room as joined when it asked; tell it the join did not happen.
        postTo(m_context.workers.at(who.key.worker), [key = who.key, roomName = request.room](IoWorker &worker) {
            worker.forgetRoom(key.connection, roomName);
        });
        return;
    }
    const bool firstConnectionOfUser = room->addMember(who.key, who.user, who.typed);
    invalidateAudience(room->name());

    if (who.typed) {
        protocol::JoinedInfo info;
        info.requestId = requestId;
        info.room = room->name();
        info.members = room->memberNames();
        info.lastSeq = room->lastSeq();
        const auto &ring = room->history();
        if (request.sinceSeq) {
            const quint64 since = *request.sinceSeq;
            info.messages = ring.after(std::min(since, room->lastSeq()));
            if (since > room->lastSeq()) {
                // The client saw seqs this room never had: the room was reset (deleted, or the server lost it).
                info.messages = ring.latest(ring.size());
                info.complete = false;
            } else {
                info.complete = since == room->lastSeq() || (!ring.isEmpty() && since + 1 >= ring.oldestSeq());
            }
        } else if (request.lastN) {
            info.messages = ring.latest(*request.lastN);
        }
        reply(who.key, protocol::joinedFrame(info));
    }
    if (firstConnectionOfUser) {
        broadcast(audienceOf(*room).typed, protocol::memberFrame(true, room->name(), who.user), false, who.key, true);
    }
}

void RoomShard::removeMember(Room &room, ConnectionKey key)
{
    if (!room.isMember(key))
        return;
    const auto goneUser = room.removeMember(key);
    invalidateAudience(room.name());
    if (goneUser)
        broadcast(audienceOf(room).typed, protocol::memberFrame(false, room.name(), *goneUser), false);
}

void RoomShard::leave(const Who &who, const QString &roomName, const QString &requestId)
{
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
        if (Room *room = m_rooms.find(name))
            removeMember(*room, key);
    }
}

void RoomShard::post(const Who &who, const QString &roomName, const QString &content, const QString &clientId,
                     const QString &requestId)
{
    Room *room = m_rooms.find(roomName);
    if (!room || !room->isMember(who.key)) {
        replyError(who, ErrorCode::NotInRoom, QStringLiteral("join '%1' before posting to it").arg(roomName),
                   requestId);
        return;
    }
    auto result =
        room->post(who.user, content, clientId, wallClockMs(), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (who.typed)
        reply(who.key, protocol::ackFrame(requestId, result.message, result.duplicate));
    if (result.duplicate)
        return;
    m_context.metrics.messagesIn.fetch_add(1, std::memory_order_relaxed);
    broadcast(audienceOf(*room).everyone, protocol::messageFrame(result.message), true);
}

void RoomShard::typing(const Who &who, const QString &roomName, bool active)
{
    Room *room = m_rooms.find(roomName);
    if (!room || !room->isMember(who.key)) {
        replyError(who, ErrorCode::NotInRoom, QStringLiteral("you are not in '%1'").arg(roomName), {});
        return;
    }
    broadcast(audienceOf(*room).typed, protocol::typingFrame(roomName, who.user, active), false, who.key, true);
}

void RoomShard::history(const Who &who, const protocol::HistoryRequest &request, const QString &requestId)
{
    Room *room = m_rooms.find(request.room);
    if (!room || !room->isMember(who.key)) {
        replyError(who, ErrorCode::NotInRoom, QStringLiteral("join '%1' to read its history").arg(request.room),
                   requestId);
        return;
    }
    const auto &ring = room->history();
    const quint64 before = request.before.value_or(room->lastSeq() + 1);
    const auto page = ring.before(before, request.limit);
    const bool hasMore = !page.isEmpty() && page.constFirst().seq > ring.oldestSeq();
    reply(who.key, protocol::historyFrame(requestId, request.room, page, hasMore));
}

QList<RoomSummary> RoomShard::summaries() const
{
    QList<RoomSummary> result;
    result.reserve(m_rooms.size());
    for (const auto &[name, room] : m_rooms.rooms())
        result.append({name, room->memberCount(), room->history().size(), room->lastSeq(), room->lastActivityMs()});
    return result;
}

RoomShard::CreateResult RoomShard::createRoom(const QString &name, RoomSummary &created)
{
    if (m_rooms.find(name))
        return CreateResult::Exists;
    Room *room = roomForUse(name);
    if (!room)
        return CreateResult::LimitReached;
    created = {name, 0, 0, 0, room->lastActivityMs()};
    qCInfo(lcRoom) << "room created over REST:" << name;
    return CreateResult::Created;
}

RoomShard::DeleteResult RoomShard::deleteRoom(const QString &name)
{
    if (name == names::defaultRoom)
        return DeleteResult::Protected;
    if (!m_rooms.find(name))
        return DeleteResult::NotFound;
    const Audience audience = audienceOf(*m_rooms.find(name));
    invalidateAudience(name);
    m_rooms.take(name);
    m_context.metrics.rooms.fetch_sub(1, std::memory_order_relaxed);
    qCInfo(lcRoom) << "room deleted:" << name;

    const QByteArray frame = wire(protocol::roomClosedFrame(name));
    for (qsizetype worker = 0; worker < audience.everyone.size(); ++worker) {
        if (audience.everyone[worker].isEmpty())
            continue;
        postTo(m_context.workers.at(worker),
               [name, frame, everyone = audience.everyone[worker], typed = audience.typed[worker]](IoWorker &target) {
                   target.roomClosed(name, frame, everyone, typed);
               });
    }
    return DeleteResult::Deleted;
}

std::optional<QList<ChatMessage>> RoomShard::messages(const QString &name, quint64 before, int limit) const
{
    const Room *room = m_rooms.find(name);
    if (!room)
        return std::nullopt;
    return room->history().before(before == 0 ? room->lastSeq() + 1 : before, limit);
}

std::optional<QHash<QString, int>> RoomShard::members(const QString &name) const
{
    const Room *room = m_rooms.find(name);
    if (!room)
        return std::nullopt;
    return room->userConnections();
}

} // namespace natter
