#include "protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
namespace proto = natter::protocol;
using natter::ChatMessage;
using proto::ErrorCode;

namespace {

using ParseResult = std::variant<proto::ParsedRequest, proto::ProtocolError>;
using SimpleResult = std::variant<QString, proto::ProtocolError>;

constexpr ErrorCode lastErrorCode = ErrorCode::TooManyRooms;

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// The JSON object of a built frame; empty when the frame is not one.
QJsonObject objectOf(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).object();
}

QString codeName(ErrorCode code)
{
    return QString(proto::errorCodeName(code));
}

QByteArray describe(const proto::ProtocolError &error)
{
    return "error " + codeName(error.code).toUtf8() + " (" + error.message.toUtf8() + "), request id '" +
           error.requestId.toUtf8() + "'";
}

QByteArray describe(const ParseResult &result)
{
    if (const auto *error = std::get_if<proto::ProtocolError>(&result))
        return describe(*error);
    const auto &parsed = std::get<proto::ParsedRequest>(result);
    return "request of variant index " + QByteArray::number(qsizetype(parsed.request.index())) + ", request id '" +
           parsed.requestId.toUtf8() + "'";
}

QByteArray describe(const SimpleResult &result)
{
    if (const auto *error = std::get_if<proto::ProtocolError>(&result))
        return describe(*error);
    return "content '" + std::get<QString>(result).left(40).toUtf8() + "'";
}

/// The request of type T in @p result, or nullptr when it is an error or another request.
template <typename T> const T *requestOf(const ParseResult &result)
{
    const auto *parsed = std::get_if<proto::ParsedRequest>(&result);
    return parsed ? std::get_if<T>(&parsed->request) : nullptr;
}

QString requestIdOf(const ParseResult &result)
{
    const auto *parsed = std::get_if<proto::ParsedRequest>(&result);
    return parsed ? parsed->requestId : QString();
}

ChatMessage message(quint64 seq, const QString &clientId = {})
{
    return ChatMessage{seq,
                       QStringLiteral("id-%1").arg(seq),
                       u"general"_s,
                       u"ada"_s,
                       QStringLiteral("h\u00E9llo %1 \U0001F389").arg(seq),
                       1'700'000'000'000 + qint64(seq),
                       clientId};
}

QList<ChatMessage> messagesFromArray(const QJsonArray &array)
{
    QList<ChatMessage> messages;
    for (const auto &value : array) {
        const auto parsed = ChatMessage::fromJson(value.toObject());
        if (parsed)
            messages.append(*parsed);
    }
    return messages;
}

QList<ChatMessage> sampleMessages(int count)
{
    QList<ChatMessage> messages;
    for (int i = 1; i <= count; ++i)
        messages.append(message(quint64(i), i % 2 ? QStringLiteral("c%1").arg(i) : QString()));
    return messages;
}

QJsonValue jsonRepeat(QStringView text, qsizetype count)
{
    return text.toString().repeated(count);
}

void addContentLimitRows()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<bool>("tooLarge");

    const QString eAcute = u"\u00E9"_s;    // 2 bytes, 1 UTF-16 unit
    const QString cjk = u"\u4E2D"_s;       // 3 bytes, 1 unit
    const QString emoji = u"\U0001F600"_s; // 4 bytes, 2 units

    QTest::addRow("4096 ascii bytes") << QString(4096, u'a') << 4096 << false;
    QTest::addRow("4097 ascii bytes") << QString(4097, u'a') << 4096 << true;
    QTest::addRow("1366 ascii chars") << QString(1366, u'a') << 4096 << false;
    QTest::addRow("2048 e-acute = 4096 bytes") << eAcute.repeated(2048) << 4096 << false;
    QTest::addRow("2048 e-acute + a = 4097 bytes") << eAcute.repeated(2048) + u"a"_s << 4096 << true;
    QTest::addRow("2049 e-acute = 4098 bytes") << eAcute.repeated(2049) << 4096 << true;
    QTest::addRow("1365 CJK = 4095 bytes") << cjk.repeated(1365) << 4096 << false;
    QTest::addRow("1365 CJK + a = 4096 bytes") << cjk.repeated(1365) + u"a"_s << 4096 << false;
    QTest::addRow("1365 CJK + ab = 4097 bytes") << cjk.repeated(1365) + u"ab"_s << 4096 << true;
    QTest::addRow("1366 CJK = 4098 bytes") << cjk.repeated(1366) << 4096 << true;
    QTest::addRow("1024 emoji = 4096 bytes") << emoji.repeated(1024) << 4096 << false;
    QTest::addRow("1024 emoji + a = 4097 bytes") << emoji.repeated(1024) + u"a"_s << 4096 << true;
    QTest::addRow("limit 10, 10 bytes") << u"0123456789"_s << 10 << false;
    QTest::addRow("limit 10, 11 bytes") << u"0123456789a"_s << 10 << true;
    QTest::addRow("limit 10, 5 e-acute") << eAcute.repeated(5) << 10 << false;
    QTest::addRow("limit 10, 5 e-acute + a") << eAcute.repeated(5) + u"a"_s << 10 << true;
    QTest::addRow("limit 4, one emoji") << emoji << 4 << false;
    QTest::addRow("limit 3, one emoji") << emoji << 3 << true;
    QTest::addRow("limit 1, a") << u"a"_s << 1 << false;
    QTest::addRow("limit 1, e-acute") << eAcute << 1 << true;
}

} // namespace

class tst_Protocol : public QObject
{
    Q_OBJECT

private slots:
    // Error codes
    void errorCodeNames_data();
    void errorCodeNames();
    void errorCodeRoundTripEveryCode();
    void errorCodeFromUnknownName_data();
    void errorCodeFromUnknownName();

    // Server to client frames
    void welcomeFrame();
    void joinedFrame_data();
    void joinedFrame();
    void leftFrame_data();
    void leftFrame();
    void messageFrame_data();
    void messageFrame();
    void ackFrame_data();
    void ackFrame();
    void memberFrame_data();
    void memberFrame();
    void typingFrame_data();
    void typingFrame();
    void historyFrame_data();
    void historyFrame();
    void pongFrame_data();
    void pongFrame();
    void roomClosedFrame();
    void errorFrame_data();
    void errorFrame();
    void messagesToJson();

    // Client to server: valid requests
    void parsePing_data();
    void parsePing();
    void parseHello_data();
    void parseHello();
    void parseJoin_data();
    void parseJoin();
    void parseLeave_data();
    void parseLeave();
    void parseSend_data();
    void parseSend();
    void parseTyping_data();
    void parseTyping();
    void parseHistory_data();
    void parseHistory();
    void parseRequestId_data();
    void parseRequestId();

    // Client to server: rejections
    void parseRejected_data();
    void parseRejected();
    void sendContentByteLimit_data();
    void sendContentByteLimit();
    void customIdLimits();
    void rejectionBecomesErrorFrame();

    // Simple dialect
    void parseSimpleContent_data();
    void parseSimpleContent();
    void simpleContentByteLimit_data();
    void simpleContentByteLimit();
};

// ---------------------------------------------------------------------------------------------------------------
// Error codes

