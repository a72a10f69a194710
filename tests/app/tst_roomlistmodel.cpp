#include "membermodel.h"
#include "roomlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using natter::MemberModel;
using natter::RoomListModel;

class TestRoomListModel : public QObject
{
    Q_OBJECT

private slots:
    void roomsAreSortedAndUnique()
    {
        RoomListModel rooms;
        QAbstractItemModelTester tester(&rooms, QAbstractItemModelTester::FailureReportingMode::QtTest);
        rooms.addRoom(QStringLiteral("zeta"));
        rooms.addRoom(QStringLiteral("Alpha"));
        rooms.addRoom(QStringLiteral("general"));
        rooms.addRoom(QStringLiteral("general"));
        QCOMPARE(rooms.names(),
                 (QStringList{QStringLiteral("Alpha"), QStringLiteral("general"), QStringLiteral("zeta")}));
        rooms.removeRoom(QStringLiteral("Alpha"));
        QCOMPARE(rooms.count(), 2);
        QCOMPARE(rooms.indexOf(QStringLiteral("zeta")), 1);
        QCOMPARE(rooms.nameAt(5), QString());
    }

    void unreadCountsAndNavigation()
    {
        RoomListModel rooms;
        QAbstractItemModelTester tester(&rooms, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy total(&rooms, &RoomListModel::totalUnreadChanged);
        for (const char *name : {"a", "b", "c", "d"})
            rooms.addRoom(QString::fromLatin1(name));
        rooms.incrementUnread(QStringLiteral("b"));
        rooms.incrementUnread(QStringLiteral("b"));
        rooms.incrementUnread(QStringLiteral("d"));
        QCOMPARE(rooms.totalUnread(), 3);
        QCOMPARE(total.size(), 3);
        QCOMPARE(rooms.data(rooms.index(1), RoomListModel::UnreadRole).toInt(), 2);
        QCOMPARE(rooms.nextUnread(0, 1), 1);
        QCOMPARE(rooms.nextUnread(1, 1), 3);
        QCOMPARE(rooms.nextUnread(3, 1), 1); // wraps
        QCOMPARE(rooms.nextUnread(1, -1), 3);
        rooms.setUnread(QStringLiteral("b"), 0);
        rooms.setUnread(QStringLiteral("d"), 0);
        QCOMPARE(rooms.nextUnread(0, 1), -1);
        QCOMPARE(rooms.totalUnread(), 0);
    }

    void roomsThenGroupsThenDirectConversations()
    {
        RoomListModel rooms;
        QAbstractItemModelTester tester(&rooms, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString toZoe = QStringLiteral("@aaaaaaaaaaaaaaaaaaaaaaaa");
        const QString toBob = QStringLiteral("@ffffffffffffffffffffffff");
        for (const QString &name : {toZoe, QStringLiteral("team"), QStringLiteral("general"), toBob,
                                    QStringLiteral("Art"), QStringLiteral("zoo")})
            rooms.addRoom(name);
        rooms.setUnread(toBob, 2);
        // What the server says about each: the rows move to their sections, what they carry goes along.
        rooms.setRoomInfo(toZoe, QStringLiteral("direct"), QStringLiteral("Zoe"), {});
        rooms.setRoomInfo(QStringLiteral("team"), QStringLiteral("group"), {}, QStringLiteral("Alice"));
        rooms.setRoomInfo(toBob, QStringLiteral("direct"), QStringLiteral("bob"), {});
        rooms.setRoomInfo(QStringLiteral("Art"), QStringLiteral("group"), {}, QStringLiteral("Zoe"));
        QCOMPARE(rooms.names(), (QStringList{QStringLiteral("general"), QStringLiteral("zoo"), QStringLiteral("Art"),
                                             QStringLiteral("team"), toBob, toZoe}));
        QStringList sections;
        QStringList titles;
        for (int row = 0; row < rooms.count(); ++row) {
            sections.append(rooms.data(rooms.index(row), RoomListModel::SectionRole).toString());
            titles.append(rooms.data(rooms.index(row), RoomListModel::TitleRole).toString());
        }
        QCOMPARE(sections, (QStringList{QStringLiteral("rooms"), QStringLiteral("rooms"), QStringLiteral("groups"),
                                        QStringLiteral("groups"), QStringLiteral("direct"), QStringLiteral("direct")}));
        QCOMPARE(titles, (QStringList{QStringLiteral("general"), QStringLiteral("zoo"), QStringLiteral("Art"),
                                      QStringLiteral("team"), QStringLiteral("bob"), QStringLiteral("Zoe")}));
        QCOMPARE(rooms.unread(toBob), 2);
        QCOMPARE(rooms.titleOf(toZoe), QStringLiteral("Zoe"));
        QCOMPARE(rooms.ownerOf(QStringLiteral("team")), QStringLiteral("Alice"));
        QCOMPARE(rooms.kindOf(QStringLiteral("general")), QString());
        // A room added later still lands in the public part.
        rooms.addRoom(QStringLiteral("lobby"));
        QCOMPARE(rooms.indexOf(QStringLiteral("lobby")), 1);
    }

    void draftsAndMemberCounts()
    {
        RoomListModel rooms;
        QAbstractItemModelTester tester(&rooms, QAbstractItemModelTester::FailureReportingMode::QtTest);
        rooms.addRoom(QStringLiteral("general"));
        rooms.setDraft(QStringLiteral("general"), QStringLiteral("half a thought"));
        QCOMPARE(rooms.draft(QStringLiteral("general")), QStringLiteral("half a thought"));
        rooms.setMemberCount(QStringLiteral("general"), 4);
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::MemberCountRole).toInt(), 4);
        QVERIFY(rooms.roleNames().values().contains("unread"));
    }

    void membersSortedCaseInsensitively()
    {
        MemberModel members;
        members.setOwnUser(QStringLiteral("me"));
        QAbstractItemModelTester tester(&members, QAbstractItemModelTester::FailureReportingMode::QtTest);
        members.setMembers(
            {QStringLiteral("bob"), QStringLiteral("Alice"), QStringLiteral("me"), QStringLiteral("bob")});
        QCOMPARE(members.members(),
                 (QStringList{QStringLiteral("Alice"), QStringLiteral("bob"), QStringLiteral("me")}));
        members.addMember(QStringLiteral("Carol"));
        members.addMember(QStringLiteral("Carol"));
        QCOMPARE(members.count(), 4);
        members.removeMember(QStringLiteral("bob"));
        QCOMPARE(members.members(),
                 (QStringList{QStringLiteral("Alice"), QStringLiteral("Carol"), QStringLiteral("me")}));
        QVERIFY(members.data(members.index(2), MemberModel::OwnRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TestRoomListModel)
#include "tst_roomlistmodel.moc"
