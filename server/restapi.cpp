#include "restapi.h"

#include "authentication.h"
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
        QJsonObject health{
            {QLatin1StringView("status"), storeHealthy ? QLatin1StringView("ok") : QLatin1StringView("degraded")},
            {QLatin1StringView("storage"), !m_context.persistence ? QLatin1StringView("memory")
                                           : storeHealthy         ? QLatin1StringView("ok")
                                                                  : QLatin1StringView("unavailable")},
            {QLatin1StringView("version"), QStringLiteral(NATTER_VERSION)},
            {QLatin1StringView("uptime_seconds"), m_context.nowMs() / 1000},
            {QLatin1StringView("tls"), m_context.tls.has_value()},
        };
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

void RestApi::listRooms(const QString &viewer, Reply reply)
{
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

void RestApi::ifMember(const QString &room, const QString &viewer, std::function<void()> then, Reply reply)
{
    if (viewer.isEmpty())
        return then(); // no accounts, so no private rooms
    m_worker.gather<RoomShard, std::optional<RoomAccess>>(
        {m_context.shardFor(room)}, [room](RoomShard &shard) { return shard.accessOf(room); },
        [room, viewer, then = std::move(then), reply](QList<std::optional<RoomAccess>> results) {
            const auto &access = results.constFirst();
            const bool admitted = access ? access->admits(viewer) : !names::isDirectRoomName(room);
            if (!admitted)
                return reply(notAMember(room));
            then();
        });
}

void RestApi::invitations(const QString &viewer, Reply reply)
{
    m_worker.gather<RoomShard, QList<RoomShard::Invitation>>(
        m_context.shards, [viewer](RoomShard &shard) { return shard.invitationsFor(viewer); },
        [reply](QList<QList<RoomShard::Invitation>> perShard) {
            QJsonArray array;
            for (const auto &list : perShard) {
                for (const auto &invitation : list)
                    array.append(QJsonObject{{QLatin1StringView("room"), invitation.room},
                                             {QLatin1StringView("by"), invitation.by}});
            }
            reply(Response::json(200, QJsonDocument(array)));
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
    m_worker.gather<RoomShard, std::optional<RoomSummary>>(
        {m_context.shardFor(room)},
        [room](RoomShard &shard) -> std::optional<RoomSummary> {
            for (const auto &summary : shard.summaries()) {
                if (summary.name == room)
                    return summary;
            }
            return std::nullopt;
        },
        [reply, room, viewer](QList<std::optional<RoomSummary>> results) {
            if (!results.constFirst())
                return reply(Response::error(404, QStringLiteral("room '%1' does not exist").arg(room)));
            const RoomSummary &summary = *results.constFirst();
            QJsonObject json = summaryJson(summary, viewer);
            // One room's page also says who belongs to it, online or not (members counts those online).
            if (summary.access.isPrivate())
                json.insert(QLatin1StringView("roster"), QJsonArray::fromStringList(summary.access.memberNames()));
            reply(Response::json(200, QJsonDocument(json)));
        });
}

void RestApi::deleteRoom(const QString &room, Reply reply)
{
    m_worker.gather<RoomShard, RoomShard::DeleteResult>(
        {m_context.shardFor(room)}, [room](RoomShard &shard) { return shard.deleteRoom(room); },
        [reply, room](QList<RoomShard::DeleteResult> results) {
            switch (results.constFirst()) {
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
    m_worker.gather<RoomShard, bool>(
        {m_context.shardFor(room)}, [room](RoomShard &shard) { return shard.messages(room, 0, 1).has_value(); },
        [this, reply, room, policy](QList<bool> exists) {
            if (!exists.constFirst())
                return reply(Response::error(404, QStringLiteral("room '%1' does not exist").arg(room)));
            m_worker.gather<Persistence, bool>(
                {m_context.persistence},
                [room, policy](Persistence &persistence) { return persistence.store().setRetention(room, policy); },
                [reply, room, policy](QList<bool> stored) {
                    if (!stored.constFirst())
                        return reply(Response::error(503, QStringLiteral("the setting could not be stored")));
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
        [this, reply, room, pageSize](QList<std::optional<RoomShard::MessagePage>> results) {
            const auto &page = results.constFirst();
            if (!page)
                return reply(Response::error(404, QStringLiteral("room '%1' does not exist").arg(room)));
            if (page->complete || !m_context.persistence)
                return reply(Response::json(200, QJsonDocument(protocol::messagesToJson(page->messages))));
            m_worker.gather<Persistence, std::optional<QList<ChatMessage>>>(
                {m_context.persistence},
                [room, before = page->effectiveBefore, pageSize](Persistence &persistence) {
                    return persistence.store().before(room, before, pageSize);
                },
                [reply](QList<std::optional<QList<ChatMessage>>> stored) {
                    if (!stored.constFirst())
                        return reply(Response::error(503, QStringLiteral("older messages cannot be read right now")));
                    reply(Response::json(200, QJsonDocument(protocol::messagesToJson(*stored.constFirst()))));
                });
        });
}

void RestApi::roomMembers(const QString &room, Reply reply)
{
    m_worker.gather<RoomShard, std::optional<QHash<QString, int>>>(
        {m_context.shardFor(room)}, [room](RoomShard &shard) { return shard.members(room); },
        [reply, room](QList<std::optional<QHash<QString, int>>> results) {
            if (!results.constFirst())
                return reply(Response::error(404, QStringLiteral("room '%1' does not exist").arg(room)));
            std::map<QString, int> sorted;
            for (auto it = results.constFirst()->cbegin(); it != results.constFirst()->cend(); ++it)
                sorted[it.key()] = it.value();
            reply(Response::json(200, QJsonDocument(usersJson(sorted))));
        });
}

void RestApi::online(Reply reply)
{
    m_worker.gather<IoWorker, QHash<QString, int>>(
        m_context.workers, [](IoWorker &worker) { return worker.onlineUsers(); },
        [reply](QList<QHash<QString, int>> perWorker) {
            std::map<QString, int> users;
            for (const auto &hash : perWorker) {
                for (auto it = hash.cbegin(); it != hash.cend(); ++it)
                    users[it.key()] += it.value();
            }
            reply(Response::json(200, QJsonDocument(usersJson(users))));
        });
}

void RestApi::users(Reply reply)
{
    m_worker.gather<IoWorker, QHash<QString, int>>(
        m_context.workers, [](IoWorker &worker) { return worker.onlineUsers(); },
        [&context = m_context, reply](QList<QHash<QString, int>> perWorker) {
            QSet<QString> online;
            for (const auto &hash : perWorker) {
                for (auto it = hash.cbegin(); it != hash.cend(); ++it)
                    online.insert(Account::keyOf(it.key()));
            }
            QList<Account> accounts = context.accounts.all();
            accounts.removeIf([](const Account &account) { return account.banned; });
            std::sort(accounts.begin(), accounts.end(), [](const Account &a, const Account &b) {
                return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
            });
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
    return QJsonDocument(QJsonObject{
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
                         })
        .toJson(QJsonDocument::Compact);
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
    metric("natter_uptime_seconds", "gauge", "Seconds since the server started.", context.nowMs() / 1000);
    return out;
}

} // namespace natter