void tst_Protocol::errorCodeNames_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("name");

    QTest::addRow("InvalidFormat") << int(ErrorCode::InvalidFormat) << u"INVALID_FORMAT"_s;
    QTest::addRow("UnknownType") << int(ErrorCode::UnknownType) << u"UNKNOWN_TYPE"_s;
    QTest::addRow("InvalidRoom") << int(ErrorCode::InvalidRoom) << u"INVALID_ROOM"_s;
    QTest::addRow("NotInRoom") << int(ErrorCode::NotInRoom) << u"NOT_IN_ROOM"_s;
    QTest::addRow("MessageTooLarge") << int(ErrorCode::MessageTooLarge) << u"MESSAGE_TOO_LARGE"_s;
    QTest::addRow("RateLimited") << int(ErrorCode::RateLimited) << u"RATE_LIMITED"_s;
    QTest::addRow("InvalidPayload") << int(ErrorCode::InvalidPayload) << u"INVALID_PAYLOAD"_s;
    QTest::addRow("HelloRequired") << int(ErrorCode::HelloRequired) << u"HELLO_REQUIRED"_s;
    QTest::addRow("InvalidUser") << int(ErrorCode::InvalidUser) << u"INVALID_USER"_s;
    QTest::addRow("RoomLimit") << int(ErrorCode::RoomLimit) << u"ROOM_LIMIT"_s;
    QTest::addRow("TooManyRooms") << int(ErrorCode::TooManyRooms) << u"TOO_MANY_ROOMS"_s;
}

void tst_Protocol::errorCodeNames()
{
    QFETCH(int, code);
    QFETCH(QString, name);

    QCOMPARE(codeName(ErrorCode(code)), name);
    const auto back = proto::errorCodeFromName(name);
    QVERIFY(back);
    QCOMPARE(int(*back), code);
}

void tst_Protocol::errorCodeRoundTripEveryCode()
{
    QStringList seen;
    for (int i = 0; i <= int(lastErrorCode); ++i) {
        const auto code = ErrorCode(i);
        const QString name = codeName(code);
        QVERIFY2(!name.isEmpty(), QByteArray::number(i).constData());
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.append(name);
        const auto back = proto::errorCodeFromName(name);
        QVERIFY2(back, qPrintable(name));
        QCOMPARE(*back, code);
    }
    QCOMPARE(seen.size(), 11);
}

void tst_Protocol::errorCodeFromUnknownName_data()
{
    QTest::addColumn<QString>("name");

    QTest::addRow("empty") << QString();
    QTest::addRow("lower case") << u"invalid_format"_s;
    QTest::addRow("unknown") << u"NOPE"_s;
    QTest::addRow("trailing space") << u"INVALID_FORMAT "_s;
    QTest::addRow("leading space") << u" INVALID_FORMAT"_s;
    QTest::addRow("prefix") << u"INVALID"_s;
    QTest::addRow("enum spelling") << u"InvalidFormat"_s;
}

void tst_Protocol::errorCodeFromUnknownName()
{
    QFETCH(QString, name);
    QVERIFY(!proto::errorCodeFromName(name));
}

// ---------------------------------------------------------------------------------------------------------------
// Server to client frames

void tst_Protocol::welcomeFrame()
{
    const QByteArray frame = proto::welcomeFrame({u"Ada Lovelace"_s, u"natter.example"_s, 4096});
    QVERIFY(!frame.contains('\n'));
    const QJsonObject object = objectOf(frame);
    QCOMPARE(object.value(u"type"_s).toString(), u"welcome"_s);
    QCOMPARE(object.value(u"user"_s).toString(), u"Ada Lovelace"_s);
    QCOMPARE(object.value(u"server"_s).toString(), u"natter.example"_s);
    QCOMPARE(object.value(u"version"_s).toString(), QStringLiteral(NATTER_VERSION));
    QCOMPARE(object.value(u"protocol"_s).toInt(), proto::version);
    QCOMPARE(object.value(u"limits"_s).toObject().value(u"max_content_bytes"_s).toInt(), 4096);
    QVERIFY(!object.contains(u"request_id"_s));
}

void tst_Protocol::joinedFrame_data()
{
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<int>("complete"); // -1: not given
    QTest::addColumn<int>("messageCount");

    QTest::addRow("plain") << QString() << -1 << 0;
    QTest::addRow("with request id and replay") << u"j1"_s << -1 << 3;
    QTest::addRow("since_seq, complete") << u"j2"_s << 1 << 2;
    QTest::addRow("since_seq, incomplete") << QString() << 0 << 5;
}

void tst_Protocol::joinedFrame()
{
    QFETCH(QString, requestId);
    QFETCH(int, complete);
    QFETCH(int, messageCount);

    proto::JoinedInfo info;
    info.requestId = requestId;
    info.room = u"general"_s;
    info.members = QStringList{u"Ada"_s, u"bob"_s, u"\u65E5\u672C"_s};
    info.lastSeq = 42;
    info.messages = sampleMessages(messageCount);
    if (complete >= 0)
        info.complete = complete == 1;

    const QJsonObject object = objectOf(proto::joinedFrame(info));
    QCOMPARE(object.value(u"type"_s).toString(), u"joined"_s);
    QCOMPARE(object.value(u"room"_s).toString(), u"general"_s);
    QCOMPARE(object.value(u"last_seq"_s).toInteger(), 42);
    QCOMPARE(object.value(u"members"_s).toVariant().toStringList(), info.members);
    QVERIFY(object.value(u"messages"_s).isArray());
    QCOMPARE(messagesFromArray(object.value(u"messages"_s).toArray()), info.messages);
    QCOMPARE(object.contains(u"request_id"_s), !requestId.isEmpty());
    QCOMPARE(object.value(u"request_id"_s).toString(), requestId);
    QCOMPARE(object.contains(u"complete"_s), complete >= 0);
    if (complete >= 0)
        QCOMPARE(object.value(u"complete"_s), QJsonValue(complete == 1));
}

void tst_Protocol::leftFrame_data()
{
    QTest::addColumn<QString>("requestId");
    QTest::addRow("without request id") << QString();
    QTest::addRow("with request id") << u"l-1"_s;
}

void tst_Protocol::leftFrame()
{
    QFETCH(QString, requestId);
    const QJsonObject object = objectOf(proto::leftFrame(requestId, u"caf\u00E9"_s));
    QCOMPARE(object.value(u"type"_s).toString(), u"left"_s);
    QCOMPARE(object.value(u"room"_s).toString(), u"caf\u00E9"_s);
    QCOMPARE(object.contains(u"request_id"_s), !requestId.isEmpty());
    QCOMPARE(object.value(u"request_id"_s).toString(), requestId);
    QCOMPARE(object.size(), requestId.isEmpty() ? 2 : 3);
}

