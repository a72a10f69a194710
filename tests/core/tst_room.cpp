#include "room.h"

#include <QTest>

using namespace Qt::StringLiterals;
using natter::ConnectionKey;
using natter::Room;

namespace {

constexpr qint64 createdAt = 1'700'000'000'000;

QString clientKey(qsizetype n)
{
    return QStringLiteral("key-%1").arg(n);
}

QString messageId(quint64 n)
{
    return QStringLiteral("m%1").arg(n);
}

} // namespace

class tst_Room : public QObject
{
    Q_OBJECT

private slots:
    void initialState();
    void postAssignsFields();
    void seqMonotonic();
    void seqIndependentBetweenRooms();
    void historyFollowsPosts();
    void duplicateClientIdReturnsOriginal();
    void duplicateAfterOtherPosts();
    void duplicateAfterHistoryWrapped();
    void notDuplicate_data();
    void notDuplicate();
    void idempotencyWindowEviction();
    void unkeyedPostsDoNotUseTheWindow();
    void addMemberReturnsFirstConnection();
    void removeMemberReturnsLastConnection();
    void readdingConnectionUpdatesWantsEvents();
    void connectionKeysDistinguishWorkers();
    void memberNamesSortedAndDistinct();
    void lastActivity();
};

void tst_Room::initialState()
{
    const Room room(QStringLiteral("general"), 10, createdAt);
    QCOMPARE(room.name(), QStringLiteral("general"));
    QCOMPARE(room.lastSeq(), quint64(0));
    QCOMPARE(room.lastActivityMs(), createdAt);
    QVERIFY(room.history().isEmpty());
    QCOMPARE(room.history().capacity(), 10);
    QCOMPARE(room.memberCount(), 0);
    QVERIFY(room.memberNames().isEmpty());
    QVERIFY(room.connections().isEmpty());
    QVERIFY(room.userConnections().isEmpty());
}

void tst_Room::postAssignsFields()
{
    Room room(QStringLiteral("general"), 10, createdAt);
    const auto result =
        room.post(QStringLiteral("ada"), QStringLiteral("hello"), QStringLiteral("c1"), createdAt + 5, u"m1"_s);
    QVERIFY(!result.duplicate);
    QCOMPARE(result.message.seq, quint64(1));
    QCOMPARE(result.message.id, QStringLiteral("m1"));
    QCOMPARE(result.message.room, QStringLiteral("general"));
    QCOMPARE(result.message.user, QStringLiteral("ada"));
    QCOMPARE(result.message.content, QStringLiteral("hello"));
    QCOMPARE(result.message.timestamp, createdAt + 5);
    QCOMPARE(result.message.clientId, QStringLiteral("c1"));
    QCOMPARE(room.lastSeq(), quint64(1));
    QCOMPARE(room.history().size(), 1);
    QCOMPARE(room.history().at(0), result.message);
}

void tst_Room::seqMonotonic()
{
    Room room(QStringLiteral("general"), 16, createdAt);
    for (quint64 n = 1; n <= 200; ++n) {
        // Alternate keyed and unkeyed posts: both consume a seq.
        const QString clientId = n % 2 ? clientKey(qsizetype(n)) : QString();
        const auto result =
            room.post(QStringLiteral("ada"), QStringLiteral("text"), clientId, createdAt + qint64(n), messageId(n));
        QVERIFY(!result.duplicate);
        QCOMPARE(result.message.seq, n);
        QCOMPARE(room.lastSeq(), n);
        QCOMPARE(room.history().latestSeq(), n);
    }
}

