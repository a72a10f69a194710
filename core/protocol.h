#pragma once

#include "chatmessage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

/**
 * The one definition of Natter's wire protocol: frame types, field names, error codes and REST paths.
 * The server, the desktop client and the tests all use it; docs/PROTOCOL.md describes it for people.
 * Only append to the enumerations: codes are part of the protocol.
 */
namespace natter::protocol {

constexpr int version = 1;

namespace type {
// Client to server (typed dialect).
inline constexpr QLatin1StringView hello{"hello"};
inline constexpr QLatin1StringView join{"join"};
inline constexpr QLatin1StringView leave{"leave"};
inline constexpr QLatin1StringView send{"send"};
inline constexpr QLatin1StringView typing{"typing"};
inline constexpr QLatin1StringView history{"history"};
inline constexpr QLatin1StringView ping{"ping"};
inline constexpr QLatin1StringView direct{"direct"};
inline constexpr QLatin1StringView createGroup{"create_group"};
inline constexpr QLatin1StringView invite{"invite"};
inline constexpr QLatin1StringView acceptInvite{"accept_invite"};
inline constexpr QLatin1StringView declineInvite{"decline_invite"};
inline constexpr QLatin1StringView removeMember{"remove_member"};
inline constexpr QLatin1StringView kick{"kick"};
inline constexpr QLatin1StringView ban{"ban"};
inline constexpr QLatin1StringView unban{"unban"};
inline constexpr QLatin1StringView deleteRoom{"delete_room"};
// Server to client.
inline constexpr QLatin1StringView welcome{"welcome"};
inline constexpr QLatin1StringView joined{"joined"};
inline constexpr QLatin1StringView left{"left"};
inline constexpr QLatin1StringView message{"message"};
inline constexpr QLatin1StringView ack{"ack"};
inline constexpr QLatin1StringView memberJoined{"member_joined"};
inline constexpr QLatin1StringView memberLeft{"member_left"};
inline constexpr QLatin1StringView pong{"pong"};
inline constexpr QLatin1StringView roomClosed{"room_closed"};
inline constexpr QLatin1StringView directOpened{"direct_opened"};
inline constexpr QLatin1StringView invited{"invited"};
inline constexpr QLatin1StringView inviteDeclined{"invite_declined"};
inline constexpr QLatin1StringView memberRemoved{"member_removed"};
inline constexpr QLatin1StringView moderated{"moderated"};
inline constexpr QLatin1StringView roomDeleted{"room_deleted"};
inline constexpr QLatin1StringView error{"error"};
} // namespace type

namespace field {
inline constexpr QLatin1StringView type{"type"};
inline constexpr QLatin1StringView requestId{"request_id"};
inline constexpr QLatin1StringView room{"room"};
inline constexpr QLatin1StringView user{"user"};
inline constexpr QLatin1StringView content{"content"};
inline constexpr QLatin1StringView timestamp{"timestamp"};
inline constexpr QLatin1StringView seq{"seq"};
inline constexpr QLatin1StringView id{"id"};
inline constexpr QLatin1StringView clientId{"client_id"};
inline constexpr QLatin1StringView lastN{"last_n"};
inline constexpr QLatin1StringView sinceSeq{"since_seq"};
inline constexpr QLatin1StringView lastSeq{"last_seq"};
inline constexpr QLatin1StringView complete{"complete"};
inline constexpr QLatin1StringView members{"members"};
inline constexpr QLatin1StringView messages{"messages"};
inline constexpr QLatin1StringView before{"before"};
inline constexpr QLatin1StringView limit{"limit"};
inline constexpr QLatin1StringView hasMore{"has_more"};
inline constexpr QLatin1StringView active{"active"};
inline constexpr QLatin1StringView duplicate{"duplicate"};
inline constexpr QLatin1StringView code{"code"};
inline constexpr QLatin1StringView message{"message"};
inline constexpr QLatin1StringView server{"server"};
inline constexpr QLatin1StringView version{"version"};
inline constexpr QLatin1StringView protocol{"protocol"};
inline constexpr QLatin1StringView limits{"limits"};
inline constexpr QLatin1StringView maxContentBytes{"max_content_bytes"};
inline constexpr QLatin1StringView name{"name"};
inline constexpr QLatin1StringView error{"error"};
inline constexpr QLatin1StringView kind{"kind"};
inline constexpr QLatin1StringView peer{"peer"};
inline constexpr QLatin1StringView owner{"owner"};
inline constexpr QLatin1StringView by{"by"};
inline constexpr QLatin1StringView action{"action"};
} // namespace field

/// Stable error codes carried by `error` frames.
enum class ErrorCode
{
    InvalidFormat,      ///< Not a JSON object, or a binary frame.
    UnknownType,        ///< The `type` is not one this server knows.
    InvalidRoom,        ///< The room name breaks the naming rule.
    NotInRoom,          ///< The request needs membership of a room the connection has not joined.
    MessageTooLarge,    ///< The content is over the server's limit.
    RateLimited,        ///< Too many frames; wait and retry.
    InvalidPayload,     ///< Right type, wrong or missing fields.
    HelloRequired,      ///< A typed connection opened without a user name must say hello first.
    InvalidUser,        ///< The user name breaks the naming rule.
    RoomLimit,          ///< The server holds as many rooms as it allows; no new room can be created.
    TooManyRooms,       ///< This connection has joined as many rooms as one connection may.
    Busy,               ///< The server is behind on storing messages; retry shortly (same client id).
    StorageUnavailable, ///< The database cannot be reached; nothing was stored; retry later (same client id).
    NameTaken,          ///< Someone else (another address) is online under this name; pick another.
    NotAMember,         ///< A direct or group room the user is not a member of.
    AccountsRequired,   ///< Direct messages and groups need a server with accounts (--auth accounts).
    NoSuchUser,         ///< The user named does not have an account.
    Forbidden,          ///< Only the group's owner (or a server admin) may do that.
};

QLatin1StringView errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(QStringView name);

/// REST and WebSocket paths served on the one port.
namespace path {
inline constexpr QLatin1StringView webSocket{"/ws"};
inline constexpr QLatin1StringView rooms{"/api/rooms"};
inline constexpr QLatin1StringView online{"/api/online"};
inline constexpr QLatin1StringView openApi{"/api/openapi.json"};
inline constexpr QLatin1StringView registerAccount{"/api/register"};
inline constexpr QLatin1StringView login{"/api/login"};
inline constexpr QLatin1StringView invitations{"/api/invites"};
inline constexpr QLatin1StringView users{"/api/users"};
inline constexpr QLatin1StringView health{"/health"};
inline constexpr QLatin1StringView stats{"/stats"};
inline constexpr QLatin1StringView metrics{"/metrics"};
inline constexpr QLatin1StringView messagesSuffix{"messages"};
inline constexpr QLatin1StringView membersSuffix{"members"};
} // namespace path

/// Query parameters of the WebSocket path.
namespace query {
inline constexpr QLatin1StringView room{"room"};
inline constexpr QLatin1StringView user{"user"};
} // namespace query

constexpr int defaultHistoryPage = 50;
constexpr int maxHistoryPage = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Client to server

struct Hello
{
    QString user;
};
struct Join
{
    QString room;
    std::optional<int> lastN;
    std::optional<quint64> sinceSeq;
};
struct Leave
{
    QString room;
};
struct Send
{
    QString room;
    QString content;
    QString clientId;
};
struct Typing
{
    QString room;
    bool active = true;
};
struct HistoryRequest
{
    QString room;
    std::optional<quint64> before;
    int limit = defaultHistoryPage;
};
struct Ping
{};
/// Opens (creating on first use) the private room of this user and @p user.
struct Direct
{
    QString user;
};
/// Creates an invite-only group room owned by the sender, who joins it.
struct CreateGroup
{
    QString room;
};
struct Invite
{
    QString room;
    QString user;
};
struct AnswerInvite
{
    QString room;
    bool accept = true;
};
/// Removes @p user from a group (the owner or an admin), or the sender themselves (leaving the group).
struct RemoveMember
{
    QString room;
    QString user;
};

/// What a server admin does to a user: kick (close their connections), ban or unban.
struct Moderate
{
    enum class Action
    {
        Kick,
        Ban,
        Unban,
    };
    Action action = Action::Kick;
    QString user;
};

/// A server admin deletes a room and its history.
struct DeleteRoom
{
    QString room;
};

using Request = std::variant<Hello, Join, Leave, Send, Typing, HistoryRequest, Ping, Direct, CreateGroup, Invite,
                             AnswerInvite, RemoveMember, Moderate, DeleteRoom>;

struct ParsedRequest
{
    QString requestId;
    Request request;
};

struct ProtocolError
{
    ErrorCode code;
    QString message;
    QString requestId;
};

struct Limits
{
    int maxContentBytes = 4096;
    int maxClientIdLength = 128;
    int maxRequestIdLength = 128;
};

/// Parses a typed-dialect text frame (UTF-8 already checked by the transport).
std::variant<ParsedRequest, ProtocolError> parseRequest(const QByteArray &utf8, const Limits &limits);

/**
 * Parses a simple-dialect (seed) text frame: a JSON object with a string `content`, or any other text,
 * which is the content itself. Other fields (user, room, timestamp) are ignored.
 */
std::variant<QString, ProtocolError> parseSimpleContent(const QByteArray &utf8, const Limits &limits);

// ---------------------------------------------------------------------------------------------------------------
// Server to client: each builder returns the compact JSON text of one frame.

struct WelcomeInfo
{
    QString user;
    QString serverName;
    int maxContentBytes = 0;
};

struct JoinedInfo
{
    QString requestId;
    QString room;
    QStringList members;
    quint64 lastSeq = 0;
    QList<ChatMessage> messages;  ///< Replay (last_n or since_seq).
    std::optional<bool> complete; ///< With since_seq: whether every message after it could be replayed.
    QString kind;                 ///< "direct" or "group" for private rooms; empty (left out) for public ones.
    QString peer;                 ///< Direct rooms: the other person.
    QString owner;                ///< Groups: who may invite and remove.
};

QByteArray welcomeFrame(const WelcomeInfo &info);
QByteArray joinedFrame(const JoinedInfo &info);
QByteArray leftFrame(const QString &requestId, const QString &room);
/// The one frame both dialects receive for a posted message: the seed's fields plus type, seq and id.
QByteArray messageFrame(const ChatMessage &message);
QByteArray ackFrame(const QString &requestId, const ChatMessage &message, bool duplicate);
QByteArray memberFrame(bool joinedRoom, const QString &room, const QString &user);
QByteArray typingFrame(const QString &room, const QString &user, bool active);
QByteArray historyFrame(const QString &requestId, const QString &room, const QList<ChatMessage> &messages,
                        bool hasMore);
QByteArray pongFrame(const QString &requestId, qint64 timestamp);
QByteArray roomClosedFrame(const QString &room);
/// To the other person of a direct room someone opened: join @p room to see the conversation.
QByteArray directOpenedFrame(const QString &room, const QString &peer);
/// To the inviter (with @p requestId) and to the invitee (without).
QByteArray invitedFrame(const QString &requestId, const QString &room, const QString &user, const QString &by);
QByteArray inviteDeclinedFrame(const QString &requestId, const QString &room, const QString &user);
/// To whoever removed (with @p requestId) and to the removed user's connections (without).
QByteArray memberRemovedFrame(const QString &requestId, const QString &room, const QString &user, const QString &by);
/// The answer to a kick, ban or unban: @p action is "kick", "ban" or "unban".
QByteArray moderatedFrame(const QString &requestId, const QString &user, QLatin1StringView action);
/// The answer to delete_room (members of the room get room_closed).
QByteArray roomDeletedFrame(const QString &requestId, const QString &room);
QByteArray errorFrame(const ProtocolError &error);

QJsonArray messagesToJson(const QList<ChatMessage> &messages);

} // namespace natter::protocol