void tst_Protocol::messageFrame_data()
{
    QTest::addColumn<ChatMessage>("sent");
    QTest::addRow("without client id") << message(1);
    QTest::addRow("with client id") << message(2, u"c-2"_s);
    QTest::addRow("special characters") << ChatMessage{3, u"x"_s, u"r"_s, u"u"_s, u"\"quoted\" \\ \n\t"_s + QChar(0),
                                                       0, {}};
    QTest::addRow("large seq") << ChatMessage{9'007'199'254'740'991, u"x"_s, u"r"_s, u"u"_s, u"c"_s, 1, u"k"_s};
}

void tst_Protocol::messageFrame()
{
    QFETCH(ChatMessage, sent);

    const QByteArray frame = proto::messageFrame(sent);
    QVERIFY(!frame.contains('\n'));
    const QJsonObject object = objectOf(frame);
    QCOMPARE(object.value(u"type"_s).toString(), u"message"_s);
    // The seed dialect's fields, as plain values.
    QCOMPARE(object.value(u"user"_s).toString(), sent.user);
    QCOMPARE(object.value(u"room"_s).toString(), sent.room);
    QCOMPARE(object.value(u"content"_s).toString(), sent.content);
    QCOMPARE(object.value(u"timestamp"_s).toInteger(), sent.timestamp);
    QCOMPARE(object.value(u"seq"_s).toInteger(), qint64(sent.seq));
    QCOMPARE(object.value(u"id"_s).toString(), sent.id);
    QCOMPARE(object.contains(u"client_id"_s), !sent.clientId.isEmpty());
    const auto back = ChatMessage::fromJson(object);
    QVERIFY(back);
    QCOMPARE(*back, sent);
}

void tst_Protocol::ackFrame_data()
{
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<bool>("duplicate");

    QTest::addRow("bare") << QString() << QString() << false;
    QTest::addRow("request id") << u"s1"_s << QString() << false;
    QTest::addRow("client id") << QString() << u"c1"_s << false;
    QTest::addRow("duplicate") << u"s2"_s << u"c1"_s << true;
    QTest::addRow("duplicate without ids") << QString() << QString() << true;
}

void tst_Protocol::ackFrame()
{
    QFETCH(QString, requestId);
    QFETCH(QString, clientId);
    QFETCH(bool, duplicate);

    const ChatMessage posted = message(17, clientId);
    const QJsonObject object = objectOf(proto::ackFrame(requestId, posted, duplicate));
    QCOMPARE(object.value(u"type"_s).toString(), u"ack"_s);
    QCOMPARE(object.value(u"room"_s).toString(), u"general"_s);
    QCOMPARE(object.value(u"seq"_s).toInteger(), 17);
    QCOMPARE(object.value(u"id"_s).toString(), u"id-17"_s);
    QCOMPARE(object.value(u"timestamp"_s).toInteger(), posted.timestamp);
    QVERIFY(!object.contains(u"content"_s)); // the sender has it already
    QCOMPARE(object.contains(u"request_id"_s), !requestId.isEmpty());
    QCOMPARE(object.value(u"request_id"_s).toString(), requestId);
    QCOMPARE(object.contains(u"client_id"_s), !clientId.isEmpty());
    QCOMPARE(object.value(u"client_id"_s).toString(), clientId);
    QCOMPARE(object.contains(u"duplicate"_s), duplicate);
    if (duplicate)
        QCOMPARE(object.value(u"duplicate"_s), QJsonValue(true));
}

void tst_Protocol::memberFrame_data()
{
    QTest::addColumn<bool>("joinedRoom");
    QTest::addColumn<QString>("type");
    QTest::addRow("joined") << true << u"member_joined"_s;
    QTest::addRow("left") << false << u"member_left"_s;
}

void tst_Protocol::memberFrame()
{
    QFETCH(bool, joinedRoom);
    QFETCH(QString, type);

    const QJsonObject object = objectOf(proto::memberFrame(joinedRoom, u"general"_s, u"Ada Lovelace"_s));
    QCOMPARE(object.value(u"type"_s).toString(), type);
    QCOMPARE(object.value(u"room"_s).toString(), u"general"_s);
    QCOMPARE(object.value(u"user"_s).toString(), u"Ada Lovelace"_s);
    QCOMPARE(object.size(), 3);
}

void tst_Protocol::typingFrame_data()
{
    QTest::addColumn<bool>("active");
    QTest::addRow("started") << true;
    QTest::addRow("stopped") << false;
}

void tst_Protocol::typingFrame()
{
    QFETCH(bool, active);

    const QJsonObject object = objectOf(proto::typingFrame(u"general"_s, u"ada"_s, active));
    QCOMPARE(object.value(u"type"_s).toString(), u"typing"_s);
    QCOMPARE(object.value(u"room"_s).toString(), u"general"_s);
    QCOMPARE(object.value(u"user"_s).toString(), u"ada"_s);
    QCOMPARE(object.value(u"active"_s), QJsonValue(active));
}

void tst_Protocol::historyFrame_data()
{
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<int>("messageCount");
    QTest::addColumn<bool>("hasMore");

    QTest::addRow("empty page") << QString() << 0 << false;
    QTest::addRow("page with more") << u"h1"_s << 3 << true;
    QTest::addRow("last page") << u"h2"_s << 2 << false;
}

void tst_Protocol::historyFrame()
{
    QFETCH(QString, requestId);
    QFETCH(int, messageCount);
    QFETCH(bool, hasMore);

    const QList<ChatMessage> messages = sampleMessages(messageCount);
    const QJsonObject object = objectOf(proto::historyFrame(requestId, u"general"_s, messages, hasMore));
    QCOMPARE(object.value(u"type"_s).toString(), u"history"_s);
    QCOMPARE(object.value(u"room"_s).toString(), u"general"_s);
    QCOMPARE(object.value(u"has_more"_s), QJsonValue(hasMore));
    QVERIFY(object.value(u"messages"_s).isArray());
    QCOMPARE(messagesFromArray(object.value(u"messages"_s).toArray()), messages);
    QCOMPARE(object.contains(u"request_id"_s), !requestId.isEmpty());
    QCOMPARE(object.value(u"request_id"_s).toString(), requestId);
}

void tst_Protocol::pongFrame_data()
{
    QTest::addColumn<QString>("requestId");
    QTest::addRow("without request id") << QString();
    QTest::addRow("with request id") << u"p1"_s;
}

void tst_Protocol::pongFrame()
{
    QFETCH(QString, requestId);

    const QJsonObject object = objectOf(proto::pongFrame(requestId, 1'700'000'000'999));
    QCOMPARE(object.value(u"type"_s).toString(), u"pong"_s);
    QCOMPARE(object.value(u"timestamp"_s).toInteger(), 1'700'000'000'999);
    QCOMPARE(object.contains(u"request_id"_s), !requestId.isEmpty());
    QCOMPARE(object.value(u"request_id"_s).toString(), requestId);
}

void tst_Protocol::roomClosedFrame()
{
    const QJsonObject object = objectOf(proto::roomClosedFrame(u"random"_s));
    QCOMPARE(object.value(u"type"_s).toString(), u"room_closed"_s);
    QCOMPARE(object.value(u"room"_s).toString(), u"random"_s);
    QCOMPARE(object.size(), 2);
}

void tst_Protocol::errorFrame_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("requestId");

    for (int i = 0; i <= int(lastErrorCode); ++i) {
        const QByteArray name = codeName(ErrorCode(i)).toLatin1();
        QTest::addRow("%s", name.constData()) << i << QString();
        QTest::addRow("%s with request id", name.constData()) << i << QStringLiteral("r-%1").arg(i);
    }
}

void tst_Protocol::errorFrame()
{
    QFETCH(int, code);
    QFETCH(QString, requestId);

    const proto::ProtocolError error{ErrorCode(code), u"what went wrong: \"x\""_s, requestId};
    const QJsonObject object = objectOf(proto::errorFrame(error));
    QCOMPARE(object.value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(object.value(u"code"_s).toString(), codeName(ErrorCode(code)));
    QCOMPARE(object.value(u"message"_s).toString(), error.message);
    QCOMPARE(object.contains(u"request_id"_s), !requestId.isEmpty());
    QCOMPARE(object.value(u"request_id"_s).toString(), requestId);
    const auto back = proto::errorCodeFromName(object.value(u"code"_s).toString());
    QVERIFY(back);
    QCOMPARE(int(*back), code);
}

void tst_Protocol::messagesToJson()
{
    QCOMPARE(proto::messagesToJson({}).size(), 0);
    const QList<ChatMessage> messages = sampleMessages(4);
    const QJsonArray array = proto::messagesToJson(messages);
    QCOMPARE(array.size(), 4);
    for (qsizetype i = 0; i < array.size(); ++i)
        QCOMPARE(array.at(i).toObject(), messages.at(i).toJson());
    QCOMPARE(messagesFromArray(array), messages);
}

// ---------------------------------------------------------------------------------------------------------------
// Client to server: valid requests

void tst_Protocol::parsePing_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("requestId");

    QTest::addRow("bare") << R"({"type":"ping"})"_ba << QString();
    QTest::addRow("with request id") << R"({"type":"ping","request_id":"p1"})"_ba << u"p1"_s;
    QTest::addRow("extra fields ignored") << R"({"room":5,"type":"ping","content":[]})"_ba << QString();
    QTest::addRow("white space") << " \n{ \"type\" : \"ping\" }\r\n "_ba << QString();
}