void tst_Room::seqIndependentBetweenRooms()
{
    Room first(QStringLiteral("first"), 10, createdAt);
    Room second(QStringLiteral("second"), 10, createdAt);

    QCOMPARE(first.post(u"ada"_s, u"a"_s, {}, createdAt, u"f1"_s).message.seq, quint64(1));
    QCOMPARE(first.post(u"ada"_s, u"b"_s, {}, createdAt, u"f2"_s).message.seq, quint64(2));
    QCOMPARE(second.post(u"bob"_s, u"c"_s, {}, createdAt, u"s1"_s).message.seq, quint64(1));
    QCOMPARE(first.post(u"ada"_s, u"d"_s, {}, createdAt, u"f3"_s).message.seq, quint64(3));
    QCOMPARE(second.post(u"bob"_s, u"e"_s, {}, createdAt, u"s2"_s).message.seq, quint64(2));
    // The same client id in two rooms is two messages.
    QCOMPARE(first.post(u"ada"_s, u"f"_s, u"same"_s, createdAt, u"f4"_s).message.seq, quint64(4));
    const auto inSecond = second.post(u"ada"_s, u"f"_s, u"same"_s, createdAt, u"s3"_s);
    QVERIFY(!inSecond.duplicate);
    QCOMPARE(inSecond.message.seq, quint64(3));
    QCOMPARE(inSecond.message.room, u"second"_s);

    QCOMPARE(first.lastSeq(), quint64(4));
    QCOMPARE(second.lastSeq(), quint64(3));
    QCOMPARE(first.history().size(), 4);
    QCOMPARE(second.history().size(), 3);
}

void tst_Room::historyFollowsPosts()
{
    Room room(QStringLiteral("general"), 3, createdAt);
    for (quint64 n = 1; n <= 5; ++n)
        room.post(u"ada"_s, QStringLiteral("text %1").arg(n), {}, createdAt + qint64(n), messageId(n));
    QCOMPARE(room.lastSeq(), quint64(5));
    QCOMPARE(room.history().size(), 3);
    QCOMPARE(room.history().oldestSeq(), quint64(3));
    QCOMPARE(room.history().latestSeq(), quint64(5));
    QCOMPARE(room.history().at(0).content, u"text 3"_s);
    QCOMPARE(room.history().at(2).id, u"m5"_s);
}

void tst_Room::duplicateClientIdReturnsOriginal()
{
    Room room(QStringLiteral("general"), 10, createdAt);
    const auto original = room.post(u"ada"_s, u"hello"_s, u"c1"_s, createdAt + 100, u"m1"_s);
    QVERIFY(!original.duplicate);

    // A retry with the same key: the original comes back, whatever the retry carried.
    const auto retry = room.post(u"ada"_s, u"hello, edited"_s, u"c1"_s, createdAt + 200, u"m2"_s);
    QVERIFY(retry.duplicate);
    QCOMPARE(retry.message.seq, original.message.seq);
    QCOMPARE(retry.message.id, u"m1"_s);
    QCOMPARE(retry.message.content, u"hello"_s);
    QCOMPARE(retry.message.timestamp, createdAt + 100);
    QCOMPARE(retry.message.clientId, u"c1"_s);
    QCOMPARE(retry.message.user, u"ada"_s);
    QCOMPARE(retry.message.room, u"general"_s);
    QCOMPARE(retry.message, original.message);

    // Nothing changed.
    QCOMPARE(room.lastSeq(), quint64(1));
    QCOMPARE(room.history().size(), 1);
    QCOMPARE(room.lastActivityMs(), createdAt + 100);

    // The next real post continues the sequence.
    const auto next = room.post(u"ada"_s, u"next"_s, u"c2"_s, createdAt + 300, u"m3"_s);
    QVERIFY(!next.duplicate);
    QCOMPARE(next.message.seq, quint64(2));
}

void tst_Room::duplicateAfterOtherPosts()
{
    Room room(QStringLiteral("general"), 10, createdAt);
    const auto original = room.post(u"ada"_s, u"first"_s, u"c1"_s, createdAt, u"m1"_s);
    room.post(u"bob"_s, u"second"_s, u"c2"_s, createdAt + 1, u"m2"_s);
    room.post(u"ada"_s, u"third"_s, {}, createdAt + 2, u"m3"_s);
    room.post(u"ada"_s, u"fourth"_s, u"c3"_s, createdAt + 3, u"m4"_s);

    const auto retry = room.post(u"ada"_s, u"first"_s, u"c1"_s, createdAt + 4, u"m5"_s);
    QVERIFY(retry.duplicate);
    QCOMPARE(retry.message, original.message);
    QCOMPARE(room.lastSeq(), quint64(4));
    QCOMPARE(room.history().size(), 4);
}

