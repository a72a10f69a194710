// The room shard's part of a cluster (--cluster): several servers on one PostgreSQL database serve the same rooms.
//
// The database numbers every message (MessageStore locks the room's row in the commit transaction), so a room's
// seqs are the same on every server. Each server delivers a room's messages to its own members strictly in seq
// order: a message that arrives ahead of an earlier one (its own commit overtaking another server's relay, or a
// relay Redis dropped) waits, and if the earlier one does not come through Redis within --cluster's gap wait, it
// is read from the store. Rooms without members here are not kept current at all: they are read from the store
// before anything uses them.
#include "clusterbus.h"
#include "ioworker.h"
#include "names.h"
#include "persistence.h"
#include "roomshard.h"
#include "servercontext.h"
#include "threading.h"
#include "websocketcodec.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcRoom)

namespace natter {

namespace {
/// Messages read from the store in one go when filling a gap.
constexpr int fillPage = 1000;
/// Relayed messages held for earlier seqs beyond this are dropped (the store has them, if they are real).
constexpr qsizetype maxHeld = 10'000;
} // namespace

bool RoomShard::clustered() const
{
    return m_context.cluster != nullptr;
}

bool RoomShard::needsSync(const QString &room) const
{
    if (!clustered() || !m_context.persistence)
        return false;
    const auto it = m_cluster.constFind(room);
    return it == m_cluster.cend() || (!it->live && !it->fresh);
}

bool RoomShard::syncFirst(const QString &roomName, std::function<void()> action)
{
    if (!needsSync(roomName))
        return false;
    ClusterRoom &state = m_cluster[roomName];
    state.afterSync.append(std::move(action));
    if (state.syncing)
        return true;
    state.syncing = true;
    const int capacity = m_context.config.historyCapacity;
    postTo(m_context.persistence, [shard = this, roomName, capacity](Persistence &persistence) {
        const auto stored = persistence.store().room(roomName);
        QList<ChatMessage> latest;
        if (stored && *stored)
            latest = persistence.store().latest(roomName, capacity).value_or(QList<ChatMessage>());
        postTo(shard, [roomName, stored, latest](RoomShard &target) { target.applySync(roomName, stored, latest); });
    });
    return true;
}

void RoomShard::applySync(const QString &roomName, const std::optional<std::optional<StoredRoom>> &stored,
                          const QList<ChatMessage> &latest)
{
    auto it = m_cluster.find(roomName);
    if (it == m_cluster.end())
        return;
    it->syncing = false;
    const auto actions = std::exchange(it->afterSync, {});
    if (!stored) {
        qCWarning(lcRoom).noquote() << "cannot read room" << roomName
                                    << "from the database; going by what this server knows";
    } else if (!*stored) {
        // Deleted on another server while its announcement could not reach this one (a room with messages has a
        // row: only one that exists just here, joined into being, has none).
        if (const Room *held = m_rooms.find(roomName); held && held->lastSeq() > 0)
            resetRoom(roomName, "was deleted on another server");
    } else {
        const StoredRoom &room = **stored;
        if (Room *held = roomForUse(roomName)) {
            held->access() = room.access;
            // The newest messages were read after the room's row: they may reach past its seq.
            const quint64 lastSeq = latest.isEmpty() ? room.lastSeq : std::max(room.lastSeq, latest.constLast().seq);
            if (lastSeq != held->lastSeq())
                held->restore(lastSeq, latest);
        }
    }
    m_cluster[roomName].fresh = true;
    for (const auto &action : actions)
        action();
    if (const auto again = m_cluster.find(roomName); again != m_cluster.end())
        again->fresh = false;
    // A room that exists only here (joined into being) is made known to the others through the database.
    if (stored && !*stored && m_rooms.find(roomName) && !names::isDirectRoomName(roomName)) {
        const qint64 createdMs = m_rooms.find(roomName)->lastActivityMs();
        postTo(m_context.persistence, [roomName, createdMs](Persistence &persistence) {
            persistence.enqueueMetadata(
                [roomName, createdMs](MessageStore &store) { return store.createRoom(roomName, createdMs); });
        });
    }
    forgetClusterRoomIfIdle(roomName);
}

void RoomShard::forgetClusterRoomIfIdle(const QString &roomName)
{
    const auto it = m_cluster.find(roomName);
    if (it != m_cluster.end() && !it->live && !it->syncing && !it->filling && !it->gapTimer &&
        it->afterSync.isEmpty() && it->afterFill.isEmpty() && it->held.isEmpty())
        m_cluster.erase(it);
}

void RoomShard::completeClusterPosts(const QList<PostOutcome> &outcomes)
{
    // Relayed to the others first (they order it by seq themselves), then delivered here in seq order.
    struct Relay
    {
        QString room;
        QByteArray json;
        quint64 seq;
    };
    QList<Relay> relay;
    for (const auto &outcome : outcomes) {
        if (outcome.committed && !outcome.committed->duplicate) {
            const ChatMessage &message = outcome.committed->message;
            relay.append({message.room, QJsonDocument(message.toJson()).toJson(QJsonDocument::Compact), message.seq});
        }
    }
    if (!relay.isEmpty()) {
        postTo(m_context.cluster, [relay = std::move(relay)](ClusterBus &bus) {
            for (const auto &[room, json, seq] : relay)
                bus.publishToRoom(room, 'm', json, seq);
        });
    }
    for (const auto &outcome : outcomes) {
        if (!outcome.committed) {
            replyError(outcome.who, protocol::ErrorCode::StorageUnavailable, outcome.error, outcome.requestId);
            continue;
        }
        const auto &[message, duplicate] = *outcome.committed;
        if (duplicate) {
            if (outcome.who.typed)
                reply(outcome.who.key, protocol::ackFrame(outcome.requestId, message, true));
            // Stored before, perhaps by a server that died before relaying it: make sure it was delivered here.
            if (const Room *room = m_rooms.find(message.room); room && message.seq > room->lastSeq())
                fillFromStore(message.room);
            continue;
        }
        m_context.metrics.messagesIn.fetch_add(1, std::memory_order_relaxed);
        acceptInOrder(message.room, Held{message, outcome.who, outcome.requestId});
        // A direct conversation the other person closed (on whichever server) comes back to them.
        if (const Room *room = m_rooms.find(message.room); room && room->access().kind == RoomAccess::Kind::Direct) {
            const QString peer = room->access().peerOf(message.user);
            if (!peer.isEmpty() && !room->userConnections().contains(peer) && !presentElsewhere(message.room, peer))
                notifyUser(peer, protocol::directOpenedFrame(message.room, message.user));
        }
    }
}

void RoomShard::acceptInOrder(const QString &roomName, Held item)
{
    Room *room = m_rooms.find(roomName);
    if (!room) {
        ackOnly(item);
        return;
    }
    const quint64 seq = item.message.seq;
    if (seq <= room->lastSeq()) {
        ackOnly(item); // delivered already (read from the store, or relayed back)
        // ... unless it is another message under a seq delivered here: the room was deleted and created again
        // elsewhere while the deletion could not reach this server.
        if (differsFromRing(*room, item.message))
            resetRoom(roomName, "was deleted and created again on another server");
        return;
    }
    ClusterRoom &state = m_cluster[roomName];
    if (seq > room->lastSeq() + 1) {
        auto existing = state.held.find(seq);
        if (existing == state.held.end()) {
            if (state.held.size() >= maxHeld) {
                // Far too many waiting: keep this server's posts (their senders wait for the ack), drop relays,
                // and read the store instead.
                qCWarning(lcRoom).noquote()
                    << maxHeld << "messages of" << roomName << "wait for earlier ones; reading the store instead";
                state.held.removeIf([](const auto &entry) { return !entry.value().who; });
            }
            item.arrival = ++state.arrivals;
            state.held.insert(seq, std::move(item));
        } else if (item.who && !existing->who) {
            item.arrival = existing->arrival;
            *existing = std::move(item);
        }
        armGapTimer(roomName);
        return;
    }
    deliverCommitted(*room, item);
    while (!state.held.isEmpty() && state.held.firstKey() <= room->lastSeq() + 1) {
        const Held next = state.held.take(state.held.firstKey());
        if (next.message.seq <= room->lastSeq())
            ackOnly(next);
        else
            deliverCommitted(*room, next);
    }
}

void RoomShard::deliverCommitted(Room &room, const Held &item)
{
    room.appendCommitted(item.message);
    ackOnly(item);
    broadcast(audienceOf(room).everyone, protocol::messageFrame(item.message), true);
}

void RoomShard::ackOnly(const Held &item) const
{
    if (item.who && item.who->typed)
        reply(item.who->key, protocol::ackFrame(item.requestId, item.message, false));
}

void RoomShard::armGapTimer(const QString &roomName)
{
    ClusterRoom &state = m_cluster[roomName];
    if (state.gapTimer)
        return;
    state.gapTimer = true;
    QTimer::singleShot(m_context.config.clusterGapWaitMs, this, [this, roomName] {
        const auto it = m_cluster.find(roomName);
        if (it == m_cluster.end())
            return;
        it->gapTimer = false;
        const Room *room = m_rooms.find(roomName);
        if (room && !it->held.isEmpty() && it->held.firstKey() > room->lastSeq() + 1)
            fillFromStore(roomName);
        else
            forgetClusterRoomIfIdle(roomName);
    });
}

void RoomShard::fillFromStore(const QString &roomName, std::function<void()> done)
{
    ClusterRoom &state = m_cluster[roomName];
    if (done)
        state.afterFill.append(std::move(done));
    if (state.filling) {
        state.fillAgain = true;
        return;
    }
    const Room *room = m_rooms.find(roomName);
    if (!room || !m_context.persistence) {
        for (const auto &action : std::exchange(state.afterFill, {}))
            action();
        forgetClusterRoomIfIdle(roomName);
        return;
    }
    state.filling = true;
    state.fillArrivals = state.arrivals;
    postTo(m_context.persistence, [shard = this, roomName, from = room->lastSeq()](Persistence &persistence) {
        MessageStore &store = persistence.store();
        auto page = store.after(roomName, from, fillPage);
        std::optional<quint64> storedLastSeq;
        if (page && page->isEmpty()) {
            // Nothing after it: the room's seq says whether held messages beyond are real and their predecessors
            // gone (retention), read before the page is read again, so no commit can fall in between.
            if (const auto row = store.room(roomName)) {
                storedLastSeq = *row ? (*row)->lastSeq : 0;
                page = store.after(roomName, from, fillPage);
            }
        }
        postTo(shard,
               [roomName, page, storedLastSeq](RoomShard &target) { target.filled(roomName, page, storedLastSeq); });
    });
}

void RoomShard::filled(const QString &roomName, const std::optional<QList<ChatMessage>> &page,
                       std::optional<quint64> storedLastSeq)
{
    auto it = m_cluster.find(roomName);
    if (it == m_cluster.end())
        return;
    it->filling = false;
    const quint64 askedArrivals = it->fillArrivals;
    if (!m_rooms.find(roomName)) {
        it->held.clear();
    } else if (page) {
        // Seqs are given under the room's lock and committed in that order: when the store shows a later seq and
        // not the next one, the ones in between are gone (retention removed them), not on their way.
        if (Room *room = m_rooms.find(roomName); !page->isEmpty() && page->constFirst().seq > room->lastSeq() + 1) {
            qCWarning(lcRoom).noquote() << "messages" << room->lastSeq() + 1 << "to" << page->constFirst().seq - 1
                                        << "of" << roomName << "are gone from the store; skipping them";
            room->restore(page->constFirst().seq - 1, {});
        }
        for (const ChatMessage &message : *page) {
            const Room *room = m_rooms.find(roomName);
            if (!room)
                break;
            if (message.seq > room->lastSeq())
                m_context.metrics.clusterGapsFilled.fetch_add(1, std::memory_order_relaxed);
            acceptInOrder(roomName, Held{message, std::nullopt, {}});
        }
    }
    it = m_cluster.find(roomName);
    if (it == m_cluster.end())
        return; // closed meanwhile (reset)
    Room *room = m_rooms.find(roomName);
    const auto hasGap = [&] {
        return room && !it->held.isEmpty() && it->held.firstKey() > room->lastSeq() + 1;
    };
    if (page && page->isEmpty() && storedLastSeq && hasGap()) {
        // Held messages the store does not know of, though they were received before it was asked: not relayed
        // by a server (a corrupt or forged relay). Dropped, so they hold nothing up.
        const qsizetype before = it->held.size();
        it->held.removeIf([&](const auto &entry) {
            return entry.key() > *storedLastSeq && entry.value().arrival <= askedArrivals && !entry.value().who;
        });
        if (it->held.size() != before)
            qCWarning(lcRoom).noquote() << before - it->held.size() << "relayed messages of" << roomName
                                        << "are beyond its last seq in the store" << *storedLastSeq << "; dropped";
        if (hasGap() && *storedLastSeq >= it->held.firstKey()) {
            // The store confirms the held seqs and has nothing before them: the missing ones are gone.
            qCWarning(lcRoom).noquote() << "messages" << room->lastSeq() + 1 << "to" << it->held.firstKey() - 1 << "of"
                                        << roomName << "are gone from the store; skipping them";
            room->restore(it->held.firstKey() - 1, {});
            const Held first = it->held.take(it->held.firstKey());
            acceptInOrder(roomName, first);
            it = m_cluster.find(roomName);
            if (it == m_cluster.end())
                return;
            room = m_rooms.find(roomName);
        }
    }
    if ((page && page->size() == fillPage) || it->fillAgain) {
        it->fillAgain = false;
        fillFromStore(roomName);
        return;
    }
    if (hasGap())
        armGapTimer(roomName); // the store did not answer, or held ones are not there yet: try again shortly
    for (const auto &action : std::exchange(it->afterFill, {}))
        action();
    forgetClusterRoomIfIdle(roomName);
}

void RoomShard::clusterMembershipChanged(const Room &room)
{
    if (!clustered())
        return;
    const QString name = room.name();
    // Presence is sent once per pass of the event loop, however many members came or went in it.
    m_presenceDirty.insert(name);
    if (m_presenceDirty.size() == 1)
        QMetaObject::invokeMethod(this, &RoomShard::flushPresence, Qt::QueuedConnection);
    ClusterRoom &state = m_cluster[name];
    const bool hasMembers = !room.connections().isEmpty();
    if (hasMembers && !state.live) {
        state.live = true;
        postTo(m_context.cluster, [name](ClusterBus &bus) { bus.watchRoom(name, true); });
    } else if (!hasMembers && state.live) {
        state.live = false;
        for (const Held &held : std::as_const(state.held))
            ackOnly(held);
        state.held.clear();
        postTo(m_context.cluster, [name](ClusterBus &bus) { bus.watchRoom(name, false); });
        forgetClusterRoomIfIdle(name);
    }
}

void RoomShard::flushPresence()
{
    QList<std::pair<QString, QHash<QString, int>>> changes;
    for (const QString &name : std::exchange(m_presenceDirty, {})) {
        const Room *room = m_rooms.find(name);
        changes.append({name, room ? room->userConnections() : QHash<QString, int>()});
    }
    postTo(m_context.cluster, [changes = std::move(changes)](ClusterBus &bus) {
        for (const auto &[room, users] : changes)
            bus.setRoomPresence(room, users);
    });
}

bool RoomShard::presentElsewhere(const QString &room, const QString &user) const
{
    if (!clustered())
        return false;
    const auto it = m_remotePresence.constFind(room);
    return it != m_remotePresence.cend() && it->contains(user);
}

QStringList RoomShard::memberNamesEverywhere(const Room &room) const
{
    QStringList names = room.memberNames();
    const auto remote = m_remotePresence.constFind(room.name());
    if (remote == m_remotePresence.cend())
        return names;
    for (auto it = remote->cbegin(); it != remote->cend(); ++it) {
        if (!room.userConnections().contains(it.key()))
            names.append(it.key());
    }
    std::sort(names.begin(), names.end());
    return names;
}

void RoomShard::publishEvent(const QJsonObject &event) const
{
    postTo(m_context.cluster, [event](ClusterBus &bus) { bus.publishEvent(event); });
}

void RoomShard::remoteMessage(const ChatMessage &message)
{
    const auto it = m_cluster.constFind(message.room);
    if (it == m_cluster.cend() || !it->live)
        return; // not kept current here: whoever uses the room next reads it from the store
    acceptInOrder(message.room, Held{message, std::nullopt, {}});
}

void RoomShard::remoteTyping(const QString &roomName, const QString &user, bool active)
{
    Room *room = m_rooms.find(roomName);
    if (!room || !m_cluster.value(roomName).live)
        return;
    broadcast(audienceOf(*room).typed, protocol::typingFrame(roomName, user, active), false);
}

void RoomShard::subscribed(const QString &roomName)
{
    if (m_cluster.value(roomName).live)
        fillFromStore(roomName);
}

void RoomShard::catchUpAll()
{
    QStringList live;
    for (auto it = m_cluster.cbegin(); it != m_cluster.cend(); ++it) {
        if (it->live)
            live.append(it.key());
    }
    for (const QString &room : std::as_const(live))
        fillFromStore(room);
}

void RoomShard::remoteHead(const QString &roomName, quint64 seq)
{
    const Room *room = m_rooms.find(roomName);
    if (room && m_cluster.value(roomName).live && seq > room->lastSeq())
        fillFromStore(roomName);
}

bool RoomShard::differsFromRing(const Room &room, const ChatMessage &message) const
{
    const ChatMessage *mine = room.history().findBySeq(message.seq);
    return mine && !mine->id.isEmpty() && !message.id.isEmpty() && mine->id != message.id;
}

void RoomShard::resetRoom(const QString &roomName, const char *why)
{
    qCWarning(lcRoom).noquote() << "room" << roomName << why << "while Redis was out of reach; closing it here";
    closeRoomHere(roomName);
}

void RoomShard::reconcileLiveRooms()
{
    if (!m_context.persistence)
        return;
    QList<StoreCheck> checks;
    for (auto it = m_cluster.cbegin(); it != m_cluster.cend(); ++it) {
        if (const Room *room = m_rooms.find(it.key()); room && it->live)
            checks.append({it.key(), room->lastSeq(), std::nullopt, std::nullopt});
    }
    if (checks.isEmpty())
        return;
    postTo(m_context.persistence, [shard = this, checks](Persistence &persistence) mutable {
        MessageStore &store = persistence.store();
        QList<StoreCheck> answered;
        for (StoreCheck &check : checks) {
            const auto stored = store.room(check.room);
            if (!stored)
                continue; // cannot tell: the room stays as it is
            check.stored = *stored;
            if (*stored && check.lastSeq > 0) {
                if (const auto page = store.after(check.room, check.lastSeq - 1, 1);
                    page && !page->isEmpty() && page->constFirst().seq == check.lastSeq)
                    check.atSeq = page->constFirst();
            }
            answered.append(std::move(check));
        }
        postTo(shard, [answered](RoomShard &target) { target.reconciled(answered); });
    });
}

void RoomShard::reconciled(const QList<StoreCheck> &checks)
{
    for (const StoreCheck &check : checks) {
        const Room *room = m_rooms.find(check.room);
        if (!room || !m_cluster.value(check.room).live)
            continue;
        if (!check.stored) {
            resetRoom(check.room, "was deleted on another server");
            continue;
        }
        if (check.stored->lastSeq < check.lastSeq || (check.atSeq && differsFromRing(*room, *check.atSeq))) {
            resetRoom(check.room, "was deleted and created again on another server");
            continue;
        }
        applyAccess(check.room, check.stored->access); // members removed meanwhile leave
        fillFromStore(check.room);
    }
}

void RoomShard::setRemotePresence(const QString &roomName, const QHash<QString, int> &users)
{
    const QHash<QString, int> before = m_remotePresence.value(roomName);
    if (users.isEmpty())
        m_remotePresence.remove(roomName);
    else
        m_remotePresence.insert(roomName, users);
    Room *room = m_rooms.find(roomName);
    if (!room || room->connections().isEmpty())
        return;
    // Members here hear of people arriving or leaving elsewhere, unless they are here too.
    const auto &local = room->userConnections();
    for (auto it = users.cbegin(); it != users.cend(); ++it) {
        if (!before.contains(it.key()) && !local.contains(it.key()))
            broadcast(audienceOf(*room).typed, protocol::memberFrame(true, roomName, it.key()), false);
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!users.contains(it.key()) && !local.contains(it.key()))
            broadcast(audienceOf(*room).typed, protocol::memberFrame(false, roomName, it.key()), false);
    }
}

void RoomShard::roomChangedElsewhere(const QString &roomName, const QString &change)
{
    if (change == QLatin1String("deleted")) {
        closeRoomHere(roomName);
        return;
    }
    if (change != QLatin1String("access") || !m_cluster.value(roomName).live || !m_context.persistence)
        return; // a room not live here is read from the store when next used
    postTo(m_context.persistence, [shard = this, roomName](Persistence &persistence) {
        const auto stored = persistence.store().room(roomName);
        if (!stored || !*stored)
            return;
        postTo(shard, [roomName, access = (*stored)->access](RoomShard &target) {
            if (target.m_rooms.find(roomName))
                target.applyAccess(roomName, access);
        });
    });
}

} // namespace natter