void tst_Protocol::parsePing()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, requestId);

    const auto result = proto::parseRequest(frame, {});
    QVERIFY2(requestOf<proto::Ping>(result), describe(result).constData());
    QCOMPARE(requestIdOf(result), requestId);
}

void tst_Protocol::parseHello_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("user");

    QTest::addRow("simple") << R"({"type":"hello","user":"ada"})"_ba << u"ada"_s;
    QTest::addRow("inner space") << R"({"type":"hello","user":"Ada Lovelace"})"_ba << u"Ada Lovelace"_s;
    QTest::addRow("escaped accent") << R"({"type":"hello","user":"Zo\u00eb"})"_ba << u"Zo\u00EB"_s;
    QTest::addRow("raw UTF-8") << QString(uR"({"type":"hello","user":"日本"})"_s).toUtf8() << u"\u65E5\u672C"_s;
    QTest::addRow("escaped surrogate pair") << R"({"type":"hello","user":"\ud83c\udf89"})"_ba << u"\U0001F389"_s;
    QTest::addRow("64 characters") << compactJson({{u"type"_s, u"hello"_s}, {u"user"_s, jsonRepeat(u"u", 64)}})
                                   << QString(64, u'u');
}

void tst_Protocol::parseHello()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, user);

    const auto result = proto::parseRequest(frame, {});
    const auto *hello = requestOf<proto::Hello>(result);
    QVERIFY2(hello, describe(result).constData());
    QCOMPARE(hello->user, user);
}

void tst_Protocol::parseJoin_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("room");
    QTest::addColumn<int>("lastN");       // -1: not given
    QTest::addColumn<qint64>("sinceSeq"); // -1: not given

    QTest::addRow("room only") << R"({"type":"join","room":"general"})"_ba << u"general"_s << -1 << qint64(-1);
    QTest::addRow("last_n 0") << R"({"type":"join","room":"general","last_n":0})"_ba << u"general"_s << 0 << qint64(-1);
    QTest::addRow("last_n 50") << R"({"type":"join","room":"general","last_n":50})"_ba << u"general"_s << 50
                               << qint64(-1);
    QTest::addRow("last_n 1000") << R"({"type":"join","room":"general","last_n":1000})"_ba << u"general"_s << 1000
                                 << qint64(-1);
    QTest::addRow("last_n written 5.0") << R"({"type":"join","room":"general","last_n":5.0})"_ba << u"general"_s << 5
                                        << qint64(-1);
    QTest::addRow("last_n 1e2") << R"({"type":"join","room":"general","last_n":1e2})"_ba << u"general"_s << 100
                                << qint64(-1);
    QTest::addRow("last_n null") << R"({"type":"join","room":"general","last_n":null})"_ba << u"general"_s << -1
                                 << qint64(-1);
    QTest::addRow("since_seq 0") << R"({"type":"join","room":"general","since_seq":0})"_ba << u"general"_s << -1
                                 << qint64(0);
    QTest::addRow("since_seq 42") << R"({"type":"join","room":"general","since_seq":42})"_ba << u"general"_s << -1
                                  << qint64(42);
    QTest::addRow("since_seq 2^53-1") << R"({"type":"join","room":"general","since_seq":9007199254740991})"_ba
                                      << u"general"_s << -1 << qint64(9'007'199'254'740'991);
    QTest::addRow("since_seq null") << R"({"type":"join","room":"general","since_seq":null})"_ba << u"general"_s << -1
                                    << qint64(-1);
    QTest::addRow("both") << R"({"type":"join","room":"general","last_n":10,"since_seq":7})"_ba << u"general"_s << 10
                          << qint64(7);
    QTest::addRow("room with punctuation")
        << R"({"type":"join","room":"a.b-c_d"})"_ba << u"a.b-c_d"_s << -1 << qint64(-1);
    QTest::addRow("room in NFC") << R"({"type":"join","room":"caf\u00e9"})"_ba << u"caf\u00E9"_s << -1 << qint64(-1);
    QTest::addRow("room of 64 characters") << compactJson({{u"type"_s, u"join"_s}, {u"room"_s, jsonRepeat(u"r", 64)}})
                                           << QString(64, u'r') << -1 << qint64(-1);
    QTest::addRow("room of 64 characters outside the BMP")
        << compactJson({{u"type"_s, u"join"_s}, {u"room"_s, jsonRepeat(u"\U00020000", 64)}})
        << u"\U00020000"_s.repeated(64) << -1 << qint64(-1);
}

void tst_Protocol::parseJoin()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, room);
    QFETCH(int, lastN);
    QFETCH(qint64, sinceSeq);

    const auto result = proto::parseRequest(frame, {});
    const auto *join = requestOf<proto::Join>(result);
    QVERIFY2(join, describe(result).constData());
    QCOMPARE(join->room, room);
    QCOMPARE(join->lastN.has_value(), lastN >= 0);
    if (lastN >= 0)
        QCOMPARE(*join->lastN, lastN);
    QCOMPARE(join->sinceSeq.has_value(), sinceSeq >= 0);
    if (sinceSeq >= 0)
        QCOMPARE(*join->sinceSeq, quint64(sinceSeq));
}

void tst_Protocol::parseLeave_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("room");

    QTest::addRow("simple") << R"({"type":"leave","room":"general"})"_ba << u"general"_s;
    QTest::addRow("unicode") << R"({"type":"leave","room":"\u65e5\u672c"})"_ba << u"\u65E5\u672C"_s;
    QTest::addRow("with request id") << R"({"request_id":"x","type":"leave","room":"r1"})"_ba << u"r1"_s;
}

void tst_Protocol::parseLeave()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, room);

    const auto result = proto::parseRequest(frame, {});
    const auto *leave = requestOf<proto::Leave>(result);
    QVERIFY2(leave, describe(result).constData());
    QCOMPARE(leave->room, room);
}

void tst_Protocol::parseSend_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("clientId");

    QTest::addRow("content only") << R"({"type":"send","room":"general","content":"hello"})"_ba << u"hello"_s
                                  << QString();
    QTest::addRow("with client id") << R"({"type":"send","room":"general","content":"hi","client_id":"c-1"})"_ba
                                    << u"hi"_s << u"c-1"_s;
    QTest::addRow("client id null") << R"({"type":"send","room":"general","content":"hi","client_id":null})"_ba
                                    << u"hi"_s << QString();
    QTest::addRow("client id empty") << R"({"type":"send","room":"general","content":"hi","client_id":""})"_ba
                                     << u"hi"_s << QString();
    QTest::addRow("client id of 128 characters") << compactJson({{u"type"_s, u"send"_s},
                                                                 {u"room"_s, u"general"_s},
                                                                 {u"content"_s, u"hi"_s},
                                                                 {u"client_id"_s, jsonRepeat(u"k", 128)}})
                                                 << u"hi"_s << QString(128, u'k');
    QTest::addRow("escapes") << R"({"type":"send","room":"general","content":"a\nb \"c\" \\ \u00e9 \ud83c\udf89"})"_ba
                             << u"a\nb \"c\" \\ \u00E9 \U0001F389"_s << QString();
    QTest::addRow("white space only") << R"({"type":"send","room":"general","content":" "})"_ba << u" "_s << QString();
    QTest::addRow("JSON-looking content") << R"({"type":"send","room":"general","content":"{\"type\":\"ping\"}"})"_ba
                                          << u"{\"type\":\"ping\"}"_s << QString();
}