void tst_Room::duplicateAfterHistoryWrapped()
{
    // The idempotency memory is independent of the history ring.
    Room room(QStringLiteral("general"), 2, createdAt);
    const auto original = room.post(u"ada"_s, u"first"_s, u"c1"_s, createdAt, u"m1"_s);
    for (quint64 n = 2; n <= 6; ++n)
        room.post(u"bob"_s, u"filler"_s, {}, createdAt + qint64(n), messageId(n));
    QCOMPARE(room.history().findBySeq(1), nullptr);

    const auto retry = room.post(u"ada"_s, u"first"_s, u"c1"_s, createdAt + 10, u"m7"_s);
    QVERIFY(retry.duplicate);
    QCOMPARE(retry.message, original.message);
    QCOMPARE(room.lastSeq(), quint64(6));
}

void tst_Room::notDuplicate_data()
{
    QTest::addColumn<QString>("firstUser");
    QTest::addColumn<QString>("firstClientId");
    QTest::addColumn<QString>("secondUser");
    QTest::addColumn<QString>("secondClientId");

    QTest::addRow("same client id, different user") << u"ada"_s << u"c1"_s << u"bob"_s << u"c1"_s;
    QTest::addRow("same client id, user differs in case") << u"ada"_s << u"c1"_s << u"Ada"_s << u"c1"_s;
    QTest::addRow("same user, different client id") << u"ada"_s << u"c1"_s << u"ada"_s << u"c2"_s;
    QTest::addRow("client id differs in case") << u"ada"_s << u"c1"_s << u"ada"_s << u"C1"_s;
    QTest::addRow("no client id twice") << u"ada"_s << QString() << u"ada"_s << QString();
    QTest::addRow("client id, then none") << u"ada"_s << u"c1"_s << u"ada"_s << QString();
    QTest::addRow("user and client id swapped") << u"ada"_s << u"bob"_s << u"bob"_s << u"ada"_s;
}

void tst_Room::notDuplicate()
{
    QFETCH(QString, firstUser);
    QFETCH(QString, firstClientId);
    QFETCH(QString, secondUser);
    QFETCH(QString, secondClientId);

    Room room(QStringLiteral("general"), 10, createdAt);
    const auto first = room.post(firstUser, u"same text"_s, firstClientId, createdAt, u"m1"_s);
    const auto second = room.post(secondUser, u"same text"_s, secondClientId, createdAt + 1, u"m2"_s);
    QVERIFY(!first.duplicate);
    QVERIFY(!second.duplicate);
    QCOMPARE(first.message.seq, quint64(1));
    QCOMPARE(second.message.seq, quint64(2));
    QCOMPARE(second.message.id, u"m2"_s);
    QCOMPARE(second.message.user, secondUser);
    QCOMPARE(room.history().size(), 2);
}

void tst_Room::idempotencyWindowEviction()
{
    constexpr qsizetype window = Room::idempotencyWindow;
    Room room(QStringLiteral("general"), 8, createdAt);
    quint64 n = 0;
    auto postKeyed = [&](qsizetype key) {
        ++n;
        return room.post(u"ada"_s, QStringLiteral("text %1").arg(key), clientKey(key), createdAt + qint64(n),
                         messageId(n));
    };

    const auto oldest = postKeyed(0);
    QVERIFY(!oldest.duplicate);
    // window - 1 newer keys: key 0 is still within the window.
    for (qsizetype key = 1; key < window; ++key)
        QVERIFY(!postKeyed(key).duplicate);
    QCOMPARE(room.lastSeq(), quint64(window));

    const auto stillRemembered = room.post(u"ada"_s, u"retry"_s, clientKey(0), createdAt, u"retry"_s);
    QVERIFY(stillRemembered.duplicate);
    QCOMPARE(stillRemembered.message.seq, quint64(1));
    QCOMPARE(room.lastSeq(), quint64(window)); // a duplicate does not take a seq

    // The window-th newer key pushes key 0 out; key 1 is now the oldest remembered.
    QVERIFY(!postKeyed(window).duplicate);
    QCOMPARE(room.lastSeq(), quint64(window + 1));

    const auto forgotten = room.post(u"ada"_s, u"retry"_s, clientKey(0), createdAt, u"again"_s);
    QVERIFY2(!forgotten.duplicate, "the oldest key must be forgotten after idempotencyWindow newer keyed posts");
    QCOMPARE(forgotten.message.seq, quint64(window + 2));
    QCOMPARE(forgotten.message.id, u"again"_s);

    // Re-posting key 0 remembered it again and pushed out key 1; key 2 is still known.
    const auto keyTwo = room.post(u"ada"_s, u"retry"_s, clientKey(2), createdAt, u"two"_s);
    QVERIFY(keyTwo.duplicate);
    QCOMPARE(keyTwo.message.seq, quint64(3));
    const auto keyZero = room.post(u"ada"_s, u"retry"_s, clientKey(0), createdAt, u"zero"_s);
    QVERIFY(keyZero.duplicate);
    QCOMPARE(keyZero.message.seq, quint64(window + 2));
    const auto keyOne = room.post(u"ada"_s, u"retry"_s, clientKey(1), createdAt, u"one"_s);
    QVERIFY(!keyOne.duplicate);
    QCOMPARE(keyOne.message.seq, quint64(window + 3));
    QCOMPARE(room.lastSeq(), quint64(window + 3));
}

