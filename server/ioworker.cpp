#include "ioworker.h"

#include "authentication.h"
#include "clusterbus.h"
#include "names.h"
#include "restapi.h"
#include "roomshard.h"
#include "servercontext.h"
#include "threading.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <algorithm>

Q_LOGGING_CATEGORY(lcWorker, "natter.server.worker")

namespace natter {

using protocol::ErrorCode;
using websocket::CloseCode;

IoWorker::IoWorker(ServerContext &context, int index)
    : m_context(context)
    , m_index(index)
{
    setObjectName(QStringLiteral("io worker %1").arg(index));
    m_limits.maxContentBytes = context.config.maxContentBytes;
}

IoWorker::~IoWorker() = default;

void IoWorker::start()
{
    m_rest = std::make_unique<RestApi>(m_context, *this);
    const auto &config = m_context.config;
    // One coarse timer per worker checks every connection's deadlines: a timer per connection would cost
    // memory and wake-ups, and a deadline a quarter-period late is fine for all of them.
    const int shortest = std::min({config.pingIntervalMs, config.idleTimeoutMs, config.handshakeTimeoutMs,
                                   config.httpTimeoutMs, config.closeTimeoutMs});
    m_sweepTimer = new QTimer(this);
    m_sweepTimer->setInterval(std::clamp(shortest / 4, 10, 1000));
    connect(m_sweepTimer, &QTimer::timeout, this, &IoWorker::sweep);
    m_sweepTimer->start();
}

void IoWorker::adopt(qintptr socketDescriptor)
{
    auto *connection = new Connection(m_nextConnectionId++, m_context, *this, this);
    if (m_nextConnectionId == 0)
        m_nextConnectionId = 1; // ids wrap after four billion connections; 0 stays unused
    if (!connection->adopt(socketDescriptor) || m_shuttingDown) {
        connection->abort();
        connection->deleteLater(); // never in m_connections, so connectionClosed() leaves it alone
        return;
    }
    m_connections.insert(connection->id(), connection);
    m_context.metrics.connectionsOpen.fetch_add(1, std::memory_order_relaxed);
    m_context.metrics.connectionsAccepted.fetch_add(1, std::memory_order_relaxed);
    switch (m_context.gate.admit(connection->peerAddress())) {
    case ConnectionGate::Admission::Admitted:
        connection->admitted = true;
        break;
    case ConnectionGate::Admission::ServerFull:
        m_context.metrics.connectionsRefused.fetch_add(1, std::memory_order_relaxed);
        connection->refuseFirstRequest(http::Response::error(
            503, QStringLiteral("the server has as many connections as it accepts; try again later"),
            QLatin1StringView("TOO_MANY_CONNECTIONS")));
        break;
    case ConnectionGate::Admission::AddressAtLimit:
        m_context.metrics.connectionsRefused.fetch_add(1, std::memory_order_relaxed);
        connection->refuseFirstRequest(
            http::Response::error(429,
                                  QStringLiteral("too many connections from your address (at most %1)")
                                      .arg(m_context.config.maxConnectionsPerAddress),
                                  QLatin1StringView("TOO_MANY_CONNECTIONS")));
        break;
    }
    qCDebug(lcWorker).noquote() << connection->peer() << "connected";
}

void IoWorker::sweep()
{
    const qint64 now = m_context.nowMs();
    // Copy: a check may close a connection, which removes it from the map.
    const auto connections = m_connections.values();
    for (Connection *connection : connections)
        connection->checkTimers(now);
}

void IoWorker::deliver(const QByteArray &wireFrame, const QList<quint32> &connections, bool isMessage)
{
    quint64 delivered = 0;
    for (const quint32 id : connections) {
        if (Connection *connection = m_connections.value(id))
            delivered += connection->sendFrame(wireFrame) ? 1 : 0;
    }
    if (isMessage)
        m_context.metrics.messagesOut.fetch_add(delivered, std::memory_order_relaxed);
}

void IoWorker::sendTo(quint32 connection, const QByteArray &wireFrame)
{
    if (Connection *target = m_connections.value(connection))
        target->sendFrame(wireFrame);
}

void IoWorker::roomClosed(const QString &room, const QByteArray &wireFrame, const QList<quint32> &everyone,
                          const QList<quint32> &typed)
{
    for (const quint32 id : everyone) {
        Connection *connection = m_connections.value(id);
        if (!connection)
            continue;
        connection->session.rooms.remove(room);
        if (typed.contains(id)) {
            connection->sendFrame(wireFrame);
        } else {
            // A seed client lives in exactly one room: with it gone, the connection has nothing left.
            connection->close(CloseCode::NormalClosure, "room deleted");
        }
    }
}

QList<Connection *> IoWorker::webSocketsOf(const QString &user) const
{
    QList<Connection *> found = m_connectionsByUser.values(Account::keyOf(user));
    found.removeIf([](const Connection *connection) { return connection->state() != Connection::State::WebSocket; });
    return found;
}

void IoWorker::sendToUser(const QString &user, const QByteArray &wireFrame)
{
    for (Connection *connection : webSocketsOf(user)) {
        if (connection->session.typed)
            connection->sendFrame(wireFrame);
    }
}

void IoWorker::closeUser(const QString &user, quint16 code, const QByteArray &reason)
{
    for (Connection *connection : webSocketsOf(user)) // a copy: closing may change the map
        connection->close(code, reason);
}

void IoWorker::forgetRoom(quint32 connection, const QString &room)
{
    Connection *target = m_connections.value(connection);
    if (!target)
        return;
    target->session.rooms.remove(room);
    // A seed client exists only for its one room: without it, the connection has no purpose.
    if (!target->session.typed)
        target->close(CloseCode::PolicyViolation, "the server cannot hold more rooms");
}

void IoWorker::httpRequest(Connection &connection, http::Request &&request)
{
    m_context.metrics.httpRequests.fetch_add(1, std::memory_order_relaxed);
    if (m_shuttingDown) {
        connection.respond(http::Response::error(503, QStringLiteral("the server is shutting down")));
        return;
    }
    if (request.pathSegments.size() == 1 && request.pathSegments[0] == protocol::path::webSocket.mid(1)) {
        upgrade(connection, request);
        return;
    }
    QPointer<Connection> target(&connection);
    m_rest->handle(request, [this, target](const http::Response &response) {
        if (response.status >= 400)
            m_context.metrics.httpErrors.fetch_add(1, std::memory_order_relaxed);
        if (target)
            target->respond(response);
    });
}

void IoWorker::upgrade(Connection &connection, const http::Request &request)
{
    auto refuse = [&](int status, const QString &message) {
        m_context.metrics.httpErrors.fetch_add(1, std::memory_order_relaxed);
        qCInfo(lcWorker).noquote() << connection.peer() << "WebSocket refused:" << status << message;
        auto response = http::Response::error(status, message);
        if (status == 426)
            response.extraHeaders = {{"Upgrade", "websocket"}, {"Sec-WebSocket-Version", "13"}};
        connection.respond(response);
    };
    if (request.method != "GET") {
        auto response = http::Response::error(405, QStringLiteral("open the WebSocket with GET"));
        response.extraHeaders = {{"Allow", "GET"}};
        m_context.metrics.httpErrors.fetch_add(1, std::memory_order_relaxed);
        return connection.respond(response);
    }
    if (!request.headerHasToken("upgrade", "websocket") || !request.headerHasToken("connection", "upgrade"))
        return refuse(426, QStringLiteral("this path takes a WebSocket upgrade"));
    if (request.header("sec-websocket-version") != "13")
        return refuse(426, QStringLiteral("only WebSocket version 13 is supported"));
    if (QByteArray::fromBase64(request.header("sec-websocket-key")).size() != 16)
        return refuse(400, QStringLiteral("missing or malformed Sec-WebSocket-Key"));

    if (const QByteArray origin = request.header("origin"); !origin.isEmpty() && !originAllowed(origin, request))
        return refuse(403,
                      QStringLiteral("pages from %1 may not open a WebSocket here").arg(QString::fromUtf8(origin)));

    // With accounts, the token says who this is, before any WebSocket exists; the name in the URL, if any,
    // must be the token's.
    QByteArray subprotocol;
    std::optional<Account> account;
    if (m_context.config.auth == ServerConfig::Auth::Accounts) {
        auto result = authenticate(m_context, request, &subprotocol);
        if (const auto *failure = std::get_if<AuthFailure>(&result)) {
            m_context.metrics.httpErrors.fetch_add(1, std::memory_order_relaxed);
            qCInfo(lcWorker).noquote() << connection.peer() << "WebSocket refused:" << failure->status << failure->code;
            return connection.respond(failure->response());
        }
        account = std::get<Account>(std::move(result));
    }

    const bool hasRoom = request.query.contains(protocol::query::room);
    const QString room = request.query.value(protocol::query::room);
    const QString requestedUser = request.query.value(protocol::query::user);
    if (account && !requestedUser.isEmpty() && Account::keyOf(requestedUser) != Account::keyOf(account->name))
        return refuse(403, QStringLiteral("this token belongs to '%1', not '%2'").arg(account->name, requestedUser));
    const QString user = account ? account->name : requestedUser;
    if (hasRoom) {
        if (room.isEmpty())
            return refuse(400, QStringLiteral("missing room: connect to /ws?room=ROOM&user=NAME"));
        if (user.isEmpty())
            return refuse(400, QStringLiteral("missing user: connect to /ws?room=ROOM&user=NAME"));
        if (!names::isValidRoomName(room))
            return refuse(400, names::roomNameRule());
    } else if (request.query.contains(protocol::query::user) && user.isEmpty()) {
        return refuse(400, QStringLiteral("missing user: connect to /ws?user=NAME"));
    }
    if (!user.isEmpty() && !names::isValidUserName(user))
        return refuse(400, names::userNameRule());
    if (!account && !user.isEmpty() && !m_context.names.claim(user, connection.peerAddress())) {
        m_context.metrics.httpErrors.fetch_add(1, std::memory_order_relaxed);
        qCInfo(lcWorker).noquote() << connection.peer() << "WebSocket refused: name taken";
        return connection.respond(
            http::Response::error(409, nameTakenMessage(user), protocol::errorCodeName(ErrorCode::NameTaken)));
    }

    connection.acceptWebSocket(request, subprotocol);
    connection.session.typed = !hasRoom;
    connection.session.authenticated = account.has_value();
    qCInfo(lcWorker).noquote() << connection.peer() << "WebSocket opened" << (hasRoom ? "(simple)" : "(typed)");
    if (!user.isEmpty())
        identify(connection, user); // the name was claimed above
    if (hasRoom) {
        connection.session.rooms.insert(room);
        RoomShard::Who who{{quint32(m_index), connection.id()}, user, false};
        postTo(m_context.shardFor(room), [who, room](RoomShard &shard) { shard.join(who, {room, {}, {}}, {}); });
    }
}

QString IoWorker::nameTakenMessage(const QString &user)
{
    return QStringLiteral("'%1' is already online from another computer; pick another name").arg(user);
}

bool IoWorker::originAllowed(const QByteArray &origin, const http::Request &request) const
{
    // Cross-site WebSocket hijacking: a page on another site must not use a visitor's browser to talk to a
    // server on their network. Pages this server serves itself (same host and port) are fine.
    const auto &allowed = m_context.config.allowedOrigins;
    if (allowed.contains(QLatin1String("*")))
        return true;
    const QString normalized = QString::fromUtf8(origin).trimmed().toLower();
    if (allowed.contains(normalized))
        return true;
    const QUrl url(normalized, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return false; // "null" (sandboxed frames, files) and garbage
    const QString host = QString::fromUtf8(request.header("host")).trimmed().toLower();
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    const QString originHost = url.host().contains(QLatin1Char(':')) ? u'[' + url.host() + u']' : url.host();
    const QString originAuthority =
        url.port(defaultPort) == defaultPort ? originHost : QStringLiteral("%1:%2").arg(originHost).arg(url.port());
    const QString hostWithoutDefaultPort = host.endsWith(QStringLiteral(":%1").arg(defaultPort))
                                               ? host.chopped(QString::number(defaultPort).size() + 1)
                                               : host;
    return !host.isEmpty() && originAuthority == hostWithoutDefaultPort;
}

void IoWorker::identify(Connection &connection, const QString &user)
{
    connection.session.user = user;
    ++m_onlineUsers[user];
    m_connectionsByUser.insert(Account::keyOf(user), &connection);
    if (m_context.cluster)
        postTo(m_context.cluster, [user](ClusterBus &bus) { bus.userOnline(user, 1); });
    if (connection.session.typed) {
        connection.sendText(
            protocol::welcomeFrame({user, m_context.config.serverName, m_context.config.maxContentBytes}));
    }
}

void IoWorker::sendError(Connection &connection, ErrorCode code, const QString &message, const QString &requestId)
{
    m_context.metrics.protocolErrors.fetch_add(1, std::memory_order_relaxed);
    connection.sendText(protocol::errorFrame({code, message, requestId}));
}

bool IoWorker::admit(Connection &connection, const QString &requestId)
{
    if (connection.rateLimiter.tryAcquire(m_context.nowMs()))
        return true;
    m_context.metrics.rateLimited.fetch_add(1, std::memory_order_relaxed);
    sendError(connection, ErrorCode::RateLimited, QStringLiteral("too many frames; slow down"), requestId);
    return false;
}

void IoWorker::binaryMessage(Connection &connection)
{
    if (!admit(connection))
        return;
    sendError(connection, ErrorCode::InvalidFormat, QStringLiteral("binary frames are not supported; send JSON text"));
}

void IoWorker::textMessage(Connection &connection, QByteArray &&utf8)
{
    if (connection.session.typed)
        handleTyped(connection, utf8);
    else
        handleSimple(connection, utf8);
}

void IoWorker::handleSimple(Connection &connection, const QByteArray &utf8)
{
    if (!admit(connection))
        return;
    auto parsed = protocol::parseSimpleContent(utf8, m_limits);
    if (auto *error = std::get_if<protocol::ProtocolError>(&parsed))
        return sendError(connection, error->code, error->message);
    if (connection.session.rooms.isEmpty())
        return sendError(connection, ErrorCode::NotInRoom, QStringLiteral("the room of this connection was deleted"));
    const QString room = *connection.session.rooms.cbegin();
    RoomShard::Who who{{quint32(m_index), connection.id()}, connection.session.user, false};
    postTo(m_context.shardFor(room), [who, room, content = std::get<QString>(parsed)](RoomShard &shard) {
        shard.post(who, room, content, {}, {});
    });
}

void IoWorker::handleTyped(Connection &connection, const QByteArray &utf8)
{
    // Parsed first so a refusal can carry the request id; every frame is charged, malformed ones too.
    auto parsed = protocol::parseRequest(utf8, m_limits);
    auto *error = std::get_if<protocol::ProtocolError>(&parsed);
    if (!admit(connection, error ? error->requestId : std::get<protocol::ParsedRequest>(parsed).requestId))
        return;
    if (error)
        return sendError(connection, error->code, error->message, error->requestId);
    auto &[requestId, request] = std::get<protocol::ParsedRequest>(parsed);

    auto &session = connection.session;
    if (std::holds_alternative<protocol::Ping>(request)) {
        connection.sendText(protocol::pongFrame(requestId, QDateTime::currentMSecsSinceEpoch()));
        return;
    }
    if (auto *hello = std::get_if<protocol::Hello>(&request)) {
        if (!session.user.isEmpty()) {
            return sendError(connection, ErrorCode::InvalidPayload,
                             QStringLiteral("this connection is already identified as '%1'").arg(session.user),
                             requestId);
        }
        if (!m_context.names.claim(hello->user, connection.peerAddress()))
            return sendError(connection, ErrorCode::NameTaken, nameTakenMessage(hello->user), requestId);
        return identify(connection, hello->user);
    }
    if (session.user.isEmpty()) {
        return sendError(connection, ErrorCode::HelloRequired,
                         QStringLiteral("say hello with a user name first, or connect to /ws?user=NAME"), requestId);
    }

    const RoomShard::Who who{{quint32(m_index), connection.id()}, session.user, true};
    // The room's shard answers: NOT_A_MEMBER for a private room the user is not in, NOT_IN_ROOM otherwise.
    auto notInRoom = [&](const QString &room) {
        m_context.metrics.protocolErrors.fetch_add(1, std::memory_order_relaxed);
        postTo(m_context.shardFor(room),
               [who, room, requestId](RoomShard &shard) { shard.notInRoom(who, room, requestId); });
    };
    // Joining a room through a membership request counts like a join.
    auto enterRoom = [&](const QString &room) {
        if (!session.rooms.contains(room) && session.rooms.size() >= m_context.config.maxRoomsPerConnection) {
            sendError(
                connection, ErrorCode::TooManyRooms,
                QStringLiteral("one connection may join at most %1 rooms").arg(m_context.config.maxRoomsPerConnection),
                requestId);
            return false;
        }
        session.rooms.insert(room);
        return true;
    };
    const bool membershipRequest =
        std::holds_alternative<protocol::Direct>(request) || std::holds_alternative<protocol::CreateGroup>(request) ||
        std::holds_alternative<protocol::Moderate>(request) || std::holds_alternative<protocol::DeleteRoom>(request) ||
        std::holds_alternative<protocol::Invite>(request) || std::holds_alternative<protocol::AnswerInvite>(request) ||
        std::holds_alternative<protocol::RemoveMember>(request);
    if (membershipRequest && !session.authenticated) {
        return sendError(connection, ErrorCode::AccountsRequired,
                         QStringLiteral("direct messages and groups need a server with accounts"), requestId);
    }
    auto existingUser = [&](const QString &user) -> std::optional<QString> {
        if (const auto account = m_context.accounts.find(user))
            return account->name;
        sendError(connection, ErrorCode::NoSuchUser, QStringLiteral("no user '%1' on this server").arg(user),
                  requestId);
        return std::nullopt;
    };

    if (auto *join = std::get_if<protocol::Join>(&request)) {
        if (!session.rooms.contains(join->room) && session.rooms.size() >= m_context.config.maxRoomsPerConnection) {
            return sendError(
                connection, ErrorCode::TooManyRooms,
                QStringLiteral("one connection may join at most %1 rooms").arg(m_context.config.maxRoomsPerConnection),
                requestId);
        }
        session.rooms.insert(join->room);
        postTo(m_context.shardFor(join->room),
               [who, join = *join, requestId](RoomShard &shard) { shard.join(who, join, requestId); });
    } else if (auto *leave = std::get_if<protocol::Leave>(&request)) {
        if (!session.rooms.remove(leave->room))
            return notInRoom(leave->room);
        postTo(m_context.shardFor(leave->room),
               [who, room = leave->room, requestId](RoomShard &shard) { shard.leave(who, room, requestId); });
    } else if (auto *send = std::get_if<protocol::Send>(&request)) {
        if (!session.rooms.contains(send->room))
            return notInRoom(send->room);
        RoomShard *shard = m_context.shardFor(send->room); // before the move below
        postTo(shard, [who, send = std::move(*send), requestId](RoomShard &target) {
            target.post(who, send.room, send.content, send.clientId, requestId);
        });
    } else if (auto *typing = std::get_if<protocol::Typing>(&request)) {
        if (!session.rooms.contains(typing->room))
            return notInRoom(typing->room);
        postTo(m_context.shardFor(typing->room),
               [who, typing = *typing](RoomShard &shard) { shard.typing(who, typing.room, typing.active); });
    } else if (auto *history = std::get_if<protocol::HistoryRequest>(&request)) {
        if (!session.rooms.contains(history->room))
            return notInRoom(history->room);
        postTo(m_context.shardFor(history->room),
               [who, history = *history, requestId](RoomShard &shard) { shard.history(who, history, requestId); });
    } else if (auto *direct = std::get_if<protocol::Direct>(&request)) {
        const auto peer = existingUser(direct->user);
        if (!peer)
            return;
        if (Account::keyOf(*peer) == Account::keyOf(session.user)) {
            return sendError(connection, ErrorCode::InvalidPayload,
                             QStringLiteral("a direct message needs someone else"), requestId);
        }
        const QString room = names::directRoomName(session.user, *peer);
        if (!enterRoom(room))
            return;
        postTo(m_context.shardFor(room),
               [who, peer = *peer, requestId](RoomShard &shard) { shard.openDirect(who, peer, requestId); });
    } else if (auto *group = std::get_if<protocol::CreateGroup>(&request)) {
        if (!enterRoom(group->room))
            return;
        postTo(m_context.shardFor(group->room),
               [who, room = group->room, requestId](RoomShard &shard) { shard.createGroup(who, room, requestId); });
    } else if (auto *invitation = std::get_if<protocol::Invite>(&request)) {
        const auto invitee = existingUser(invitation->user);
        if (!invitee)
            return;
        postTo(m_context.shardFor(invitation->room),
               [who, room = invitation->room, user = *invitee, requestId](RoomShard &shard) {
                   shard.invite(who, room, user, requestId);
               });
    } else if (auto *answer = std::get_if<protocol::AnswerInvite>(&request)) {
        if (answer->accept && !enterRoom(answer->room))
            return;
        postTo(m_context.shardFor(answer->room), [who, answer = *answer, requestId](RoomShard &shard) {
            shard.answerInvite(who, answer.room, answer.accept, requestId);
        });
    } else if (auto *moderation = std::get_if<protocol::Moderate>(&request)) {
        const auto caller = m_context.accounts.find(session.user);
        if (!caller || !caller->isAdmin())
            return sendError(connection, ErrorCode::Forbidden, QStringLiteral("only admins can do that"), requestId);
        using Action = protocol::Moderate::Action;
        const QLatin1StringView action = moderation->action == Action::Kick  ? protocol::type::kick
                                         : moderation->action == Action::Ban ? protocol::type::ban
                                                                             : protocol::type::unban;
        // The same rules and effects as the REST endpoints (RestApi::moderate).
        QPointer<Connection> target(&connection);
        m_rest->moderate(moderation->action, *caller, moderation->user,
                         [this, target, requestId, action](const RestApi::Moderation &outcome) {
                             if (!target)
                                 return;
                             if (outcome.refusal)
                                 return sendError(*target, outcome.refusal->code, outcome.refusal->message, requestId);
                             target->sendText(protocol::moderatedFrame(requestId, outcome.user, action));
                         });
    } else if (auto *deletion = std::get_if<protocol::DeleteRoom>(&request)) {
        const auto caller = m_context.accounts.find(session.user);
        if (!caller || !caller->isAdmin())
            return sendError(connection, ErrorCode::Forbidden, QStringLiteral("only admins can do that"), requestId);
        QPointer<Connection> target(&connection);
        const QString room = deletion->room;
        m_rest->removeRoom(room, [this, target, room, requestId](RoomShard::DeleteResult result) {
            if (!target)
                return;
            switch (result) {
            case RoomShard::DeleteResult::Deleted:
                qCInfo(lcWorker).noquote() << target->session.user << "deleted room" << room;
                return target->sendText(protocol::roomDeletedFrame(requestId, room));
            case RoomShard::DeleteResult::NotFound:
                return sendError(*target, ErrorCode::InvalidRoom, QStringLiteral("there is no room '%1'").arg(room),
                                 requestId);
            case RoomShard::DeleteResult::Protected:
                return sendError(*target, ErrorCode::Forbidden,
                                 QStringLiteral("the '%1' room cannot be deleted").arg(room), requestId);
            }
        });
    } else if (auto *removal = std::get_if<protocol::RemoveMember>(&request)) {
        postTo(m_context.shardFor(removal->room), [who, removal = *removal, requestId](RoomShard &shard) {
            shard.removeFromGroup(who, removal.room, removal.user, requestId);
        });
    }
}

void IoWorker::connectionClosed(Connection &connection)
{
    if (!m_connections.remove(connection.id()))
        return;
    // The connection's place and name are given back before the count drops: whoever sees the count drop
    // (e.g. /stats) may rely on both being free.
    if (connection.admitted)
        m_context.gate.release(connection.peerAddress());
    auto &session = connection.session;
    if (!session.user.isEmpty()) {
        if (!session.authenticated)
            m_context.names.release(session.user);
        auto it = m_onlineUsers.find(session.user);
        if (it != m_onlineUsers.end() && --*it <= 0)
            m_onlineUsers.erase(it);
        m_connectionsByUser.remove(Account::keyOf(session.user), &connection);
        if (m_context.cluster)
            postTo(m_context.cluster, [user = session.user](ClusterBus &bus) { bus.userOnline(user, -1); });
    }
    m_context.metrics.connectionsOpen.fetch_sub(1, std::memory_order_release);
    if (connection.state() != Connection::State::Http || !session.rooms.isEmpty())
        qCInfo(lcWorker).noquote() << connection.peer() << "closed";
    // Tell each shard that holds one of its rooms, once.
    QHash<RoomShard *, QStringList> roomsByShard;
    for (const QString &room : std::as_const(session.rooms))
        roomsByShard[m_context.shardFor(room)].append(room);
    const ConnectionKey key{quint32(m_index), connection.id()};
    for (auto it = roomsByShard.cbegin(); it != roomsByShard.cend(); ++it) {
        postTo(it.key(), [key, rooms = it.value()](RoomShard &shard) { shard.dropConnection(key, rooms); });
    }
    connection.deleteLater();
    finishShutdownIfDrained();
}

void IoWorker::flushRequested(Connection &connection)
{
    m_pendingFlush.append(connection.id());
    if (!m_flushPosted) {
        m_flushPosted = true;
        QMetaObject::invokeMethod(this, &IoWorker::flushPending, Qt::QueuedConnection);
    }
}

void IoWorker::flushPending()
{
    m_flushPosted = false;
    const auto ids = std::exchange(m_pendingFlush, {});
    for (const quint32 id : ids) {
        if (Connection *connection = m_connections.value(id))
            connection->flush();
    }
}

void IoWorker::beginShutdown()
{
    m_shuttingDown = true;
    m_shutdownTimer = new QTimer(this);
    m_shutdownTimer->setSingleShot(true);
    connect(m_shutdownTimer, &QTimer::timeout, this, [this] {
        const auto remaining = m_connections.values();
        for (Connection *connection : remaining)
            connection->abort();
        finishShutdownIfDrained();
    });
    m_shutdownTimer->start(m_context.config.closeTimeoutMs);
    const auto connections = m_connections.values();
    for (Connection *connection : connections) {
        if (connection->state() == Connection::State::WebSocket)
            connection->close(CloseCode::GoingAway, "server shutting down");
        else if (connection->state() == Connection::State::Http)
            connection->abort();
    }
    finishShutdownIfDrained();
}

void IoWorker::finishShutdownIfDrained()
{
    if (!m_shuttingDown || !m_connections.isEmpty())
        return;
    m_sweepTimer->stop();
    m_shutdownTimer->stop();
    thread()->quit();
}

} // namespace natter