void tst_Protocol::parseSend()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, content);
    QFETCH(QString, clientId);

    const auto result = proto::parseRequest(frame, {});
    const auto *send = requestOf<proto::Send>(result);
    QVERIFY2(send, describe(result).constData());
    QCOMPARE(send->room, u"general"_s);
    QCOMPARE(send->content, content);
    QCOMPARE(send->clientId, clientId);
}

void tst_Protocol::parseTyping_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("active");

    QTest::addRow("active omitted") << R"({"type":"typing","room":"general"})"_ba << true;
    QTest::addRow("active true") << R"({"type":"typing","room":"general","active":true})"_ba << true;
    QTest::addRow("active false") << R"({"type":"typing","room":"general","active":false})"_ba << false;
}

void tst_Protocol::parseTyping()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, active);

    const auto result = proto::parseRequest(frame, {});
    const auto *typing = requestOf<proto::Typing>(result);
    QVERIFY2(typing, describe(result).constData());
    QCOMPARE(typing->room, u"general"_s);
    QCOMPARE(typing->active, active);
}

void tst_Protocol::parseHistory_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<qint64>("before"); // -1: not given
    QTest::addColumn<int>("limit");

    QTest::addRow("defaults") << R"({"type":"history","room":"general"})"_ba << qint64(-1) << proto::defaultHistoryPage;
    QTest::addRow("nulls are defaults") << R"({"type":"history","room":"general","before":null,"limit":null})"_ba
                                        << qint64(-1) << proto::defaultHistoryPage;
    QTest::addRow("before 1") << R"({"type":"history","room":"general","before":1})"_ba << qint64(1)
                              << proto::defaultHistoryPage;
    QTest::addRow("before 10") << R"({"type":"history","room":"general","before":10})"_ba << qint64(10)
                               << proto::defaultHistoryPage;
    QTest::addRow("before 2^53-1") << R"({"type":"history","room":"general","before":9007199254740991})"_ba
                                   << qint64(9'007'199'254'740'991) << proto::defaultHistoryPage;
    QTest::addRow("limit 1") << R"({"type":"history","room":"general","limit":1})"_ba << qint64(-1) << 1;
    QTest::addRow("limit 1000") << R"({"type":"history","room":"general","limit":1000})"_ba << qint64(-1) << 1000;
    QTest::addRow("both") << R"({"type":"history","room":"general","before":100,"limit":20})"_ba << qint64(100) << 20;
}

void tst_Protocol::parseHistory()
{
    QFETCH(QByteArray, frame);
    QFETCH(qint64, before);
    QFETCH(int, limit);

    const auto result = proto::parseRequest(frame, {});
    const auto *history = requestOf<proto::HistoryRequest>(result);
    QVERIFY2(history, describe(result).constData());
    QCOMPARE(history->room, u"general"_s);
    QCOMPARE(history->before.has_value(), before >= 0);
    if (before >= 0)
        QCOMPARE(*history->before, quint64(before));
    QCOMPARE(history->limit, limit);
}

void tst_Protocol::parseRequestId_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("requestId");

    QTest::addRow("absent") << R"({"type":"ping"})"_ba << QString();
    QTest::addRow("null") << R"({"type":"ping","request_id":null})"_ba << QString();
    QTest::addRow("string") << R"({"type":"ping","request_id":"abc-123"})"_ba << u"abc-123"_s;
    QTest::addRow("empty string") << R"({"type":"ping","request_id":""})"_ba << QString();
    QTest::addRow("unicode") << R"({"type":"ping","request_id":"\u00e9\ud83c\udf89"})"_ba << u"\u00E9\U0001F389"_s;
    QTest::addRow("integer") << R"({"type":"ping","request_id":7})"_ba << u"7"_s;
    QTest::addRow("negative integer") << R"({"type":"ping","request_id":-3})"_ba << u"-3"_s;
    QTest::addRow("large integer") << R"({"type":"ping","request_id":12345678901})"_ba << u"12345678901"_s;
    QTest::addRow("fraction") << R"({"type":"ping","request_id":1.5})"_ba << u"1.5"_s;
    QTest::addRow("128 characters") << compactJson({{u"type"_s, u"ping"_s}, {u"request_id"_s, jsonRepeat(u"i", 128)}})
                                    << QString(128, u'i');
    QTest::addRow("on join") << R"({"type":"join","room":"general","request_id":"j"})"_ba << u"j"_s;
    QTest::addRow("on send") << R"({"type":"send","room":"general","content":"x","request_id":"s"})"_ba << u"s"_s;
    QTest::addRow("on hello") << R"({"type":"hello","user":"ada","request_id":"h"})"_ba << u"h"_s;
}

void tst_Protocol::parseRequestId()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, requestId);

    const auto result = proto::parseRequest(frame, {});
    QVERIFY2(std::holds_alternative<proto::ParsedRequest>(result), describe(result).constData());
    QCOMPARE(requestIdOf(result), requestId);
}

// ---------------------------------------------------------------------------------------------------------------
// Client to server: rejections

