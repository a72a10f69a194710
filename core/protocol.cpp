#include "protocol.h"

#include "names.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <cmath>

namespace natter::protocol {

namespace {

struct CodeName
{
    ErrorCode code;
    QLatin1StringView name;
};

constexpr std::array codeNames{
    CodeName{ErrorCode::InvalidFormat, QLatin1StringView{"INVALID_FORMAT"}},
    CodeName{ErrorCode::UnknownType, QLatin1StringView{"UNKNOWN_TYPE"}},
    CodeName{ErrorCode::InvalidRoom, QLatin1StringView{"INVALID_ROOM"}},
    CodeName{ErrorCode::NotInRoom, QLatin1StringView{"NOT_IN_ROOM"}},
    CodeName{ErrorCode::MessageTooLarge, QLatin1StringView{"MESSAGE_TOO_LARGE"}},
    CodeName{ErrorCode::RateLimited, QLatin1StringView{"RATE_LIMITED"}},
    CodeName{ErrorCode::InvalidPayload, QLatin1StringView{"INVALID_PAYLOAD"}},
    CodeName{ErrorCode::HelloRequired, QLatin1StringView{"HELLO_REQUIRED"}},
    CodeName{ErrorCode::InvalidUser, QLatin1StringView{"INVALID_USER"}},
    CodeName{ErrorCode::RoomLimit, QLatin1StringView{"ROOM_LIMIT"}},
    CodeName{ErrorCode::TooManyRooms, QLatin1StringView{"TOO_MANY_ROOMS"}},
    CodeName{ErrorCode::Busy, QLatin1StringView{"BUSY"}},
    CodeName{ErrorCode::StorageUnavailable, QLatin1StringView{"STORAGE_UNAVAILABLE"}},
    CodeName{ErrorCode::NameTaken, QLatin1StringView{"NAME_TAKEN"}},
    CodeName{ErrorCode::NotAMember, QLatin1StringView{"NOT_A_MEMBER"}},
    CodeName{ErrorCode::AccountsRequired, QLatin1StringView{"ACCOUNTS_REQUIRED"}},
    CodeName{ErrorCode::NoSuchUser, QLatin1StringView{"NO_SUCH_USER"}},
    CodeName{ErrorCode::Forbidden, QLatin1StringView{"FORBIDDEN"}},
};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// Reads an optional non-negative integer field; fails on any other JSON type or a fraction.
bool readCount(const QJsonObject &object, QLatin1StringView key, double max, std::optional<double> &out)
{
    const auto value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    if (number < 0 || number > max || std::floor(number) != number)
        return false;
    out = number;
    return true;
}

// The largest integer a JSON number (IEEE double) holds exactly.
constexpr double maxJsonInteger = 9007199254740991.0;

class RequestReader
{
public:
    RequestReader(const QJsonObject &object, QString requestId)
        : m_object(object)
        , m_requestId(std::move(requestId))
    {}

    ProtocolError error(ErrorCode code, QString message) const { return {code, std::move(message), m_requestId}; }

    std::variant<QString, ProtocolError> room() const
    {
        const auto value = m_object.value(field::room);
        if (!value.isString())
            return error(ErrorCode::InvalidPayload, QStringLiteral("'room' must be a string"));
        QString name = value.toString();
        if (!names::isValidRoomName(name))
            return error(ErrorCode::InvalidRoom, names::roomNameRule());
        return name;
    }

