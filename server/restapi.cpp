#include "restapi.h"

#include "authentication.h"
#include "clusterbus.h"
#include "ioworker.h"
#include "names.h"
#include "persistence.h"
#include "protocol.h"
#include "restroute.h"
#include "roomshard.h"
#include "servercontext.h"
#include "threading.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <map>

namespace natter {

using http::Response;

namespace {

/// @p viewer: who asks (for a direct room's "peer"); empty on servers without accounts.
QJsonObject summaryJson(const RoomSummary &room, const QString &viewer = {})
{
    QJsonObject object{
        {QLatin1StringView("name"), room.name},
        {QLatin1StringView("members"), qint64(room.members)},
        {QLatin1StringView("messages"), qint64(room.messagesHeld)},
        {QLatin1StringView("last_seq"), qint64(room.lastSeq)},
        {QLatin1StringView("last_activity"), room.lastActivityMs},
    };
    if (room.access.isPrivate()) {
        object.insert(QLatin1StringView("kind"), RoomAccess::kindName(room.access.kind));
        if (room.access.kind == RoomAccess::Kind::Direct)
            object.insert(QLatin1StringView("peer"), room.access.peerOf(viewer));
        else
            object.insert(QLatin1StringView("owner"), room.access.owner);
    }
    return object;
}

/// Whether @p viewer may see @p room, given its access rules (nullopt: no such room here, and so public unless its
/// name is one of a direct conversation, which nobody may open by name).
bool admits(const std::optional<RoomAccess> &access, const QString &room, const QString &viewer)
{
    return access ? access->admits(viewer) : !names::isDirectRoomName(room);
}

QJsonArray invitationsJson(const QList<std::pair<QString, QString>> &invitations)
{
    QJsonArray array;
    for (const auto &[room, by] : invitations)
        array.append(QJsonObject{{QLatin1StringView("room"), room}, {QLatin1StringView("by"), by}});
    return array;
}

Response notAMember(const QString &room)
{
    return Response::error(403, QStringLiteral("'%1' is private and you are not a member").arg(room),
                           QLatin1StringView("NOT_A_MEMBER"));
}

QJsonArray usersJson(const std::map<QString, int> &users)
{
    QJsonArray array;
    for (const auto &[user, connections] : users)
        array.append(QJsonObject{{QLatin1StringView("user"), user}, {QLatin1StringView("connections"), connections}});
    return array;
}

} // namespace

RestApi::RestApi(ServerContext &context, IoWorker &worker)
    : m_context(context)
    , m_worker(worker)
{}

void RestApi::handle(const http::Request &request, Reply reply)
{
    auto parsed = rest::parseRoute(request.method, request.pathSegments, request.query);
    if (const auto *error = std::get_if<rest::RouteError>(&parsed)) {
        auto response = Response::error(error->status, error->message);
        if (!error->allow.isEmpty())
            response.extraHeaders.append({"Allow", error->allow});
        return reply(response);
    }
    const rest::Route &route = std::get<rest::Route>(parsed);

    // With accounts, the API past registration and login is for people who logged in, and some of it for
    // admins only.
    std::optional<Account> caller;
    const bool isApi = !request.pathSegments.isEmpty() && request.pathSegments[0] == QLatin1String("api");
    const bool open = route.endpoint == rest::Endpoint::Register || route.endpoint == rest::Endpoint::Login ||
                      route.endpoint == rest::Endpoint::OpenApi;
    if (m_context.config.auth == ServerConfig::Auth::Accounts && isApi && !open) {
        auto result = authenticate(m_context, request);
        if (const auto *failure = std::get_if<AuthFailure>(&result))
            return reply(failure->response());
        caller = std::get<Account>(std::move(result));
        const bool adminOnly =
            route.endpoint == rest::Endpoint::UpdateRoom || route.endpoint == rest::Endpoint::DeleteRoom ||
            route.endpoint == rest::Endpoint::BanUser || route.endpoint == rest::Endpoint::UnbanUser ||
            route.endpoint == rest::Endpoint::KickUser;
        if (adminOnly && !caller->isAdmin())
            return reply(
                Response::error(403, QStringLiteral("only admins can do that"), QLatin1StringView("FORBIDDEN")));
    }

    const QString viewer = caller ? caller->name : QString();
    switch (route.endpoint) {
    case rest::Endpoint::Health: {
        // Still serving, but not everything works: the load balancer decides what to do with "degraded".
        const bool storeHealthy = m_context.metrics.storeHealthy.load(std::memory_order_relaxed);
        const bool redisHealthy =
            !m_context.cluster || m_context.metrics.clusterConnected.load(std::memory_order_relaxed);
        QJsonObject health{
            {QLatin1StringView("status"),
             storeHealthy && redisHealthy ? QLatin1StringView("ok") : QLatin1StringView("degraded")},
            {QLatin1StringView("storage"), !m_context.persistence ? QLatin1StringView("memory")
                                           : storeHealthy         ? QLatin1StringView("ok")
                                                                  : QLatin1StringView("unavailable")},
            {QLatin1StringView("version"), QStringLiteral(NATTER_VERSION)},
            {QLatin1StringView("uptime_seconds"), m_context.nowMs() / 1000},
            {QLatin1StringView("tls"), m_context.tls.has_value()},
        };
        if (m_context.cluster) {
            // Without Redis this server still serves its own members and stores everything, but the others do not
            // hear from it (nor it from them) until Redis is back.
            health.insert(QLatin1StringView("cluster"),
                          redisHealthy ? QLatin1StringView("ok") : QLatin1StringView("redis unavailable"));
            health.insert(QLatin1StringView("instance"), m_context.cluster->instanceId());
        }
        // What a client must do before it connects: pick a name, or log in (and whether it may register).
        if (m_context.config.auth == ServerConfig::Auth::Accounts) {
            health.insert(QLatin1StringView("auth"), QLatin1StringView("accounts"));
            health.insert(QLatin1StringView("registration"),
                          m_context.config.registrationOpen ? QLatin1StringView("open") : QLatin1StringView("closed"));
        } else {
            health.insert(QLatin1StringView("auth"), QLatin1StringView("open"));
        }
        return reply(Response::json(200, QJsonDocument(health)));
    }
    case rest::Endpoint::Stats:
        return reply(Response{200, "application/json", statsJson(m_context), {}});
    case rest::Endpoint::Metrics:
        return reply(Response{200, "text/plain; version=0.0.4; charset=utf-8", prometheusText(m_context), {}});
    case rest::Endpoint::OpenApi: {
        QFile file(QStringLiteral(":/natter/openapi.json"));
        if (!file.open(QIODevice::ReadOnly))
            return reply(Response::error(500, QStringLiteral("the API description is missing from this build")));
        return reply(Response{200, "application/json", file.readAll(), {}});
    }
    case rest::Endpoint::Online:
        return online(std::move(reply));
    case rest::Endpoint::ListRooms:
        return listRooms(caller ? caller->name : QString(), std::move(reply));
    case rest::Endpoint::Invitations:
        if (!caller)
            return reply(accountsDisabled());
        return invitations(caller->name, std::move(reply));
    case rest::Endpoint::ListUsers:
        if (!caller)
            return reply(accountsDisabled());
        return users(std::move(reply));
    case rest::Endpoint::CreateRoom:
        return createRoom(request, std::move(reply));
    case rest::Endpoint::GetRoom:
        return ifMember(
            route.room, viewer, [this, route, viewer, reply] { getRoom(route.room, viewer, reply); }, reply);
    case rest::Endpoint::UpdateRoom:
        return updateRoom(request, route.room, std::move(reply));
    case rest::Endpoint::DeleteRoom:
        return deleteRoom(route.room, std::move(reply));
    case rest::Endpoint::RoomMessages:
        return ifMember(
            route.room, viewer, [this, route, reply] { roomMessages(route.room, route.limit, route.before, reply); },
            reply);
    case rest::Endpoint::RoomMembers:
        return ifMember(
            route.room, viewer, [this, route, reply] { roomMembers(route.room, reply); }, reply);
    case rest::Endpoint::Register:
        return registerAccount(request, std::move(reply));
    case rest::Endpoint::Login:
        return login(request, std::move(reply));
    case rest::Endpoint::BanUser:
    case rest::Endpoint::UnbanUser:
    case rest::Endpoint::KickUser:
        if (!caller)
            return reply(accountsDisabled());
        return userAction(route.endpoint, *caller, route.user, std::move(reply));
    }
}

Response RestApi::storageUnavailable(const QString &what)
{
    return Response::error(503, what, QLatin1StringView("STORAGE_UNAVAILABLE"));
}

void RestApi::listRooms(const QString &viewer, Reply reply)
{
    if (m_context.cluster)
        return listClusterRooms(viewer, std::move(reply));
    m_worker.gather<RoomShard, QList<RoomSummary>>(
        m_context.shards, [](RoomShard &shard) { return shard.summaries(); },
        [reply, viewer](QList<QList<RoomSummary>> perShard) {
            QList<RoomSummary> rooms;
            for (const auto &list : perShard) {
                for (const auto &room : list) {
                    // Private rooms are listed to their members only.
                    if (room.access.admits(viewer))
                        rooms.append(room);
                }
            }
            std::sort(rooms.begin(), rooms.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
            QJsonArray array;
            for (const auto &room : rooms)
                array.append(summaryJson(room, viewer));
            reply(Response::json(200, QJsonDocument(array)));
        });
}

namespace {

/// A room as the database has it, with what this server knows of it (members everywhere, its ring) laid over.
RoomSummary mergeSummary(const std::optional<StoredRoom> &stored, const std::optional<RoomSummary> &held)
{
    RoomSummary summary = held.value_or(RoomSummary{});
    if (stored) {
        summary.name = stored->name;
        summary.lastSeq = std::max(summary.lastSeq, stored->lastSeq);
        summary.lastActivityMs = std::max(summary.lastActivityMs, stored->createdMs);
        summary.access = stored->access;
    }
    return summary;
}

} // namespace

void RestApi::listClusterRooms(const QString &viewer, Reply reply)
{
    // The database knows every room of the cluster; the shards add the members on every server.
    m_worker.gather<Persistence, std::optional<QList<StoredRoom>>>(
        {m_context.persistence}, [](Persistence &persistence) { return persistence.store().roomList(); },
        [this, viewer, reply](QList<std::optional<QList<StoredRoom>>> stored) {
            m_worker.gather<RoomShard, QList<RoomSummary>>(
                m_context.shards, [](RoomShard &shard) { return shard.summaries(); },
                [reply, viewer, stored = stored.constFirst()](QList<QList<RoomSummary>> perShard) {
                    std::map<QString, std::pair<std::optional<StoredRoom>, std::optional<RoomSummary>>> rooms;
                    if (stored) {
                        for (const auto &room : *stored)
                            rooms[room.name].first = room;
                    }
                    for (const auto &list : perShard) {
                        for (const auto &room : list)
                            rooms[room.name].second = room;
                    }
                    QJsonArray array;
                    for (const auto &[name, parts] : rooms) {
                        const RoomSummary summary = mergeSummary(parts.first, parts.second);
                        if (summary.access.admits(viewer))
                            array.append(summaryJson(summary, viewer));
                    }
                    reply(Response::json(200, QJsonDocument(array)));
                });
        });
}

void RestApi::ifMember(const QString &room, const QString &viewer, std::function<void()> then, Reply reply)
{
    if (viewer.isEmpty())
        return then(); // no accounts, so no private rooms
    if (m_context.cluster) {
        // Who may see a room is decided in the database, which every server of the cluster changes.
        m_worker.gather<Persistence, std::optional<std::optional<StoredRoom>>>(
            {m_context.persistence}, [room](Persistence &persistence) { return persistence.store().room(room); },
            [room, viewer, then = std::move(then), reply](QList<std::optional<std::optional<StoredRoom>>> results) {
                const auto &stored = results.constFirst();
                if (!stored)
                    return reply(storageUnavailable(QStringLiteral("the room cannot be read right now")));
                const std::optional<RoomAccess> access =
                    *stored ? std::optional<RoomAccess>((*stored)->access) : std::nullopt;
                if (!admits(access, room, viewer))
                    return reply(notAMember(room));
                then();
            });
        return;
    }
    m_worker.gather<RoomShard, std::optional<RoomAccess>>(
        {m_context.shardFor(room)}, [room](RoomShard &shard) { return shard.accessOf(room); },
        [room, viewer, then = std::move(then), reply](QList<std::optional<RoomAccess>> results) {
            if (!admits(results.constFirst(), room, viewer))
                return reply(notAMember(room));
            then();
        });
}

void RestApi::invitations(const QString &viewer, Reply reply)
{
    if (m_context.cluster) {
        m_worker.gather<Persistence, std::optional<QList<std::pair<QString, QString>>>>(
            {m_context.persistence},
            [key = RoomAccess::keyOf(viewer)](Persistence &persistence) {
                return persistence.store().invitationsFor(key);
            },
            [reply](QList<std::optional<QList<std::pair<QString, QString>>>> results) {
                if (!results.constFirst())
                    return reply(storageUnavailable(QStringLiteral("invitations cannot be read right now")));
                reply(Response::json(200, QJsonDocument(invitationsJson(*results.constFirst()))));
            });
        return;
    }
    m_worker.gather<RoomShard, QList<RoomShard::Invitation>>(
        m_context.shards, [viewer](RoomShard &shard) { return shard.invitationsFor(viewer); },
        [reply](QList<QList<RoomShard::Invitation>> perShard) {
            QList<std::pair<QString, QString>> invitations;
            for (const auto &list : perShard) {
                for (const auto &invitation : list)
                    invitations.append({invitation.room, invitation.by});
            }
            reply(Response::json(200, QJsonDocument(invitationsJson(invitations))));
        });
}

void RestApi::createRoom(const http::Request &request, Reply reply)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return reply(Response::error(400, QStringLiteral("the body must be a JSON object like {\"name\": \"lobby\"}")));
    const auto nameValue = document.object().value(QLatin1StringView("name"));
    if (!nameValue.isString())
        return reply(Response::error(400, QStringLiteral("'name' must be a string")));
    const QString name = nameValue.toString();
    if (!names::isValidRoomName(name))
        return reply(Response::error(400, names::roomNameRule()));
    if (names::isDirectRoomName(name))
        return reply(Response::error(400, QStringLiteral("names like '%1' are kept for direct messages").arg(name)));

    if (m_context.cluster) {
        // The database decides whether the name is free, for every server of the cluster at once.
        m_worker.gather<Persistence, std::optional<bool>>(
            {m_context.persistence},
            [name, createdMs = QDateTime::currentMSecsSinceEpoch()](Persistence &persistence) {
                return persistence.store().createRoomIfAbsent(name, createdMs);
            },
            [this, reply, name](QList<std::optional<bool>> created) {
                if (!created.constFirst())
                    return reply(storageUnavailable(QStringLiteral("the room cannot be stored right now")));
                if (!*created.constFirst())
                    return reply(Response::error(409, QStringLiteral("room '%1' already exists").arg(name)));
                m_worker.gather<RoomShard, RoomSummary>(
                    {m_context.shardFor(name)},
                    [name](RoomShard &shard) {
                        RoomSummary summary;
                        if (shard.createRoom(name, summary) != RoomShard::CreateResult::Created)
                            summary = {name, 0, 0, 0, QDateTime::currentMSecsSinceEpoch(), {}};
                        return summary;
                    },
                    [reply](QList<RoomSummary> summaries) {
                        reply(Response::json(201, QJsonDocument(summaryJson(summaries.constFirst()))));
                    });
            });
        return;
    }
    m_worker.gather<RoomShard, std::pair<RoomShard::CreateResult, RoomSummary>>(
        {m_context.shardFor(name)},
        [name](RoomShard &shard) {
            RoomSummary created;
            const auto result = shard.createRoom(name, created);
            return std::pair{result, created};
        },
        [reply, name](QList<std::pair<RoomShard::CreateResult, RoomSummary>> results) {
            const auto &[result, summary] = results.constFirst();
            switch (result) {
            case RoomShard::CreateResult::Created:
                return reply(Response::json(201, QJsonDocument(summaryJson(summary))));
            case RoomShard::CreateResult::Exists:
                return reply(Response::error(409, QStringLiteral("room '%1' already exists").arg(name)));
            case RoomShard::CreateResult::LimitReached:
                return reply(Response::error(507, QStringLiteral("the server cannot hold more rooms")));
            }
        });
}

void RestApi::getRoom(const QString &room, const QString &viewer, Reply reply)
{
    const auto render = [reply, room, viewer](const std::optional<RoomSummary> &summary) {
        if (!summary)
            return reply(Response::error(404, QStringLiteral("room '%1' does not exist").arg(room)));
        QJsonObject json = summaryJson(*summary, viewer);
        // One room's page also says who belongs to it, online or not (members counts those online).
        if (summary->access.isPrivate())
            json.insert(QLatin1StringView("roster"), QJsonArray::fromStringList(summary->access.memberNames()));
        reply(Response::json(200, QJsonDocument(json)));
    };
    const auto held = [room](RoomShard &shard) {
        return shard.summaryOf(room);
    };
    if (!m_context.cluster) {
        m_worker.gather<RoomShard, std::optional<RoomSummary>>(
            {m_context.shardFor(room)}, held,
            [render](QList<std::optional<RoomSummary>> results) { render(results.constFirst()); });
        return;
    }
    // In a cluster the database has the room (and who belongs to it); the shard adds members and ring.
    m_worker.gather<Persistence, std::optional<std::optional<StoredRoom>>>(
        {m_context.persistence}, [room](Persistence &persistence) { return persistence.store().room(room); },
        [this, room, held, render](QList<std::optional<std::optional<StoredRoom>>> results) {
            const std::optional<StoredRoom> stored = results.constFirst().value_or(std::nullopt);
            m_worker.gather<RoomShard, std::optional<RoomSummary>>(
                {m_context.shardFor(room)}, held, [stored, render](QList<std::optional<RoomSummary>> summaries) {
                    if (!stored && !summaries.constFirst())
                        return render(std::nullopt);
                    render(mergeSummary(stored, summaries.constFirst()));
                });
        });
}

void RestApi::removeRoom(const QString &room, std::function<void(RoomShard::DeleteResult)> done)
{
    if (!m_context.cluster) {
        m_worker.gather<RoomShard, RoomShard::DeleteResult>(
            {m_context.shardFor(room)}, [room](RoomShard &shard) { return shard.deleteRoom(room); },
            [done](QList<RoomShard::DeleteResult> results) { done(results.constFirst()); });
        return;
    }
    // In a cluster the room may live in the database and on other servers only.
    m_worker.gather<Persistence, bool>(
        {m_context.persistence},
        [room](Persistence &persistence) {
            const auto stored = persistence.store().room(room);
            return stored && *stored;
        },
        [this, room, done](QList<bool> stored) {
            m_worker.gather<RoomShard, RoomShard::DeleteResult>(
                {m_context.shardFor(room)},
                [room, exists = stored.constFirst()](RoomShard &shard) { return shard.deleteRoom(room, exists); },
                [done](QList<RoomShard::DeleteResult> results) { done(results.constFirst()); });
        });
}

void RestApi::deleteRoom(const QString &room, Reply reply)
{
    removeRoom(room, [reply, room](RoomShard::DeleteResult result) {
        switch (result) {
        case RoomShard::DeleteResult::Deleted:
            return reply(Response::json(200, QJsonDocument(QJsonObject{{QLatin1StringView("deleted"), room}})));
        case RoomShard::DeleteResult::NotFound:
            return reply(Response::error(404, QStringLiteral("room '%1' does not exist").arg(room)));
        case RoomShard::DeleteResult::Protected:
            return reply(Response::error(403, QStringLiteral("the '%1' room cannot be deleted").arg(room)));
        }
    });
}

void RestApi::updateRoom(const http::Request &request, const QString &room, Reply reply)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(request.body, &error);
    const auto retention = document.object().value(QLatin1StringView("retention"));
    if (error.error != QJsonParseError::NoError || !document.isObject() || !retention.isString() ||
        !RetentionPolicy::parse(retention.toString()))
        return reply(Response::error(
            400, QStringLiteral("the body must be like {\"retention\": \"all\"}, {\"retention\": \"1000\"} or "
                                "{\"retention\": \"30d\"}")));
    if (!m_context.persistence)
        return reply(Response::error(409, QStringLiteral("this server keeps messages in memory only")));
    const QString policy = RetentionPolicy::parse(retention.toString())->toString();
    const auto checkExists = [this, room](std::function<void(QList<bool>)> then) {
        if (!m_context.cluster) {
            return m_worker.gather<RoomShard, bool>(
                {m_context.shardFor(room)}, [room](RoomShard &shard) { return shard.messages(room, 0, 1).has_value(); },
                std::move(then));
        }
        m_worker.gather<Persistence, bool>(
            {m_context.persistence},
            [room](Persistence &persistence) {
                const auto stored = persistence.store().room(room);
                return stored && *stored;
            },
            std::move(then));
    };
    checkExists([this, reply, room, policy](QList<bool> exists) {
        if (!exists.constFirst())
            return reply(Response::error(404, QStringLiteral("room '%1' does not exist").arg(room)));
        m_worker.gather<Persistence, bool>(
            {m_context.persistence},
            [room, policy](Persistence &persistence) { return persistence.store().setRetention(room, policy); },
            [reply, room, policy](QList<bool> stored) {
                if (!stored.constFirst())
                    return reply(storageUnavailable(QStringLiteral("the setting could not be stored")));
                reply(Response::json(200, QJsonDocument(QJsonObject{{QLatin1StringView("name"), room},
                                                                    {QLatin1StringView("retention"), policy}})));
            });
    });
}

