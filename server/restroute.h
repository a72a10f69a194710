#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>

#include <variant>

/**
 * Which REST or operational endpoint a request addresses, and the arguments its path and query carry. Pure
 * parsing, no server state: RestApi answers the route, the fuzz targets check it on arbitrary input.
 */
namespace natter::rest {

enum class Endpoint
{
    Health,       ///< GET /health
    Stats,        ///< GET /stats
    Metrics,      ///< GET /metrics
    OpenApi,      ///< GET /api/openapi.json
    Online,       ///< GET /api/online
    ListRooms,    ///< GET /api/rooms
    CreateRoom,   ///< POST /api/rooms
    GetRoom,      ///< GET /api/rooms/{room}
    UpdateRoom,   ///< PATCH /api/rooms/{room}
    DeleteRoom,   ///< DELETE /api/rooms/{room}
    RoomMessages, ///< GET /api/rooms/{room}/messages?before=&limit=
    RoomMembers,  ///< GET /api/rooms/{room}/members
    Register,     ///< POST /api/register
    Login,        ///< POST /api/login
    BanUser,      ///< POST /api/users/{user}/ban
    UnbanUser,    ///< DELETE /api/users/{user}/ban
    KickUser,     ///< POST /api/users/{user}/kick
    Invitations,  ///< GET /api/invites
    ListUsers,    ///< GET /api/users
};

/// Page size of /api/rooms/{room}/messages without a `limit`.
constexpr int defaultMessagesPage = 100;
/// The largest `before` accepted: 2^53, past any seq a JSON number carries exactly.
constexpr quint64 maxBeforeSeq = quint64(1) << 53;

struct Route
{
    Endpoint endpoint = Endpoint::Health;
    QString room;                    ///< The room endpoints: a valid room name (checked after URL decoding).
    QString user;                    ///< The user endpoints: a valid user name.
    int limit = defaultMessagesPage; ///< RoomMessages: 1 to protocol::maxHistoryPage.
    quint64 before = 0;              ///< RoomMessages: only seqs below this one; 0 for the newest page.

    friend bool operator==(const Route &, const Route &) = default;
};

/// A request no endpoint takes: answered with this status and message (and an Allow header for 405).
struct RouteError
{
    int status = 404;
    QString message;
    QByteArray allow; ///< For 405: the methods the path takes, e.g. "GET, POST".
};

/// Routes a request by its method, decoded path segments and decoded query (as http::RequestParser gives them).
/// HEAD is routed like GET.
std::variant<Route, RouteError> parseRoute(QByteArrayView method, const QStringList &pathSegments,
                                           const QHash<QString, QString> &query);

} // namespace natter::rest
