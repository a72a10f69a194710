#include "restroute.h"

#include "names.h"
#include "protocol.h"

#include <optional>

namespace natter::rest {

namespace {

RouteError methodNotAllowed(QByteArray allowed)
{
    return {405, QStringLiteral("method not allowed; use %1").arg(QString::fromLatin1(allowed)), allowed};
}

Route to(Endpoint endpoint, const QString &room = {})
{
    Route route;
    route.endpoint = endpoint;
    route.room = room;
    return route;
}

bool methodIs(QByteArrayView method, QByteArrayView expected)
{
    return method == expected || (expected == "GET" && method == "HEAD");
}

/// Reads an optional positive integer query parameter; false when present but malformed or out of range.
bool readPositive(const QHash<QString, QString> &query, const QString &key, qint64 max, std::optional<qint64> &out)
{
    const auto it = query.constFind(key);
    if (it == query.cend())
        return true;
    bool ok = false;
    const qint64 value = it->toLongLong(&ok);
    if (!ok || value < 1 || value > max)
        return false;
    out = value;
    return true;
}

} // namespace

std::variant<Route, RouteError> parseRoute(QByteArrayView method, const QStringList &path,
                                           const QHash<QString, QString> &query)
{
    const QString joined = QLatin1Char('/') + path.join(QLatin1Char('/'));
    const auto getOnly = [&](Endpoint endpoint) -> std::variant<Route, RouteError> {
        if (!methodIs(method, "GET"))
            return methodNotAllowed("GET");
        return to(endpoint);
    };

    if (joined == protocol::path::health)
        return getOnly(Endpoint::Health);
    if (joined == protocol::path::stats)
        return getOnly(Endpoint::Stats);
    if (joined == protocol::path::metrics)
        return getOnly(Endpoint::Metrics);
    if (joined == protocol::path::openApi)
        return getOnly(Endpoint::OpenApi);
    if (joined == protocol::path::online)
        return getOnly(Endpoint::Online);
    if (joined == protocol::path::invitations)
        return getOnly(Endpoint::Invitations);
    if (joined == protocol::path::users)
        return getOnly(Endpoint::ListUsers);
    if (joined == protocol::path::registerAccount || joined == protocol::path::login) {
        if (method != "POST")
            return methodNotAllowed("POST");
        return to(joined == protocol::path::login ? Endpoint::Login : Endpoint::Register);
    }
    if (path.size() == 4 && path[0] == QLatin1String("api") && path[1] == QLatin1String("users")) {
        if (!names::isValidUserName(path[2]))
            return RouteError{400, names::userNameRule(), {}};
        Route route;
        route.user = path[2];
        if (path[3] == QLatin1String("ban")) {
            if (method != "POST" && method != "DELETE")
                return methodNotAllowed("POST, DELETE");
            route.endpoint = method == "POST" ? Endpoint::BanUser : Endpoint::UnbanUser;
            return route;
        }
        if (path[3] == QLatin1String("kick")) {
            if (method != "POST")
                return methodNotAllowed("POST");
            route.endpoint = Endpoint::KickUser;
            return route;
        }
    }

    if (path.size() >= 2 && path[0] == QLatin1String("api") && path[1] == QLatin1String("rooms")) {
        if (path.size() == 2) {
            if (methodIs(method, "GET"))
                return to(Endpoint::ListRooms);
            if (method == "POST")
                return to(Endpoint::CreateRoom);
            return methodNotAllowed("GET, POST");
        }
        const QString &room = path[2];
        if (path.size() <= 4 && !names::isValidRoomName(room))
            return RouteError{400, names::roomNameRule(), {}};
        if (path.size() == 3) {
            if (methodIs(method, "GET"))
                return to(Endpoint::GetRoom, room);
            if (method == "PATCH")
                return to(Endpoint::UpdateRoom, room);
            if (method == "DELETE")
                return to(Endpoint::DeleteRoom, room);
            return methodNotAllowed("GET, PATCH, DELETE");
        }
        if (path.size() == 4 && path[3] == protocol::path::messagesSuffix) {
            if (!methodIs(method, "GET"))
                return methodNotAllowed("GET");
            std::optional<qint64> limit, before;
            if (!readPositive(query, QStringLiteral("limit"), protocol::maxHistoryPage, limit))
                return RouteError{
                    400,
                    QStringLiteral("'limit' must be a whole number from 1 to %1").arg(protocol::maxHistoryPage),
                    {}};
            if (!readPositive(query, QStringLiteral("before"), qint64(maxBeforeSeq), before))
                return RouteError{400, QStringLiteral("'before' must be a positive whole number (a seq)"), {}};
            Route route = to(Endpoint::RoomMessages, room);
            route.limit = int(limit.value_or(defaultMessagesPage));
            route.before = quint64(before.value_or(0));
            return route;
        }
        if (path.size() == 4 && path[3] == protocol::path::membersSuffix) {
            if (!methodIs(method, "GET"))
                return methodNotAllowed("GET");
            return to(Endpoint::RoomMembers, room);
        }
    }
    return RouteError{404, QStringLiteral("no such endpoint: %1").arg(joined.left(200)), {}};
}

} // namespace natter::rest
