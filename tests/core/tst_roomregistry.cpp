#include "roomregistry.h"

#include <QTest>

using namespace Qt::StringLiterals;
using natter::ConnectionKey;
using natter::Room;
using natter::RoomRegistry;

namespace {

constexpr qint64 now = 1'700'000'000'000;

QStringList namesOf(const RoomRegistry &registry)
{
    QStringList names;
    for (const auto &[name, room] : registry.rooms())
        names.append(name);
    return names;
}

} // namespace

class tst_RoomRegistry : public QObject
{
    Q_OBJECT

private slots:
    void empty();
    void getOrCreateIsLazy();
    void historyCapacityPassedToRooms();
    void createReturnsNullWhenExists();
    void find();
    void takeThenRecreateStartsFresh();
    void roomsOrderedByName_data();
    void roomsOrderedByName();
};

void tst_RoomRegistry::empty()
{
    RoomRegistry registry(10);
    QCOMPARE(registry.size(), 0);
    QVERIFY(registry.rooms().empty());
    QCOMPARE(registry.find(u"general"_s), nullptr);
    QCOMPARE(std::as_const(registry).find(u"general"_s), nullptr);
    QVERIFY(!registry.take(u"general"_s));
}

void tst_RoomRegistry::getOrCreateIsLazy()
{
    RoomRegistry registry(10);
    QCOMPARE(registry.find(u"general"_s), nullptr);

    Room &room = registry.getOrCreate(u"general"_s, now);
    QCOMPARE(registry.size(), 1);
    QCOMPARE(room.name(), u"general"_s);
    QCOMPARE(room.lastActivityMs(), now);
    QCOMPARE(room.lastSeq(), quint64(0));
    room.post(u"ada"_s, u"hello"_s, {}, now + 1, u"m1"_s);

    // The second call returns the same room untouched.
    Room &again = registry.getOrCreate(u"general"_s, now + 5000);
    QCOMPARE(&again, &room);
    QCOMPARE(registry.size(), 1);
    QCOMPARE(again.lastSeq(), quint64(1));
    QCOMPARE(again.lastActivityMs(), now + 1);

    Room &other = registry.getOrCreate(u"other"_s, now + 2);
    QVERIFY(&other != &room);
    QCOMPARE(registry.size(), 2);
    QCOMPARE(other.lastSeq(), quint64(0));
    QCOMPARE(other.lastActivityMs(), now + 2);
}

void tst_RoomRegistry::historyCapacityPassedToRooms()
{
    RoomRegistry registry(7);
    QCOMPARE(registry.getOrCreate(u"a"_s, now).history().capacity(), 7);
    QCOMPARE(registry.create(u"b"_s, now)->history().capacity(), 7);
}

void tst_RoomRegistry::createReturnsNullWhenExists()
{
    RoomRegistry registry(10);
    Room *created = registry.create(u"general"_s, now);
    QVERIFY(created);
    QCOMPARE(created->name(), u"general"_s);
    QCOMPARE(created->lastActivityMs(), now);
    created->post(u"ada"_s, u"hello"_s, {}, now + 1, u"m1"_s);
    created->addMember(ConnectionKey{0, 1}, u"ada"_s, true);

    QCOMPARE(registry.create(u"general"_s, now + 10), nullptr);
    QCOMPARE(registry.size(), 1);
    // The existing room is left as it was.
    QCOMPARE(registry.find(u"general"_s), created);
    QCOMPARE(created->lastSeq(), quint64(1));
    QCOMPARE(created->memberCount(), 1);

    // Also after getOrCreate made the room.
    registry.getOrCreate(u"lazy"_s, now);
    QCOMPARE(registry.create(u"lazy"_s, now), nullptr);
    QCOMPARE(registry.size(), 2);

    // Names are case-sensitive: another spelling is another room.
    Room *upper = registry.create(u"General"_s, now);
    QVERIFY(upper);
    QVERIFY(upper != created);
    QCOMPARE(registry.size(), 3);
}

void tst_RoomRegistry::find()
{
    RoomRegistry registry(10);
    Room &general = registry.getOrCreate(u"general"_s, now);
    Room &random = registry.getOrCreate(u"random"_s, now);

    QCOMPARE(registry.find(u"general"_s), &general);
    QCOMPARE(registry.find(u"random"_s), &random);
    QCOMPARE(std::as_const(registry).find(u"general"_s), &general);
    QCOMPARE(registry.find(u"missing"_s), nullptr);
    QCOMPARE(registry.find(u"GENERAL"_s), nullptr);
    QCOMPARE(registry.find(QString()), nullptr);
    // find never creates.
    QCOMPARE(registry.size(), 2);
}