void tst_Protocol::parseRejected_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("requestId"); // echoed in the error; empty when it could not be read

    const QString invalidFormat = u"INVALID_FORMAT"_s;
    const QString invalidPayload = u"INVALID_PAYLOAD"_s;
    const QString unknownType = u"UNKNOWN_TYPE"_s;
    const QString invalidRoom = u"INVALID_ROOM"_s;
    const QString invalidUser = u"INVALID_USER"_s;
    const QString tooLarge = u"MESSAGE_TOO_LARGE"_s;

    // Not a JSON object
    QTest::addRow("not JSON") << "hello"_ba << invalidFormat << QString();
    QTest::addRow("empty frame") << QByteArray() << invalidFormat << QString();
    QTest::addRow("white space only") << "  \n "_ba << invalidFormat << QString();
    QTest::addRow("truncated object") << R"({"type":"ping")"_ba << invalidFormat << QString();
    QTest::addRow("trailing comma") << R"({"type":"ping",})"_ba << invalidFormat << QString();
    QTest::addRow("trailing garbage") << R"({"type":"ping"} x)"_ba << invalidFormat << QString();
    QTest::addRow("two objects") << R"({"type":"ping"}{"type":"ping"})"_ba << invalidFormat << QString();
    QTest::addRow("single quotes") << R"({'type':'ping'})"_ba << invalidFormat << QString();
    QTest::addRow("unquoted key") << R"({type:"ping"})"_ba << invalidFormat << QString();
    QTest::addRow("broken, with request id") << R"({"type":"ping","request_id":"r0",)"_ba << invalidFormat << QString();
    QTest::addRow("JSON array") << R"([{"type":"ping"}])"_ba << invalidFormat << QString();
    QTest::addRow("empty JSON array") << "[]"_ba << invalidFormat << QString();
    QTest::addRow("JSON string") << R"("ping")"_ba << invalidFormat << QString();
    QTest::addRow("JSON number") << "42"_ba << invalidFormat << QString();
    QTest::addRow("JSON null") << "null"_ba << invalidFormat << QString();
    QTest::addRow("JSON true") << "true"_ba << invalidFormat << QString();
    QTest::addRow("binary") << QByteArray("\x00\x01\x02", 3) << invalidFormat << QString();

    // request_id
    QTest::addRow("request_id bool") << R"({"type":"ping","request_id":true})"_ba << invalidPayload << QString();
    QTest::addRow("request_id array") << R"({"type":"ping","request_id":["a"]})"_ba << invalidPayload << QString();
    QTest::addRow("request_id object") << R"({"type":"ping","request_id":{}})"_ba << invalidPayload << QString();
    QTest::addRow("request_id of 129 characters")
        << compactJson({{u"type"_s, u"ping"_s}, {u"request_id"_s, jsonRepeat(u"i", 129)}}) << invalidPayload
        << QString();
    QTest::addRow("request_id too long, unknown type")
        << compactJson({{u"type"_s, u"bogus"_s}, {u"request_id"_s, jsonRepeat(u"i", 129)}}) << invalidPayload
        << QString();

    // type
    QTest::addRow("type missing") << R"({"request_id":"t1"})"_ba << invalidPayload << u"t1"_s;
    QTest::addRow("type missing, empty object") << "{}"_ba << invalidPayload << QString();
    QTest::addRow("type null") << R"({"type":null,"request_id":"t1"})"_ba << invalidPayload << u"t1"_s;
    QTest::addRow("type number") << R"({"type":1,"request_id":"t1"})"_ba << invalidPayload << u"t1"_s;
    QTest::addRow("type bool") << R"({"type":true,"request_id":"t1"})"_ba << invalidPayload << u"t1"_s;
    QTest::addRow("type array") << R"({"type":["ping"],"request_id":"t1"})"_ba << invalidPayload << u"t1"_s;
    QTest::addRow("type object") << R"({"type":{"type":"ping"},"request_id":"t1"})"_ba << invalidPayload << u"t1"_s;
    QTest::addRow("type missing, numeric request_id") << R"({"request_id":9})"_ba << invalidPayload << u"9"_s;

    // Unknown types
    const char *unknownTypes[] = {"shout",   "",        "PING", "Ping",  " ping",  "ping ",
                                  "welcome", "message", "ack",  "error", "joined", "member_joined"};
    for (const char *type : unknownTypes) {
        QTest::addRow("unknown type '%s'", type)
            << compactJson(
                   {{u"type"_s, QString::fromLatin1(type)}, {u"room"_s, u"general"_s}, {u"request_id"_s, u"u1"_s}})
            << unknownType << u"u1"_s;
    }
    QTest::addRow("unknown type, numeric request_id")
        << R"({"type":"bogus","request_id":42})"_ba << unknownType << u"42"_s;
    QTest::addRow("unknown type, long name")
        << compactJson({{u"type"_s, jsonRepeat(u"x", 10000)}}) << unknownType << QString();

    // Room names, for every request that takes one
    const QStringList roomTypes{u"join"_s, u"leave"_s, u"send"_s, u"typing"_s, u"history"_s};
    const QList<std::pair<const char *, QString>> badRooms{
        {"empty", QString()},
        {"65 characters", QString(65, u'r')},
        {"65 characters outside the BMP", u"\U00020000"_s.repeated(65)},
        {"slash", u"a/b"_s},
        {"dot dot slash", u"../general"_s},
        {"space", u"a b"_s},
        {"leading space", u" general"_s},
        {"decoded NUL", u"a"_s + QChar(0) + u"b"_s},
        {"percent-encoded NUL left encoded", u"a%00b"_s},
        {"newline", u"a\nb"_s},
        {"non-NFC decomposed", u"cafe\u0301"_s},
        {"non-NFC angstrom sign", u"\u212B"_s},
        {"emoji", u"\U0001F389"_s},
    };
    const QList<std::pair<const char *, QJsonValue>> nonStringRooms{
        {"number", 5},
        {"null", QJsonValue::Null},
        {"bool", false},
        {"array", QJsonArray{u"general"_s}},
        {"object", QJsonObject{{u"name"_s, u"general"_s}}},
    };
    for (const QString &type : roomTypes) {
        const QByteArray typeName = type.toLatin1();
        const QString requestIdText = u"room-"_s + type;
        auto frameWith = [&](const QJsonValue &room) {
            QJsonObject object{{u"type"_s, type}, {u"request_id"_s, requestIdText}, {u"content"_s, u"hi"_s}};
            if (!room.isUndefined())
                object.insert(u"room"_s, room);
            return compactJson(object);
        };
        for (const auto &[name, room] : badRooms)
            QTest::addRow("%s: room %s", typeName.constData(), name) << frameWith(room) << invalidRoom << requestIdText;
        for (const auto &[name, room] : nonStringRooms)
            QTest::addRow("%s: room %s", typeName.constData(), name)
                << frameWith(room) << invalidPayload << requestIdText;
        QTest::addRow("%s: room missing", typeName.constData())
            << frameWith(QJsonValue::Undefined) << invalidPayload << requestIdText;
    }
    QTest::addRow("join: room with escaped NUL")
        << R"({"type":"join","room":"a\u0000b","request_id":"n"})"_ba << invalidRoom << u"n"_s;

    // send
    QTest::addRow("send: content missing")
        << R"({"type":"send","room":"general","request_id":"s"})"_ba << invalidPayload << u"s"_s;
    QTest::addRow("send: content null") << R"({"type":"send","room":"general","content":null,"request_id":"s"})"_ba
                                        << invalidPayload << u"s"_s;
    QTest::addRow("send: content number")
        << R"({"type":"send","room":"general","content":5,"request_id":"s"})"_ba << invalidPayload << u"s"_s;
    QTest::addRow("send: content bool") << R"({"type":"send","room":"general","content":true,"request_id":"s"})"_ba
                                        << invalidPayload << u"s"_s;
    QTest::addRow("send: content array") << R"({"type":"send","room":"general","content":["hi"],"request_id":"s"})"_ba
                                         << invalidPayload << u"s"_s;
    QTest::addRow("send: content object")
        << R"({"type":"send","room":"general","content":{"text":"hi"},"request_id":"s"})"_ba << invalidPayload
        << u"s"_s;
    QTest::addRow("send: content empty") << R"({"type":"send","room":"general","content":"","request_id":"s"})"_ba
                                         << invalidPayload << u"s"_s;
    QTest::addRow("send: content too large") << compactJson({{u"type"_s, u"send"_s},
                                                             {u"room"_s, u"general"_s},
                                                             {u"content"_s, jsonRepeat(u"\u00E9", 2049)},
                                                             {u"request_id"_s, u"big"_s}})
                                             << tooLarge << u"big"_s;
    // Half a surrogate pair has no UTF-8 form: the stores would keep other text than the room was sent.
    QTest::addRow("send: content with a lone high surrogate")
        << R"({"type":"send","room":"general","content":"a\ud800b","request_id":"s"})"_ba << invalidPayload << u"s"_s;
    QTest::addRow("send: content with a lone low surrogate")
        << R"({"type":"send","room":"general","content":"\udc00","request_id":"s"})"_ba << invalidPayload << u"s"_s;
    QTest::addRow("send: content with swapped surrogates")
        << R"({"type":"send","room":"general","content":"\udf89\ud83c","request_id":"s"})"_ba << invalidPayload
        << u"s"_s;
    QTest::addRow("send: client_id with a lone surrogate")
        << R"({"type":"send","room":"general","content":"hi","client_id":"c\ud800","request_id":"s"})"_ba
        << invalidPayload << u"s"_s;
    QTest::addRow("send: client_id number")
        << R"({"type":"send","room":"general","content":"hi","client_id":1,"request_id":"s"})"_ba << invalidPayload
        << u"s"_s;
    QTest::addRow("send: client_id bool")
        << R"({"type":"send","room":"general","content":"hi","client_id":false,"request_id":"s"})"_ba << invalidPayload
        << u"s"_s;
    QTest::addRow("send: client_id array")
        << R"({"type":"send","room":"general","content":"hi","client_id":["c"],"request_id":"s"})"_ba << invalidPayload
        << u"s"_s;
    QTest::addRow("send: client_id object")
        << R"({"type":"send","room":"general","content":"hi","client_id":{},"request_id":"s"})"_ba << invalidPayload
        << u"s"_s;
    QTest::addRow("send: client_id of 129 characters") << compactJson({{u"type"_s, u"send"_s},
                                                                       {u"room"_s, u"general"_s},
                                                                       {u"content"_s, u"hi"_s},
                                                                       {u"client_id"_s, jsonRepeat(u"k", 129)},
                                                                       {u"request_id"_s, u"s"_s}})
                                                       << invalidPayload << u"s"_s;

    // join
    const QList<std::pair<const char *, QByteArray>> badCounts{
        {"negative", "-1"_ba}, {"fraction", "1.5"_ba}, {"string", R"("5")"_ba}, {"bool", "true"_ba},
        {"array", "[5]"_ba},   {"object", "{}"_ba},    {"huge", "1e300"_ba},
    };
    for (const auto &[name, value] : badCounts) {
        QTest::addRow("join: last_n %s", name)
            << QByteArray(R"({"type":"join","room":"general","request_id":"j","last_n":)"_ba + value + "}")
            << invalidPayload << u"j"_s;
        QTest::addRow("join: since_seq %s", name)
            << QByteArray(R"({"type":"join","room":"general","request_id":"j","since_seq":)"_ba + value + "}")
            << invalidPayload << u"j"_s;
        QTest::addRow("history: before %s", name)
            << QByteArray(R"({"type":"history","room":"general","request_id":"h","before":)"_ba + value + "}")
            << invalidPayload << u"h"_s;
        QTest::addRow("history: limit %s", name)
            << QByteArray(R"({"type":"history","room":"general","request_id":"h","limit":)"_ba + value + "}")
            << invalidPayload << u"h"_s;
    }
    QTest::addRow("join: last_n 1001") << R"({"type":"join","room":"general","request_id":"j","last_n":1001})"_ba
                                       << invalidPayload << u"j"_s;
    QTest::addRow("join: last_n 1000.5") << R"({"type":"join","room":"general","request_id":"j","last_n":1000.5})"_ba
                                         << invalidPayload << u"j"_s;
    QTest::addRow("join: since_seq 2^53")
        << R"({"type":"join","room":"general","request_id":"j","since_seq":9007199254740992})"_ba << invalidPayload
        << u"j"_s;

    // history
    QTest::addRow("history: before 0") << R"({"type":"history","room":"general","request_id":"h","before":0})"_ba
                                       << invalidPayload << u"h"_s;
    QTest::addRow("history: limit 0") << R"({"type":"history","room":"general","request_id":"h","limit":0})"_ba
                                      << invalidPayload << u"h"_s;
    QTest::addRow("history: limit 1001") << R"({"type":"history","room":"general","request_id":"h","limit":1001})"_ba
                                         << invalidPayload << u"h"_s;

    // typing
    const char *badActives[] = {R"("yes")", R"("true")", "1", "0", "[]", "{}"};
    for (const char *value : badActives) {
        QTest::addRow("typing: active %s", value)
            << QByteArray(R"({"type":"typing","room":"general","request_id":"t","active":)"_ba + value + "}")
            << invalidPayload << u"t"_s;
    }

    // hello
    QTest::addRow("hello: user missing") << R"({"type":"hello","request_id":"h"})"_ba << invalidPayload << u"h"_s;
    QTest::addRow("hello: user null") << R"({"type":"hello","user":null,"request_id":"h"})"_ba << invalidPayload
                                      << u"h"_s;
    QTest::addRow("hello: user number") << R"({"type":"hello","user":5,"request_id":"h"})"_ba << invalidPayload
                                        << u"h"_s;
    QTest::addRow("hello: user array") << R"({"type":"hello","user":["ada"],"request_id":"h"})"_ba << invalidPayload
                                       << u"h"_s;
    QTest::addRow("hello: user empty") << R"({"type":"hello","user":"","request_id":"h"})"_ba << invalidUser << u"h"_s;
    QTest::addRow("hello: leading space")
        << R"({"type":"hello","user":" ada","request_id":"h"})"_ba << invalidUser << u"h"_s;
    QTest::addRow("hello: trailing space")
        << R"({"type":"hello","user":"ada ","request_id":"h"})"_ba << invalidUser << u"h"_s;
    QTest::addRow("hello: tab") << R"({"type":"hello","user":"a\tb","request_id":"h"})"_ba << invalidUser << u"h"_s;
    QTest::addRow("hello: NUL") << R"({"type":"hello","user":"a\u0000b","request_id":"h"})"_ba << invalidUser << u"h"_s;
    QTest::addRow("hello: line separator")
        << R"({"type":"hello","user":"a\u2028b","request_id":"h"})"_ba << invalidUser << u"h"_s;
    QTest::addRow("hello: lone surrogate")
        << R"({"type":"hello","user":"a\ud83cb","request_id":"h"})"_ba << invalidUser << u"h"_s;
    QTest::addRow("hello: 65 characters")
        << compactJson({{u"type"_s, u"hello"_s}, {u"user"_s, jsonRepeat(u"u", 65)}, {u"request_id"_s, u"h"_s}})
        << invalidUser << u"h"_s;
}