    const QJsonObject &object() const { return m_object; }
    const QString &requestId() const { return m_requestId; }

private:
    const QJsonObject &m_object;
    QString m_requestId;
};

std::variant<ParsedRequest, ProtocolError> parseTyped(const RequestReader &reader, const QString &type,
                                                      const Limits &limits)
{
    const auto &object = reader.object();
    auto done = [&](Request request) -> std::variant<ParsedRequest, ProtocolError> {
        return ParsedRequest{reader.requestId(), std::move(request)};
    };
    auto invalid = [&](const char *text) -> std::variant<ParsedRequest, ProtocolError> {
        return reader.error(ErrorCode::InvalidPayload, QString::fromLatin1(text));
    };

    if (type == type::ping)
        return done(Ping{});

    if (type == type::hello) {
        const auto user = object.value(field::user);
        if (!user.isString())
            return invalid("'user' must be a string");
        if (!names::isValidUserName(user.toString()))
            return reader.error(ErrorCode::InvalidUser, names::userNameRule());
        return done(Hello{user.toString()});
    }

    const auto readUser = [&]() -> std::variant<QString, ProtocolError> {
        const auto user = object.value(field::user);
        if (!user.isString())
            return reader.error(ErrorCode::InvalidPayload, QStringLiteral("'user' must be a string"));
        if (!names::isValidUserName(user.toString()))
            return reader.error(ErrorCode::InvalidUser, names::userNameRule());
        return user.toString();
    };
    if (type == type::kick || type == type::ban || type == type::unban) {
        auto user = readUser();
        if (auto *failure = std::get_if<ProtocolError>(&user))
            return *failure;
        const auto action = type == type::kick  ? Moderate::Action::Kick
                            : type == type::ban ? Moderate::Action::Ban
                                                : Moderate::Action::Unban;
        return done(Moderate{action, std::get<QString>(std::move(user))});
    }
    if (type == type::direct) {
        auto user = readUser();
        if (auto *failure = std::get_if<ProtocolError>(&user))
            return *failure;
        return done(Direct{std::get<QString>(std::move(user))});
    }
    if (type == type::deleteRoom) {
        auto room = reader.room();
        if (auto *failure = std::get_if<ProtocolError>(&room))
            return *failure;
        return done(DeleteRoom{std::get<QString>(std::move(room))});
    }
    const bool membership = type == type::createGroup || type == type::invite || type == type::acceptInvite ||
                            type == type::declineInvite || type == type::removeMember;
    if (membership) {
        auto room = reader.room();
        if (auto *failure = std::get_if<ProtocolError>(&room))
            return *failure;
        QString roomName = std::get<QString>(std::move(room));
        if (names::isDirectRoomName(roomName))
            return reader.error(ErrorCode::InvalidRoom, QStringLiteral("a direct conversation is not a group"));
        if (type == type::createGroup)
            return done(CreateGroup{roomName});
        if (type == type::acceptInvite || type == type::declineInvite)
            return done(AnswerInvite{roomName, type == type::acceptInvite});
        auto user = readUser();
        if (auto *failure = std::get_if<ProtocolError>(&user))
            return *failure;
        if (type == type::invite)
            return done(Invite{roomName, std::get<QString>(std::move(user))});
        return done(RemoveMember{roomName, std::get<QString>(std::move(user))});
    }

    const bool known = type == type::join || type == type::leave || type == type::send || type == type::typing ||
                       type == type::history;
    if (!known)
        return reader.error(ErrorCode::UnknownType, QStringLiteral("unknown frame type '%1'").arg(type.left(64)));

    auto room = reader.room();
    if (auto *failure = std::get_if<ProtocolError>(&room))
        return *failure;
    QString roomName = std::get<QString>(std::move(room));

    if (type == type::join) {
        Join join{roomName, {}, {}};
        std::optional<double> lastN, sinceSeq;
        if (!readCount(object, field::lastN, maxHistoryPage, lastN))
            return invalid("'last_n' must be an integer from 0 to 1000");
        if (!readCount(object, field::sinceSeq, maxJsonInteger, sinceSeq))
            return invalid("'since_seq' must be a non-negative integer");
        if (lastN)
            join.lastN = static_cast<int>(*lastN);
        if (sinceSeq)
            join.sinceSeq = static_cast<quint64>(*sinceSeq);
        return done(std::move(join));
    }
    if (type == type::leave)
        return done(Leave{roomName});

    if (type == type::send) {
        const auto content = object.value(field::content);
        if (!content.isString())
            return invalid("'content' must be a string");
        QString text = content.toString();
        if (text.isEmpty())
            return invalid("'content' is empty");
        // JSON can escape half a surrogate pair; UTF-8 cannot carry it, so the stores would keep something else
        // than the room was sent (SQLite even merges it with the next character).
        if (!text.isValidUtf16())
            return invalid("'content' has a \\u escape of half a surrogate pair");
        if (text.size() * 3 > limits.maxContentBytes && text.toUtf8().size() > limits.maxContentBytes)
            return reader.error(ErrorCode::MessageTooLarge,
                                QStringLiteral("content is over %1 bytes").arg(limits.maxContentBytes));
        const auto clientId = object.value(field::clientId);
        if (!clientId.isUndefined() && !clientId.isNull() && !clientId.isString())
            return invalid("'client_id' must be a string");
        QString clientIdText = clientId.toString();
        if (!clientIdText.isValidUtf16())
            return invalid("'client_id' has a \\u escape of half a surrogate pair");
        if (clientIdText.size() > limits.maxClientIdLength)
            return invalid("'client_id' is too long");
        return done(Send{roomName, std::move(text), std::move(clientIdText)});
    }
    if (type == type::typing) {
        const auto active = object.value(field::active);
        if (!active.isUndefined() && !active.isNull() && !active.isBool())
            return invalid("'active' must be true or false");
        return done(Typing{roomName, active.toBool(true)});
    }
    // history
    HistoryRequest request{roomName, {}, defaultHistoryPage};
    std::optional<double> before, limit;
    if (!readCount(object, field::before, maxJsonInteger, before) || (before && *before < 1))
        return invalid("'before' must be a positive integer");
    if (!readCount(object, field::limit, maxHistoryPage, limit) || (limit && *limit < 1))
        return invalid("'limit' must be an integer from 1 to 1000");
    if (before)
        request.before = static_cast<quint64>(*before);
    if (limit)
        request.limit = static_cast<int>(*limit);
    return done(std::move(request));
}

} // namespace

QLatin1StringView errorCodeName(ErrorCode code)
{
    for (const auto &entry : codeNames) {
        if (entry.code == code)
            return entry.name;
    }
    Q_UNREACHABLE();
    return QLatin1StringView{"INVALID_FORMAT"};
}

std::optional<ErrorCode> errorCodeFromName(QStringView name)
{
    for (const auto &entry : codeNames) {
        if (name == entry.name)
            return entry.code;
    }
    return std::nullopt;
}

std::variant<ParsedRequest, ProtocolError> parseRequest(const QByteArray &utf8, const Limits &limits)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return ProtocolError{ErrorCode::InvalidFormat, QStringLiteral("a frame must be a JSON object"), {}};
    const QJsonObject object = document.object();