void RestApi::roomMessages(const QString &room, int pageSize, quint64 beforeSeq, Reply reply)
{
    // The ring answers the common case; pages older than it come from the store.
    m_worker.gather<RoomShard, std::optional<RoomShard::MessagePage>>(
        {m_context.shardFor(room)},
        [room, beforeSeq, pageSize](RoomShard &shard) { return shard.messages(room, beforeSeq, pageSize); },
        [this, reply, room, pageSize, beforeSeq](QList<std::optional<RoomShard::MessagePage>> results) {
            auto page = results.constFirst();
            if (!page && !m_context.cluster)
                return reply(Response::error(404, QStringLiteral("room '%1' does not exist").arg(room)));
            if (page && (page->complete || !m_context.persistence))
                return reply(Response::json(200, QJsonDocument(protocol::messagesToJson(page->messages))));
            // In a cluster, a room this server does not hold may still be in the database.
            const bool mustExist = !page;
            const quint64 before = page ? page->effectiveBefore : (beforeSeq == 0 ? quint64(1) << 53 : beforeSeq);
            m_worker.gather<Persistence, std::optional<std::optional<QList<ChatMessage>>>>(
                {m_context.persistence},
                [room, before, pageSize,
                 mustExist](Persistence &persistence) -> std::optional<std::optional<QList<ChatMessage>>> {
                    if (mustExist) {
                        const auto stored = persistence.store().room(room);
                        if (!stored)
                            return std::nullopt;
                        if (!*stored)
                            return std::optional<QList<ChatMessage>>();
                    }
                    const auto messages = persistence.store().before(room, before, pageSize);
                    if (!messages)
                        return std::nullopt;
                    return std::optional<QList<ChatMessage>>(*messages);
                },
                [reply, room](QList<std::optional<std::optional<QList<ChatMessage>>>> stored) {
                    if (!stored.constFirst())
                        return reply(storageUnavailable(QStringLiteral("older messages cannot be read right now")));
                    if (!*stored.constFirst())
                        return reply(Response::error(404, QStringLiteral("room '%1' does not exist").arg(room)));
                    reply(Response::json(200, QJsonDocument(protocol::messagesToJson(**stored.constFirst()))));
                });
        });
}