void tst_RoomRegistry::takeThenRecreateStartsFresh()
{
    RoomRegistry registry(10);
    Room &room = registry.getOrCreate(u"general"_s, now);
    registry.getOrCreate(u"random"_s, now);
    for (int n = 1; n <= 3; ++n)
        room.post(u"ada"_s, u"text"_s, QStringLiteral("c%1").arg(n), now + n, QStringLiteral("m%1").arg(n));
    room.addMember(ConnectionKey{0, 1}, u"ada"_s, true);

    std::unique_ptr<Room> taken = registry.take(u"general"_s);
    QVERIFY(taken);
    QCOMPARE(taken.get(), &room);
    QCOMPARE(taken->name(), u"general"_s);
    QCOMPARE(taken->lastSeq(), quint64(3));
    QCOMPARE(taken->memberNames(), QStringList{u"ada"_s});
    QCOMPARE(registry.size(), 1);
    QCOMPARE(registry.find(u"general"_s), nullptr);
    QVERIFY(!registry.take(u"general"_s)); // already gone
    QVERIFY(registry.find(u"random"_s));   // others untouched

    Room &fresh = registry.getOrCreate(u"general"_s, now + 100);
    QCOMPARE(registry.size(), 2);
    QCOMPARE(fresh.lastSeq(), quint64(0));
    QVERIFY(fresh.history().isEmpty());
    QCOMPARE(fresh.memberCount(), 0);
    QCOMPARE(fresh.lastActivityMs(), now + 100);

    // The old room's client ids are gone with it: "c1" is a new message with seq 1.
    const auto first = fresh.post(u"ada"_s, u"again"_s, u"c1"_s, now + 101, u"n1"_s);
    QVERIFY(!first.duplicate);
    QCOMPARE(first.message.seq, quint64(1));
    QCOMPARE(first.message.id, u"n1"_s);

    // The taken room stays usable by its new owner.
    QCOMPARE(taken->post(u"ada"_s, u"late"_s, {}, now + 200, u"m4"_s).message.seq, quint64(4));
    QCOMPARE(fresh.lastSeq(), quint64(1));

    // create works too after take.
    registry.take(u"random"_s);
    Room *recreated = registry.create(u"random"_s, now + 300);
    QVERIFY(recreated);
    QCOMPARE(recreated->lastSeq(), quint64(0));
    QCOMPARE(recreated->post(u"bob"_s, u"hi"_s, {}, now + 301, u"r1"_s).message.seq, quint64(1));
}

void tst_RoomRegistry::roomsOrderedByName_data()
{
    QTest::addColumn<QStringList>("inserted");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("ascii") << QStringList{u"zeta"_s, u"alpha"_s, u"mid"_s, u"beta"_s}
                           << QStringList{u"alpha"_s, u"beta"_s, u"mid"_s, u"zeta"_s};
    QTest::addRow("digits, case, punctuation")
        << QStringList{u"zeta"_s, u"_x"_s, u"Beta"_s, u"0day"_s, u"alpha"_s, u"a.b"_s, u"a-b"_s}
        << QStringList{u"0day"_s, u"Beta"_s, u"_x"_s, u"a-b"_s, u"a.b"_s, u"alpha"_s, u"zeta"_s};
    QTest::addRow("prefixes") << QStringList{u"general2"_s, u"general"_s, u"gen"_s}
                              << QStringList{u"gen"_s, u"general"_s, u"general2"_s};
    QTest::addRow("non-ascii after ascii")
        << QStringList{u"日本"_s, u"café"_s, u"cafe"_s} << QStringList{u"cafe"_s, u"café"_s, u"日本"_s};
    QTest::addRow("duplicates collapse") << QStringList{u"b"_s, u"a"_s, u"b"_s, u"a"_s} << QStringList{u"a"_s, u"b"_s};
}

void tst_RoomRegistry::roomsOrderedByName()
{
    QFETCH(QStringList, inserted);
    QFETCH(QStringList, expected);

    RoomRegistry registry(10);
    for (const auto &name : inserted)
        registry.getOrCreate(name, now);
    QCOMPARE(registry.size(), expected.size());
    QCOMPARE(namesOf(registry), expected);
    for (const auto &[name, room] : registry.rooms())
        QCOMPARE(room->name(), name);
}

QTEST_APPLESS_MAIN(tst_RoomRegistry)
#include "tst_roomregistry.moc"