    QString requestId;
    const auto idValue = object.value(field::requestId);
    if (idValue.isString()) {
        requestId = idValue.toString();
    } else if (idValue.isDouble()) {
        requestId = QString::number(idValue.toDouble(), 'g', 17);
    } else if (!idValue.isUndefined() && !idValue.isNull()) {
        return ProtocolError{ErrorCode::InvalidPayload, QStringLiteral("'request_id' must be a string"), {}};
    }
    if (requestId.size() > limits.maxRequestIdLength)
        return ProtocolError{ErrorCode::InvalidPayload, QStringLiteral("'request_id' is too long"), {}};

    const auto typeValue = object.value(field::type);
    if (!typeValue.isString())
        return ProtocolError{ErrorCode::InvalidPayload, QStringLiteral("'type' must be a string"), requestId};
    return parseTyped(RequestReader(object, requestId), typeValue.toString(), limits);
}

std::variant<QString, ProtocolError> parseSimpleContent(const QByteArray &utf8, const Limits &limits)
{
    QString content;
    const auto trimmed = QByteArrayView(utf8).trimmed();
    const auto document = trimmed.startsWith('{') ? QJsonDocument::fromJson(utf8) : QJsonDocument();
    if (document.isObject()) {
        const auto value = document.object().value(field::content);
        if (!value.isString())
            return ProtocolError{ErrorCode::InvalidPayload, QStringLiteral("'content' must be a string"), {}};
        content = value.toString();
        if (!content.isValidUtf16())
            return ProtocolError{
                ErrorCode::InvalidPayload, QStringLiteral("'content' has a \\u escape of half a surrogate pair"), {}};
    } else {
        content = QString::fromUtf8(utf8);
    }
    if (content.isEmpty())
        return ProtocolError{ErrorCode::InvalidPayload, QStringLiteral("'content' is empty"), {}};
    if (content.size() * 3 > limits.maxContentBytes && content.toUtf8().size() > limits.maxContentBytes)
        return ProtocolError{
            ErrorCode::MessageTooLarge, QStringLiteral("content is over %1 bytes").arg(limits.maxContentBytes), {}};
    return content;
}

QJsonArray messagesToJson(const QList<ChatMessage> &messages)
{
    QJsonArray array;
    for (const auto &message : messages)
        array.append(message.toJson());
    return array;
}

QByteArray welcomeFrame(const WelcomeInfo &info)
{
    return compact({
        {field::type, type::welcome},
        {field::user, info.user},
        {field::server, info.serverName},
        {field::version, QStringLiteral(NATTER_VERSION)},
        {field::protocol, version},
        {field::limits, QJsonObject{{field::maxContentBytes, info.maxContentBytes}}},
    });
}