void tst_Room::unkeyedPostsDoNotUseTheWindow()
{
    Room room(QStringLiteral("general"), 8, createdAt);
    const auto original = room.post(u"ada"_s, u"keyed"_s, u"c1"_s, createdAt, u"m1"_s);
    for (qsizetype n = 0; n < Room::idempotencyWindow + 10; ++n)
        room.post(u"ada"_s, u"unkeyed"_s, {}, createdAt, messageId(quint64(n) + 2));
    const auto retry = room.post(u"ada"_s, u"keyed"_s, u"c1"_s, createdAt, u"retry"_s);
    QVERIFY(retry.duplicate);
    QCOMPARE(retry.message, original.message);
}

void tst_Room::addMemberReturnsFirstConnection()
{
    Room room(QStringLiteral("general"), 10, createdAt);
    const ConnectionKey ada1{0, 1}, ada2{1, 2}, bob{0, 3};

    QVERIFY(room.addMember(ada1, u"ada"_s, true));   // first connection of ada
    QVERIFY(!room.addMember(ada2, u"ada"_s, false)); // second connection of ada
    QVERIFY(room.addMember(bob, u"bob"_s, true));    // first connection of bob
    QVERIFY(!room.addMember(ada1, u"ada"_s, true));  // the same connection again

    QVERIFY(room.isMember(ada1));
    QVERIFY(room.isMember(ada2));
    QVERIFY(room.isMember(bob));
    QVERIFY(!room.isMember(ConnectionKey{0, 2}));
    QCOMPARE(room.memberCount(), 2);
    QCOMPARE(room.connections().size(), 3);
    QCOMPARE(room.userConnections().value(u"ada"_s), 2);
    QCOMPARE(room.userConnections().value(u"bob"_s), 1);
    QCOMPARE(room.connections().value(ada2).user, u"ada"_s);
    QVERIFY(!room.connections().value(ada2).wantsEvents);
}

void tst_Room::removeMemberReturnsLastConnection()
{
    Room room(QStringLiteral("general"), 10, createdAt);
    const ConnectionKey ada1{0, 1}, ada2{0, 2}, bob{3, 1};
    room.addMember(ada1, u"ada"_s, true);
    room.addMember(ada2, u"ada"_s, true);
    room.addMember(bob, u"bob"_s, true);

    QCOMPARE(room.removeMember(ConnectionKey{9, 9}), std::nullopt); // never joined
    QCOMPARE(room.removeMember(ada1), std::nullopt);                // ada still has ada2
    QVERIFY(!room.isMember(ada1));
    QCOMPARE(room.memberCount(), 2);
    QCOMPARE(room.userConnections().value(u"ada"_s), 1);

    QCOMPARE(room.removeMember(ada1), std::nullopt); // already removed
    QCOMPARE(room.userConnections().value(u"ada"_s), 1);

    QCOMPARE(room.removeMember(ada2), std::optional<QString>(u"ada"_s)); // ada's last connection
    QCOMPARE(room.memberCount(), 1);
    QVERIFY(!room.userConnections().contains(u"ada"_s));
    QCOMPARE(room.memberNames(), QStringList{u"bob"_s});

    QCOMPARE(room.removeMember(bob), std::optional<QString>(u"bob"_s));
    QCOMPARE(room.memberCount(), 0);
    QVERIFY(room.connections().isEmpty());
    QVERIFY(room.memberNames().isEmpty());

    // Coming back after leaving is a first connection again.
    QVERIFY(room.addMember(ada1, u"ada"_s, true));
}