void RestApi::roomMembers(const QString &room, Reply reply)
{
    m_worker.gather<RoomShard, std::optional<QHash<QString, int>>>(
        {m_context.shardFor(room)}, [room](RoomShard &shard) { return shard.members(room); },
        [this, reply, room](QList<std::optional<QHash<QString, int>>> results) {
            if (!results.constFirst() && m_context.cluster) {
                // Nobody is in it anywhere; it exists if the database has it.
                m_worker.gather<Persistence, bool>(
                    {m_context.persistence},
                    [room](Persistence &persistence) {
                        const auto stored = persistence.store().room(room);
                        return stored && *stored;
                    },
                    [reply, room](QList<bool> exists) {
                        if (!exists.constFirst())
                            return reply(Response::error(404, QStringLiteral("room '%1' does not exist").arg(room)));
                        reply(Response::json(200, QJsonDocument(QJsonArray())));
                    });
                return;
            }
            if (!results.constFirst())
                return reply(Response::error(404, QStringLiteral("room '%1' does not exist").arg(room)));
            std::map<QString, int> sorted;
            for (auto it = results.constFirst()->cbegin(); it != results.constFirst()->cend(); ++it)
                sorted[it.key()] = it.value();
            reply(Response::json(200, QJsonDocument(usersJson(sorted))));
        });
}