QByteArray joinedFrame(const JoinedInfo &info)
{
    QJsonObject object{
        {field::type, type::joined},
        {field::room, info.room},
        {field::members, QJsonArray::fromStringList(info.members)},
        {field::lastSeq, static_cast<qint64>(info.lastSeq)},
        {field::messages, messagesToJson(info.messages)},
    };
    if (!info.requestId.isEmpty())
        object.insert(field::requestId, info.requestId);
    if (info.complete)
        object.insert(field::complete, *info.complete);
    if (!info.kind.isEmpty())
        object.insert(field::kind, info.kind);
    if (!info.peer.isEmpty())
        object.insert(field::peer, info.peer);
    if (!info.owner.isEmpty())
        object.insert(field::owner, info.owner);
    return compact(object);
}

QByteArray leftFrame(const QString &requestId, const QString &room)
{
    QJsonObject object{{field::type, type::left}, {field::room, room}};
    if (!requestId.isEmpty())
        object.insert(field::requestId, requestId);
    return compact(object);
}

QByteArray messageFrame(const ChatMessage &message)
{
    QJsonObject object = message.toJson();
    object.insert(field::type, type::message);
    return compact(object);
}

QByteArray ackFrame(const QString &requestId, const ChatMessage &message, bool duplicate)
{
    QJsonObject object{
        {field::type, type::ack}, {field::room, message.room},           {field::seq, static_cast<qint64>(message.seq)},
        {field::id, message.id},  {field::timestamp, message.timestamp},
    };
    if (!requestId.isEmpty())
        object.insert(field::requestId, requestId);
    if (!message.clientId.isEmpty())
        object.insert(field::clientId, message.clientId);
    if (duplicate)
        object.insert(field::duplicate, true);
    return compact(object);
}

QByteArray memberFrame(bool joinedRoom, const QString &room, const QString &user)
{
    return compact({
        {field::type, joinedRoom ? type::memberJoined : type::memberLeft},
        {field::room, room},
        {field::user, user},
    });
}

QByteArray typingFrame(const QString &room, const QString &user, bool active)
{
    return compact({{field::type, type::typing}, {field::room, room}, {field::user, user}, {field::active, active}});
}

QByteArray historyFrame(const QString &requestId, const QString &room, const QList<ChatMessage> &messages, bool hasMore)
{
    QJsonObject object{
        {field::type, type::history},
        {field::room, room},
        {field::messages, messagesToJson(messages)},
        {field::hasMore, hasMore},
    };
    if (!requestId.isEmpty())
        object.insert(field::requestId, requestId);
    return compact(object);
}

QByteArray pongFrame(const QString &requestId, qint64 timestamp)
{
    QJsonObject object{{field::type, type::pong}, {field::timestamp, timestamp}};
    if (!requestId.isEmpty())
        object.insert(field::requestId, requestId);
    return compact(object);
}

QByteArray roomClosedFrame(const QString &room)
{
    return compact({{field::type, type::roomClosed}, {field::room, room}});
}

QByteArray directOpenedFrame(const QString &room, const QString &peer)
{
    return compact({{field::type, type::directOpened}, {field::room, room}, {field::peer, peer}});
}

namespace {
QByteArray withRequestId(QJsonObject object, const QString &requestId)
{
    if (!requestId.isEmpty())
        object.insert(field::requestId, requestId);
    return compact(object);
}
} // namespace

QByteArray invitedFrame(const QString &requestId, const QString &room, const QString &user, const QString &by)
{
    return withRequestId({{field::type, type::invited}, {field::room, room}, {field::user, user}, {field::by, by}},
                         requestId);
}

QByteArray inviteDeclinedFrame(const QString &requestId, const QString &room, const QString &user)
{
    return withRequestId({{field::type, type::inviteDeclined}, {field::room, room}, {field::user, user}}, requestId);
}

QByteArray memberRemovedFrame(const QString &requestId, const QString &room, const QString &user, const QString &by)
{
    return withRequestId(
        {{field::type, type::memberRemoved}, {field::room, room}, {field::user, user}, {field::by, by}}, requestId);
}

QByteArray moderatedFrame(const QString &requestId, const QString &user, QLatin1StringView action)
{
    return withRequestId({{field::type, type::moderated}, {field::user, user}, {field::action, action}}, requestId);
}

QByteArray roomDeletedFrame(const QString &requestId, const QString &room)
{
    return withRequestId({{field::type, type::roomDeleted}, {field::room, room}}, requestId);
}

QByteArray errorFrame(const ProtocolError &error)
{
    QJsonObject object{
        {field::type, type::error},
        {field::code, errorCodeName(error.code)},
        {field::message, error.message},
    };
    if (!error.requestId.isEmpty())
        object.insert(field::requestId, error.requestId);
    return compact(object);
}

} // namespace natter::protocol
