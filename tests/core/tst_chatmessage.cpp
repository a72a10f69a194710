#include "chatmessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using natter::ChatMessage;

namespace {

ChatMessage sample()
{
    return ChatMessage{7, u"0b8f3c2e"_s, u"general"_s, u"ada"_s, u"hello"_s, 1'700'000'000'123, u"c-7"_s};
}

QJsonObject validObject()
{
    return QJsonObject{
        {u"seq"_s, 3},         {u"id"_s, u"m3"_s},      {u"room"_s, u"general"_s},
        {u"user"_s, u"ada"_s}, {u"content"_s, u"hi"_s}, {u"timestamp"_s, 1000},
    };
}

} // namespace

class tst_ChatMessage : public QObject
{
    Q_OBJECT

private slots:
    void toJsonFields();
    void toJsonOmitsEmptyClientId();
    void roundTrip_data();
    void roundTrip();
    void fromJsonDefaults();
    void fromJsonIgnoresExtraFields();
    void fromJsonRejects_data();
    void fromJsonRejects();
    void equality();
};

void tst_ChatMessage::toJsonFields()
{
    const QJsonObject object = sample().toJson();
    QCOMPARE(object.value(u"seq"_s).toInteger(), 7);
    QCOMPARE(object.value(u"id"_s).toString(), u"0b8f3c2e"_s);
    QCOMPARE(object.value(u"room"_s).toString(), u"general"_s);
    QCOMPARE(object.value(u"user"_s).toString(), u"ada"_s);
    QCOMPARE(object.value(u"content"_s).toString(), u"hello"_s);
    QCOMPARE(object.value(u"timestamp"_s).toInteger(), 1'700'000'000'123);
    QCOMPARE(object.value(u"client_id"_s).toString(), u"c-7"_s);
    QVERIFY(object.value(u"seq"_s).isDouble());
    QVERIFY(object.value(u"timestamp"_s).isDouble());
    QVERIFY(!object.contains(u"type"_s)); // frames add their own type
    QCOMPARE(object.size(), 7);
}

void tst_ChatMessage::toJsonOmitsEmptyClientId()
{
    ChatMessage message = sample();
    message.clientId.clear();
    const QJsonObject object = message.toJson();
    QVERIFY(!object.contains(u"client_id"_s));
    QCOMPARE(object.size(), 6);
}

void tst_ChatMessage::roundTrip_data()
{
    QTest::addColumn<ChatMessage>("message");

    QTest::addRow("full") << sample();
    ChatMessage noClientId = sample();
    noClientId.clientId.clear();
    QTest::addRow("without client id") << noClientId;
    QTest::addRow("seq 1") << ChatMessage{1, u"a"_s, u"r"_s, u"u"_s, u"c"_s, 0, {}};
    QTest::addRow("largest exact JSON integer")
        << ChatMessage{9'007'199'254'740'991, u"id"_s, u"r"_s, u"u"_s, u"c"_s, 9'007'199'254'740'991, u"k"_s};
    QTest::addRow("unicode") << ChatMessage{
        2, u"id"_s, u"caf\u00E9"_s, u"Zo\u00EB \U0001F389"_s, u"h\u00E9llo \u65E5\u672C \U0001F600"_s, 5, u"\u00E9"_s};
    QTest::addRow("special characters") << ChatMessage{
        3, u"id"_s, u"r"_s, u"u"_s, u"quote \" backslash \\ newline \n tab \t nul "_s + QChar(0), 5, {}};
    QTest::addRow("JSON-looking content") << ChatMessage{4, u"id"_s, u"r"_s, u"u"_s, u"{\"content\":\"x\"}"_s, 5, {}};
    QTest::addRow("empty id") << ChatMessage{5, QString(), u"r"_s, u"u"_s, u"c"_s, 5, {}};
}

void tst_ChatMessage::roundTrip()
{
    QFETCH(ChatMessage, message);

    const auto direct = ChatMessage::fromJson(message.toJson());
    QVERIFY(direct);
    QCOMPARE(*direct, message);

    // Through the JSON text as well, as it travels on the wire.
    const QByteArray text = QJsonDocument(message.toJson()).toJson(QJsonDocument::Compact);
    const auto parsed = ChatMessage::fromJson(QJsonDocument::fromJson(text).object());
    QVERIFY(parsed);
    QCOMPARE(*parsed, message);
}