void tst_Room::readdingConnectionUpdatesWantsEvents()
{
    Room room(QStringLiteral("general"), 10, createdAt);
    const ConnectionKey key{0, 1};
    QVERIFY(room.addMember(key, u"ada"_s, false));
    QVERIFY(!room.connections().value(key).wantsEvents);
    QVERIFY(!room.addMember(key, u"ada"_s, true));
    QVERIFY(room.connections().value(key).wantsEvents);
    QCOMPARE(room.userConnections().value(u"ada"_s), 1);
    QCOMPARE(room.removeMember(key), std::optional<QString>(u"ada"_s));
}

void tst_Room::connectionKeysDistinguishWorkers()
{
    const ConnectionKey a{1, 7}, b{2, 7}, c{1, 8};
    QVERIFY(a != b);
    QVERIFY(a != c);
    QCOMPARE(a, (ConnectionKey{1, 7}));
    QCOMPARE(a.packed(), (quint64(1) << 32) | 7);
    QVERIFY(a.packed() != b.packed());

    Room room(QStringLiteral("general"), 10, createdAt);
    QVERIFY(room.addMember(a, u"ada"_s, true));
    QVERIFY(!room.addMember(b, u"ada"_s, true));
    QCOMPARE(room.connections().size(), 2);
    QCOMPARE(room.removeMember(a), std::nullopt);
    QVERIFY(room.isMember(b));
}

void tst_Room::memberNamesSortedAndDistinct()
{
    Room room(QStringLiteral("general"), 10, createdAt);
    quint32 id = 0;
    for (const auto &user : {u"zoe"_s, u"bob"_s, u"Ada"_s, u"bob"_s, u"ada"_s, u"zoe"_s, u"Émile"_s, u"bob"_s})
        room.addMember(ConnectionKey{0, ++id}, user, true);

    // Sorted by QString ordering (UTF-16 code units), each user once.
    const QStringList expected{u"Ada"_s, u"ada"_s, u"bob"_s, u"zoe"_s, u"Émile"_s};
    QCOMPARE(room.memberNames(), expected);
    QCOMPARE(room.memberCount(), 5);
    QCOMPARE(room.userConnections().value(u"bob"_s), 3);

    // Removing one of bob's connections keeps him; removing all of them drops him.
    QCOMPARE(room.removeMember(ConnectionKey{0, 2}), std::nullopt);
    QCOMPARE(room.memberNames(), expected);
    QCOMPARE(room.removeMember(ConnectionKey{0, 4}), std::nullopt);
    QCOMPARE(room.removeMember(ConnectionKey{0, 8}), std::optional<QString>(u"bob"_s));
    QCOMPARE(room.memberNames(), (QStringList{u"Ada"_s, u"ada"_s, u"zoe"_s, u"Émile"_s}));
}

void tst_Room::lastActivity()
{
    Room room(QStringLiteral("general"), 10, createdAt);
    QCOMPARE(room.lastActivityMs(), createdAt);

    room.post(u"ada"_s, u"one"_s, {}, createdAt + 1000, u"m1"_s);
    QCOMPARE(room.lastActivityMs(), createdAt + 1000);

    room.post(u"ada"_s, u"two"_s, u"c2"_s, createdAt + 2000, u"m2"_s);
    QCOMPARE(room.lastActivityMs(), createdAt + 2000);

    // A duplicate changes nothing, activity included.
    room.post(u"ada"_s, u"two"_s, u"c2"_s, createdAt + 3000, u"m3"_s);
    QCOMPARE(room.lastActivityMs(), createdAt + 2000);

    room.post(u"bob"_s, u"three"_s, u"c2"_s, createdAt + 4000, u"m4"_s);
    QCOMPARE(room.lastActivityMs(), createdAt + 4000);
}

QTEST_APPLESS_MAIN(tst_Room)
#include "tst_room.moc"