void RestApi::onlineEverywhere(std::function<void(QHash<QString, int>)> done)
{
    m_worker.gather<IoWorker, QHash<QString, int>>(
        m_context.workers, [](IoWorker &worker) { return worker.onlineUsers(); },
        [this, done](QList<QHash<QString, int>> perWorker) {
            QHash<QString, int> users;
            for (const auto &hash : perWorker) {
                for (auto it = hash.cbegin(); it != hash.cend(); ++it)
                    users[it.key()] += it.value();
            }
            if (!m_context.cluster)
                return done(users);
            // And who is online on the other servers of the cluster.
            m_worker.gather<ClusterBus, QHash<QString, int>>(
                {m_context.cluster}, [](ClusterBus &bus) { return bus.remoteOnline(); },
                [done, users](QList<QHash<QString, int>> remote) mutable {
                    for (auto it = remote.constFirst().cbegin(); it != remote.constFirst().cend(); ++it)
                        users[it.key()] += it.value();
                    done(users);
                });
        });
}

void RestApi::online(Reply reply)
{
    onlineEverywhere([reply](QHash<QString, int> online) {
        std::map<QString, int> users;
        for (auto it = online.cbegin(); it != online.cend(); ++it)
            users[it.key()] = it.value();
        reply(Response::json(200, QJsonDocument(usersJson(users))));
    });
}