void tst_Protocol::parseRejected()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    QFETCH(QString, requestId);

    const auto result = proto::parseRequest(frame, {});
    const auto *error = std::get_if<proto::ProtocolError>(&result);
    QVERIFY2(error, describe(result).constData());
    QCOMPARE(codeName(error->code), code);
    QCOMPARE(error->requestId, requestId);
    QVERIFY(!error->message.isEmpty());
}

void tst_Protocol::sendContentByteLimit_data()
{
    addContentLimitRows();
}

void tst_Protocol::sendContentByteLimit()
{
    QFETCH(QString, content);
    QFETCH(int, maxBytes);
    QFETCH(bool, tooLarge);

    proto::Limits limits;
    limits.maxContentBytes = maxBytes;
    const QByteArray frame = compactJson(
        {{u"type"_s, u"send"_s}, {u"room"_s, u"general"_s}, {u"content"_s, content}, {u"request_id"_s, u"big"_s}});
    const auto result = proto::parseRequest(frame, limits);
    if (tooLarge) {
        const auto *error = std::get_if<proto::ProtocolError>(&result);
        QVERIFY2(error, describe(result).constData());
        QCOMPARE(error->code, ErrorCode::MessageTooLarge);
        QCOMPARE(error->requestId, u"big"_s);
        QVERIFY2(error->message.contains(QString::number(maxBytes)), qPrintable(error->message));
    } else {
        const auto *send = requestOf<proto::Send>(result);
        QVERIFY2(send, describe(result).constData());
        QCOMPARE(send->content, content);
    }
}

