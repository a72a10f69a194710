// Fuzz target: the typed-protocol parser (protocol::parseRequest) and the simple dialect (parseSimpleContent).
//
// Input: byte 0 picks the limits (content bytes, client id and request id lengths); the rest is one text frame.
//
// Checked besides "no crash, no sanitizer report":
//  - parseRequest gives either an error with a known code and a message, or a request whose every field obeys
//    the protocol's rules (valid names, counts in range, content within the limit, ids within their lengths,
//    content and client id that survive UTF-8);
//  - an accepted request written back as JSON parses to the same request;
//  - the frames the server would answer with (error, message, ack) are JSON objects in valid UTF-8;
//  - parseSimpleContent gives an error or non-empty content within the limit that survives UTF-8.
#include "fuzzcheck.h"
#include "names.h"
#include "protocol.h"
#include "utf8.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>

using namespace natter;
using namespace natter::protocol;

namespace {

constexpr quint64 maxJsonInteger = 9007199254740991ULL;

QJsonObject checkedObject(const QByteArray &frame)
{
    FUZZ_CHECK(isValidUtf8(frame));
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(frame, &error);
    FUZZ_CHECK(error.error == QJsonParseError::NoError && document.isObject());
    return document.object();
}

void checkError(const ProtocolError &error, const Limits &limits)
{
    FUZZ_CHECK(errorCodeFromName(QString(errorCodeName(error.code))) == error.code);
    FUZZ_CHECK(!error.message.isEmpty());
    FUZZ_CHECK(error.requestId.size() <= limits.maxRequestIdLength);
    const QJsonObject frame = checkedObject(errorFrame(error));
    FUZZ_CHECK(frame.value(field::type).toString() == type::error);
    FUZZ_CHECK(frame.value(field::code).toString() == errorCodeName(error.code));
    FUZZ_CHECK(frame.value(field::requestId).toString() == error.requestId);
}

/// Text the server stores and relays must survive UTF-8, the encoding of the frames, the stores and the client.
bool survivesUtf8(const QString &text)
{
    return QString::fromUtf8(text.toUtf8()) == text;
}

bool validSeq(quint64 seq)
{
    return seq <= maxJsonInteger;
}

/// Checks the fields of an accepted request and writes it back as the JSON a client would send.
QJsonObject checkRequest(const ParsedRequest &parsed, const Limits &limits)
{
    FUZZ_CHECK(parsed.requestId.size() <= limits.maxRequestIdLength);
    QJsonObject object;
    if (!parsed.requestId.isEmpty())
        object.insert(field::requestId, parsed.requestId);

    if (const auto *hello = std::get_if<Hello>(&parsed.request)) {
        FUZZ_CHECK(names::isValidUserName(hello->user));
        object.insert(field::type, type::hello);
        object.insert(field::user, hello->user);
    } else if (const auto *join = std::get_if<Join>(&parsed.request)) {
        FUZZ_CHECK(names::isValidRoomName(join->room));
        FUZZ_CHECK(!join->lastN || (*join->lastN >= 0 && *join->lastN <= maxHistoryPage));
        FUZZ_CHECK(!join->sinceSeq || validSeq(*join->sinceSeq));
        object.insert(field::type, type::join);
        object.insert(field::room, join->room);
        if (join->lastN)
            object.insert(field::lastN, *join->lastN);
        if (join->sinceSeq)
            object.insert(field::sinceSeq, qint64(*join->sinceSeq));
    } else if (const auto *leave = std::get_if<Leave>(&parsed.request)) {
        FUZZ_CHECK(names::isValidRoomName(leave->room));
        object.insert(field::type, type::leave);
        object.insert(field::room, leave->room);
    } else if (const auto *send = std::get_if<Send>(&parsed.request)) {
        FUZZ_CHECK(names::isValidRoomName(send->room));
        FUZZ_CHECK(!send->content.isEmpty());
        FUZZ_CHECK(send->content.toUtf8().size() <= limits.maxContentBytes);
        FUZZ_CHECK(send->clientId.size() <= limits.maxClientIdLength);
        FUZZ_CHECK(survivesUtf8(send->content) && survivesUtf8(send->clientId));
        object.insert(field::type, type::send);
        object.insert(field::room, send->room);
        object.insert(field::content, send->content);
        if (!send->clientId.isEmpty())
            object.insert(field::clientId, send->clientId);

        // What the room's members and the sender receive for it.
        ChatMessage message;
        message.seq = 1;
        message.id = QStringLiteral("00000000-0000-0000-0000-000000000001");
        message.room = send->room;
        message.user = QStringLiteral("fuzz");
        message.content = send->content;
        message.timestamp = 1;
        message.clientId = send->clientId;
        const QJsonObject broadcast = checkedObject(messageFrame(message));
        FUZZ_CHECK(ChatMessage::fromJson(broadcast) == message);
        checkedObject(ackFrame(parsed.requestId, message, false));
    } else if (const auto *typing = std::get_if<Typing>(&parsed.request)) {
        FUZZ_CHECK(names::isValidRoomName(typing->room));
        object.insert(field::type, type::typing);
        object.insert(field::room, typing->room);
        object.insert(field::active, typing->active);
    } else if (const auto *history = std::get_if<HistoryRequest>(&parsed.request)) {
        FUZZ_CHECK(names::isValidRoomName(history->room));
        FUZZ_CHECK(!history->before || (*history->before >= 1 && validSeq(*history->before)));
        FUZZ_CHECK(history->limit >= 1 && history->limit <= maxHistoryPage);
        object.insert(field::type, type::history);
        object.insert(field::room, history->room);
        if (history->before)
            object.insert(field::before, qint64(*history->before));
        object.insert(field::limit, history->limit);
    } else if (const auto *direct = std::get_if<Direct>(&parsed.request)) {
        FUZZ_CHECK(names::isValidUserName(direct->user));
        object.insert(field::type, type::direct);
        object.insert(field::user, direct->user);
    } else if (const auto *group = std::get_if<CreateGroup>(&parsed.request)) {
        FUZZ_CHECK(names::isValidRoomName(group->room) && !names::isDirectRoomName(group->room));
        object.insert(field::type, type::createGroup);
        object.insert(field::room, group->room);
    } else if (const auto *invite = std::get_if<Invite>(&parsed.request)) {
        FUZZ_CHECK(names::isValidRoomName(invite->room) && !names::isDirectRoomName(invite->room));
        FUZZ_CHECK(names::isValidUserName(invite->user));
        object.insert(field::type, type::invite);
        object.insert(field::room, invite->room);
        object.insert(field::user, invite->user);
    } else if (const auto *answer = std::get_if<AnswerInvite>(&parsed.request)) {
        FUZZ_CHECK(names::isValidRoomName(answer->room) && !names::isDirectRoomName(answer->room));
        object.insert(field::type, answer->accept ? type::acceptInvite : type::declineInvite);
        object.insert(field::room, answer->room);
    } else if (const auto *removal = std::get_if<RemoveMember>(&parsed.request)) {
        FUZZ_CHECK(names::isValidRoomName(removal->room) && !names::isDirectRoomName(removal->room));
        FUZZ_CHECK(names::isValidUserName(removal->user));
        object.insert(field::type, type::removeMember);
        object.insert(field::room, removal->room);
        object.insert(field::user, removal->user);
    } else if (const auto *moderation = std::get_if<Moderate>(&parsed.request)) {
        FUZZ_CHECK(names::isValidUserName(moderation->user));
        object.insert(field::type, moderation->action == Moderate::Action::Kick  ? type::kick
                                   : moderation->action == Moderate::Action::Ban ? type::ban
                                                                                 : type::unban);
        object.insert(field::user, moderation->user);
    } else if (const auto *deletion = std::get_if<DeleteRoom>(&parsed.request)) {
        FUZZ_CHECK(names::isValidRoomName(deletion->room));
        object.insert(field::type, type::deleteRoom);
        object.insert(field::room, deletion->room);
    } else {
        FUZZ_CHECK(std::holds_alternative<Ping>(parsed.request));
        object.insert(field::type, type::ping);
    }
    return object;
}

bool sameRequest(const ParsedRequest &a, const ParsedRequest &b)
{
    if (a.requestId != b.requestId || a.request.index() != b.request.index())
        return false;
    if (const auto *x = std::get_if<Hello>(&a.request))
        return x->user == std::get<Hello>(b.request).user;
    if (const auto *x = std::get_if<Join>(&a.request)) {
        const auto &y = std::get<Join>(b.request);
        return x->room == y.room && x->lastN == y.lastN && x->sinceSeq == y.sinceSeq;
    }
    if (const auto *x = std::get_if<Leave>(&a.request))
        return x->room == std::get<Leave>(b.request).room;
    if (const auto *x = std::get_if<Send>(&a.request)) {
        const auto &y = std::get<Send>(b.request);
        return x->room == y.room && x->content == y.content && x->clientId == y.clientId;
    }
    if (const auto *x = std::get_if<Typing>(&a.request)) {
        const auto &y = std::get<Typing>(b.request);
        return x->room == y.room && x->active == y.active;
    }
    if (const auto *x = std::get_if<HistoryRequest>(&a.request)) {
        const auto &y = std::get<HistoryRequest>(b.request);
        return x->room == y.room && x->before == y.before && x->limit == y.limit;
    }
    if (const auto *x = std::get_if<Direct>(&a.request))
        return x->user == std::get<Direct>(b.request).user;
    if (const auto *x = std::get_if<CreateGroup>(&a.request))
        return x->room == std::get<CreateGroup>(b.request).room;
    if (const auto *x = std::get_if<Invite>(&a.request)) {
        const auto &y = std::get<Invite>(b.request);
        return x->room == y.room && x->user == y.user;
    }
    if (const auto *x = std::get_if<AnswerInvite>(&a.request)) {
        const auto &y = std::get<AnswerInvite>(b.request);
        return x->room == y.room && x->accept == y.accept;
    }
    if (const auto *x = std::get_if<RemoveMember>(&a.request)) {
        const auto &y = std::get<RemoveMember>(b.request);
        return x->room == y.room && x->user == y.user;
    }
    if (const auto *x = std::get_if<Moderate>(&a.request)) {
        const auto &y = std::get<Moderate>(b.request);
        return x->action == y.action && x->user == y.user;
    }
    if (const auto *x = std::get_if<DeleteRoom>(&a.request))
        return x->room == std::get<DeleteRoom>(b.request).room;
    return true; // Ping
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    constexpr std::array contentLimits{4096, 1, 16, 200};
    Limits limits;
    limits.maxContentBytes = contentLimits[data[0] & 3];
    limits.maxClientIdLength = data[0] & 4 ? 4 : 128;
    limits.maxRequestIdLength = data[0] & 8 ? 4 : 128;
    const QByteArray frame(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const auto typed = parseRequest(frame, limits);
    if (const auto *error = std::get_if<ProtocolError>(&typed)) {
        checkError(*error, limits);
    } else {
        const auto &parsed = std::get<ParsedRequest>(typed);
        const QByteArray again = QJsonDocument(checkRequest(parsed, limits)).toJson(QJsonDocument::Compact);
        const auto reparsed = parseRequest(again, limits);
        FUZZ_CHECK(std::holds_alternative<ParsedRequest>(reparsed));
        FUZZ_CHECK(sameRequest(parsed, std::get<ParsedRequest>(reparsed)));
    }

    const auto simple = parseSimpleContent(frame, limits);
    if (const auto *error = std::get_if<ProtocolError>(&simple)) {
        FUZZ_CHECK(error->code == ErrorCode::InvalidPayload || error->code == ErrorCode::MessageTooLarge);
        checkError(*error, limits);
    } else {
        const auto &content = std::get<QString>(simple);
        FUZZ_CHECK(!content.isEmpty());
        FUZZ_CHECK(content.toUtf8().size() <= limits.maxContentBytes);
        FUZZ_CHECK(survivesUtf8(content));
    }
    return 0;
}