void RestApi::users(Reply reply)
{
    onlineEverywhere([&context = m_context, reply](QHash<QString, int> connected) {
        QSet<QString> online;
        for (auto it = connected.cbegin(); it != connected.cend(); ++it)
            online.insert(Account::keyOf(it.key()));
        QList<Account> accounts = context.accounts.all();
        accounts.removeIf([](const Account &account) { return account.banned; });
        std::sort(accounts.begin(), accounts.end(),
                  [](const Account &a, const Account &b) { return a.name.compare(b.name, Qt::CaseInsensitive) < 0; });
        QJsonArray array;
        for (const Account &account : std::as_const(accounts)) {
            array.append(QJsonObject{{QLatin1StringView("name"), account.name},
                                     {QLatin1StringView("online"), online.contains(Account::keyOf(account.name))},
                                     {QLatin1StringView("admin"), account.isAdmin()}});
        }
        reply(Response::json(200, QJsonDocument(array)));
    });
}

QByteArray RestApi::statsJson(const ServerContext &context)
{
    const auto &m = context.metrics;
    const auto load = [](const auto &counter) {
        return qint64(counter.load(std::memory_order_relaxed));
    };
    QJsonObject stats{
        {QLatin1StringView("connections"), load(m.connectionsOpen)},
        {QLatin1StringView("websocket_connections"), load(m.webSocketsOpen)},
        {QLatin1StringView("connections_accepted"), load(m.connectionsAccepted)},
        {QLatin1StringView("connections_refused"), load(m.connectionsRefused)},
        {QLatin1StringView("rooms"), load(m.rooms)},
        {QLatin1StringView("messages_in"), load(m.messagesIn)},
        {QLatin1StringView("messages_out"), load(m.messagesOut)},
        {QLatin1StringView("slow_consumers_dropped"), load(m.slowConsumersDropped)},
        {QLatin1StringView("rate_limited"), load(m.rateLimited)},
        {QLatin1StringView("protocol_errors"), load(m.protocolErrors)},
        {QLatin1StringView("http_requests"), load(m.httpRequests)},
        {QLatin1StringView("timeouts"), load(m.timeouts)},
        {QLatin1StringView("store_queued"), load(m.storeQueued)},
        {QLatin1StringView("store_commits"), load(m.storeCommits)},
        {QLatin1StringView("uptime_seconds"), context.nowMs() / 1000},
        {QLatin1StringView("started_at"), context.startedAtMs},
        {QLatin1StringView("threads"), qint64(context.workers.size())},
    };
    if (context.cluster) {
        stats.insert(QLatin1StringView("cluster"),
                     QJsonObject{
                         {QLatin1StringView("instance"), context.cluster->instanceId()},
                         {QLatin1StringView("redis_connected"), m.clusterConnected.load(std::memory_order_relaxed)},
                         {QLatin1StringView("channels"), load(m.clusterChannels)},
                         {QLatin1StringView("other_instances"), load(m.clusterInstances)},
                         {QLatin1StringView("relayed_out"), load(m.clusterRelayedOut)},
                         {QLatin1StringView("relayed_in"), load(m.clusterRelayedIn)},
                         {QLatin1StringView("relay_dropped"), load(m.clusterRelayDropped)},
                         {QLatin1StringView("gaps_filled"), load(m.clusterGapsFilled)},
                     });
    }
    return QJsonDocument(stats).toJson(QJsonDocument::Compact);
}