void tst_ChatMessage::fromJsonDefaults()
{
    const QJsonObject minimal{{u"seq"_s, 1}, {u"room"_s, u"r"_s}, {u"user"_s, u"u"_s}, {u"content"_s, u"c"_s}};
    const auto message = ChatMessage::fromJson(minimal);
    QVERIFY(message);
    QCOMPARE(message->seq, quint64(1));
    QCOMPARE(message->room, u"r"_s);
    QCOMPARE(message->user, u"u"_s);
    QCOMPARE(message->content, u"c"_s);
    QVERIFY(message->id.isEmpty());
    QCOMPARE(message->timestamp, 0);
    QVERIFY(message->clientId.isEmpty());
}

void tst_ChatMessage::fromJsonIgnoresExtraFields()
{
    QJsonObject object = validObject();
    object.insert(u"type"_s, u"message"_s);
    object.insert(u"extra"_s, QJsonObject{{u"nested"_s, true}});
    const auto message = ChatMessage::fromJson(object);
    QVERIFY(message);
    QCOMPARE(message->seq, quint64(3));
    QCOMPARE(message->id, u"m3"_s);
    QCOMPARE(message->content, u"hi"_s);
    QCOMPARE(message->timestamp, 1000);
}

void tst_ChatMessage::fromJsonRejects_data()
{
    QTest::addColumn<QJsonObject>("object");

    auto without = [](const QString &key) {
        QJsonObject object = validObject();
        object.remove(key);
        return object;
    };
    auto with = [](const QString &key, const QJsonValue &value) {
        QJsonObject object = validObject();
        object.insert(key, value);
        return object;
    };

    QTest::addRow("empty object") << QJsonObject();
    QTest::addRow("no room") << without(u"room"_s);
    QTest::addRow("no user") << without(u"user"_s);
    QTest::addRow("no content") << without(u"content"_s);
    QTest::addRow("no seq") << without(u"seq"_s);
    QTest::addRow("room number") << with(u"room"_s, 5);
    QTest::addRow("room null") << with(u"room"_s, QJsonValue::Null);
    QTest::addRow("user array") << with(u"user"_s, QJsonArray{u"ada"_s});
    QTest::addRow("user bool") << with(u"user"_s, true);
    QTest::addRow("content number") << with(u"content"_s, 1);
    QTest::addRow("content object") << with(u"content"_s, QJsonObject());
    QTest::addRow("seq string") << with(u"seq"_s, u"3"_s);
    QTest::addRow("seq null") << with(u"seq"_s, QJsonValue::Null);
    QTest::addRow("seq 0") << with(u"seq"_s, 0);
    QTest::addRow("seq negative") << with(u"seq"_s, -1);
    QTest::addRow("seq below 1") << with(u"seq"_s, 0.5);
    // Seqs are whole numbers (see the note in fromJsonRejects()).
    QTest::addRow("seq fraction") << with(u"seq"_s, 1.5);
    QTest::addRow("seq beyond qint64") << with(u"seq"_s, 1e20);
}

void tst_ChatMessage::fromJsonRejects()
{
    QFETCH(QJsonObject, object);
    const auto message = ChatMessage::fromJson(object);
    // "seq fraction" and "seq beyond qint64" guard a bug found in core/chatmessage.cpp (ChatMessage::fromJson):
    // it only checked `seq < 1` on the double and then took QJsonValue::toInteger(), whose fallback 0 let such
    // values through as a message with seq 0. The correct result is std::nullopt.
    QVERIFY2(!message, message ? qPrintable(QStringLiteral("accepted with seq %1").arg(message->seq)) : "");
}

void tst_ChatMessage::equality()
{
    const ChatMessage a = sample();
    ChatMessage b = sample();
    QCOMPARE(a, b);
    b.clientId = u"other"_s;
    QVERIFY(a != b);
    b = sample();
    b.seq = 8;
    QVERIFY(a != b);
    b = sample();
    b.timestamp += 1;
    QVERIFY(!(a == b));
}

QTEST_APPLESS_MAIN(tst_ChatMessage)
#include "tst_chatmessage.moc"