void tst_Protocol::customIdLimits()
{
    proto::Limits limits;
    limits.maxClientIdLength = 4;
    limits.maxRequestIdLength = 3;

    auto parse = [&](const QString &requestIdText, const QString &clientId) {
        return proto::parseRequest(compactJson({{u"type"_s, u"send"_s},
                                                {u"room"_s, u"general"_s},
                                                {u"content"_s, u"hi"_s},
                                                {u"client_id"_s, clientId},
                                                {u"request_id"_s, requestIdText}}),
                                   limits);
    };

    auto result = parse(u"abc"_s, u"wxyz"_s);
    const auto *send = requestOf<proto::Send>(result);
    QVERIFY2(send, describe(result).constData());
    QCOMPARE(send->clientId, u"wxyz"_s);
    QCOMPARE(requestIdOf(result), u"abc"_s);

    result = parse(u"abc"_s, u"vwxyz"_s);
    auto *error = std::get_if<proto::ProtocolError>(&result);
    QVERIFY2(error, describe(result).constData());
    QCOMPARE(error->code, ErrorCode::InvalidPayload);
    QCOMPARE(error->requestId, u"abc"_s);

    result = parse(u"abcd"_s, u"wxyz"_s);
    error = std::get_if<proto::ProtocolError>(&result);
    QVERIFY2(error, describe(result).constData());
    QCOMPARE(error->code, ErrorCode::InvalidPayload);
    QVERIFY(error->requestId.isEmpty()); // an over-long id is not echoed

    // A numeric request id counts by its text: 1234 is four characters.
    result = proto::parseRequest(R"({"type":"ping","request_id":1234})"_ba, limits);
    error = std::get_if<proto::ProtocolError>(&result);
    QVERIFY2(error, describe(result).constData());
    QCOMPARE(error->code, ErrorCode::InvalidPayload);
    result = proto::parseRequest(R"({"type":"ping","request_id":123})"_ba, limits);
    QCOMPARE(requestIdOf(result), u"123"_s);
}

void tst_Protocol::rejectionBecomesErrorFrame()
{
    const auto result = proto::parseRequest(R"({"type":"join","room":"a/b","request_id":"r7"})"_ba, {});
    const auto *error = std::get_if<proto::ProtocolError>(&result);
    QVERIFY2(error, describe(result).constData());
    const QJsonObject object = objectOf(proto::errorFrame(*error));
    QCOMPARE(object.value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(object.value(u"code"_s).toString(), u"INVALID_ROOM"_s);
    QCOMPARE(object.value(u"request_id"_s).toString(), u"r7"_s);
    QVERIFY(!object.value(u"message"_s).toString().isEmpty());
}

// ---------------------------------------------------------------------------------------------------------------
// Simple dialect

void tst_Protocol::parseSimpleContent_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("content"); // expected content when accepted
    QTest::addColumn<QString>("code");    // expected error code when refused, empty when accepted

    // JSON objects with a string content
    QTest::addRow("object") << R"({"content":"hi"})"_ba << u"hi"_s << QString();
    QTest::addRow("seed fields ignored")
        << R"({"user":"someone else","room":"elsewhere","timestamp":5,"type":"send","content":"hi"})"_ba << u"hi"_s
        << QString();
    QTest::addRow("non-string extra fields ignored")
        << R"({"content":"hi","user":5,"room":null,"x":[1,{}]})"_ba << u"hi"_s << QString();
    QTest::addRow("white space around the object") << "  \n{\"content\":\"hi\"}\r\n "_ba << u"hi"_s << QString();
    QTest::addRow("escapes") << R"({"content":"caf\u00e9 \ud83c\udf89 \"q\"\n"})"_ba
                             << u"caf\u00E9 \U0001F389 \"q\"\n"_s << QString();
    QTest::addRow("content is white space") << R"({"content":"  "})"_ba << u"  "_s << QString();

    // Anything else is the content itself
    QTest::addRow("plain text") << "hello world"_ba << u"hello world"_s << QString();
    QTest::addRow("plain text, spaces kept") << "  hi  "_ba << u"  hi  "_s << QString();
    QTest::addRow("plain UTF-8") << QString(u"h\u00E9llo \U0001F389 \u65E5\u672C"_s).toUtf8()
                                 << u"h\u00E9llo \U0001F389 \u65E5\u672C"_s << QString();
    QTest::addRow("brace, not JSON") << "{not json"_ba << u"{not json"_s << QString();
    QTest::addRow("object with trailing text")
        << R"({"content":"hi"} and more)"_ba << uR"({"content":"hi"} and more)"_s << QString();
    QTest::addRow("JSON array") << R"(["a"])"_ba << uR"(["a"])"_s << QString();
    QTest::addRow("JSON string") << R"("quoted")"_ba << uR"("quoted")"_s << QString();
    QTest::addRow("JSON number") << "42"_ba << u"42"_s << QString();

    // Refused
    QTest::addRow("empty frame") << QByteArray() << QString() << u"INVALID_PAYLOAD"_s;
    QTest::addRow("empty content") << R"({"content":""})"_ba << QString() << u"INVALID_PAYLOAD"_s;
    QTest::addRow("content missing") << R"({"user":"ada","room":"general"})"_ba << QString() << u"INVALID_PAYLOAD"_s;
    QTest::addRow("empty object") << "{}"_ba << QString() << u"INVALID_PAYLOAD"_s;
    QTest::addRow("content number") << R"({"content":5})"_ba << QString() << u"INVALID_PAYLOAD"_s;
    QTest::addRow("content null") << R"({"content":null})"_ba << QString() << u"INVALID_PAYLOAD"_s;
    QTest::addRow("content bool") << R"({"content":true})"_ba << QString() << u"INVALID_PAYLOAD"_s;
    QTest::addRow("content array") << R"({"content":["hi"]})"_ba << QString() << u"INVALID_PAYLOAD"_s;
    QTest::addRow("content object") << R"({"content":{"text":"hi"}})"_ba << QString() << u"INVALID_PAYLOAD"_s;
    QTest::addRow("content with a lone surrogate")
        << R"({"content":"a\ud800b"})"_ba << QString() << u"INVALID_PAYLOAD"_s;
    QTest::addRow("plain text too large") << QByteArray(4097, 'a') << QString() << u"MESSAGE_TOO_LARGE"_s;
    QTest::addRow("JSON content too large")
        << compactJson({{u"content"_s, jsonRepeat(u"\u00E9", 2049)}}) << QString() << u"MESSAGE_TOO_LARGE"_s;
}

void tst_Protocol::parseSimpleContent()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, content);
    QFETCH(QString, code);

    const auto result = proto::parseSimpleContent(frame, {});
    if (code.isEmpty()) {
        const auto *text = std::get_if<QString>(&result);
        QVERIFY2(text, describe(result).constData());
        QCOMPARE(*text, content);
    } else {
        const auto *error = std::get_if<proto::ProtocolError>(&result);
        QVERIFY2(error, describe(result).constData());
        QCOMPARE(codeName(error->code), code);
        QVERIFY(error->requestId.isEmpty());
        QVERIFY(!error->message.isEmpty());
    }
}

void tst_Protocol::simpleContentByteLimit_data()
{
    addContentLimitRows();
}

void tst_Protocol::simpleContentByteLimit()
{
    QFETCH(QString, content);
    QFETCH(int, maxBytes);
    QFETCH(bool, tooLarge);

    proto::Limits limits;
    limits.maxContentBytes = maxBytes;
    // As plain text and wrapped in a JSON object: the limit applies to the content's UTF-8 bytes either way.
    const QByteArray frames[] = {content.toUtf8(), compactJson({{u"content"_s, content}, {u"user"_s, u"ada"_s}})};
    for (const QByteArray &frame : frames) {
        const auto result = proto::parseSimpleContent(frame, limits);
        if (tooLarge) {
            const auto *error = std::get_if<proto::ProtocolError>(&result);
            QVERIFY2(error, describe(result).constData());
            QCOMPARE(error->code, ErrorCode::MessageTooLarge);
        } else {
            const auto *text = std::get_if<QString>(&result);
            QVERIFY2(text, describe(result).constData());
            QCOMPARE(*text, content);
        }
    }
}

QTEST_APPLESS_MAIN(tst_Protocol)
#include "tst_protocol.moc"