QByteArray RestApi::prometheusText(const ServerContext &context)
{
    const auto &m = context.metrics;
    QByteArray out;
    const auto metric = [&out](const char *name, const char *type, const char *help, auto value) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n' + name + ' ' +
               QByteArray::number(qint64(value)) + '\n';
    };
    const auto load = [](const auto &counter) {
        return counter.load(std::memory_order_relaxed);
    };
    out += "# HELP natter_build_info Version of this server.\n# TYPE natter_build_info gauge\n"
           "natter_build_info{version=\"" NATTER_VERSION "\"} 1\n";
    metric("natter_connections", "gauge", "Open TCP connections, HTTP and WebSocket.", load(m.connectionsOpen));
    metric("natter_websocket_connections", "gauge", "Open WebSocket connections.", load(m.webSocketsOpen));
    metric("natter_rooms", "gauge", "Rooms held by the server.", load(m.rooms));
    metric("natter_connections_accepted_total", "counter", "TCP connections accepted.", load(m.connectionsAccepted));
    metric("natter_connections_refused_total", "counter",
           "Connections turned away by the total or per-address connection cap.", load(m.connectionsRefused));
    metric("natter_websockets_accepted_total", "counter", "WebSocket upgrades accepted.", load(m.webSocketsAccepted));
    metric("natter_messages_received_total", "counter", "Chat messages posted.", load(m.messagesIn));
    metric("natter_messages_delivered_total", "counter", "Chat message frames queued to recipients.",
           load(m.messagesOut));
    metric("natter_slow_consumers_dropped_total", "counter", "Clients dropped for not reading fast enough.",
           load(m.slowConsumersDropped));
    metric("natter_rate_limited_total", "counter", "Frames refused by the per-connection rate limit.",
           load(m.rateLimited));
    metric("natter_protocol_errors_total", "counter", "Error frames sent to clients.", load(m.protocolErrors));
    metric("natter_http_requests_total", "counter", "HTTP requests received.", load(m.httpRequests));
    metric("natter_http_errors_total", "counter", "HTTP responses with a 4xx or 5xx status.", load(m.httpErrors));
    metric("natter_timeouts_total", "counter", "Connections closed by a handshake, HTTP or idle timeout.",
           load(m.timeouts));
    metric("natter_store_queued_messages", "gauge", "Messages waiting for a store transaction.", load(m.storeQueued));
    metric("natter_store_commits_total", "counter", "Store transactions committed.", load(m.storeCommits));
    metric("natter_store_healthy", "gauge", "1 when the database is reachable.", load(m.storeHealthy) ? 1 : 0);
    if (context.cluster) {
        metric("natter_cluster_redis_connected", "gauge", "1 when Redis is reachable.",
               load(m.clusterConnected) ? 1 : 0);
        metric("natter_cluster_channels", "gauge", "Room channels subscribed in Redis.", load(m.clusterChannels));
        metric("natter_cluster_other_instances", "gauge", "Other servers of the cluster seen alive.",
               load(m.clusterInstances));
        metric("natter_cluster_relayed_out_total", "counter", "Messages published to the other servers.",
               load(m.clusterRelayedOut));
        metric("natter_cluster_relayed_in_total", "counter", "Messages received from the other servers.",
               load(m.clusterRelayedIn));
        metric("natter_cluster_relay_dropped_total", "counter",
               "Messages not published because Redis was unreachable or backed up.", load(m.clusterRelayDropped));
        metric("natter_cluster_gaps_filled_total", "counter",
               "Messages read from the store because Redis did not bring them.", load(m.clusterGapsFilled));
    }
    metric("natter_uptime_seconds", "gauge", "Seconds since the server started.", context.nowMs() / 1000);
    return out;
}

} // namespace natter
