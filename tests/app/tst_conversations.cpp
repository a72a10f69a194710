// Direct messages and groups from the app's side: two ChatClients (and a raw client for a third person) against a
// real server with accounts. Opening a conversation, the other side getting it, a closed conversation coming back,
// groups with invitations accepted, declined and made while away, removal, the people directory, and what the
// sidebar remembers between runs.
#include "chatclient.h"
#include "httpclient.h"
#include "names.h"
#include "testserver.h"
#include "tokenstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace natter;

namespace {
const QString password = QStringLiteral("correct horse battery");

QStringList invitedRooms(const ChatClient &client)
{
    QStringList rooms;
    for (const QVariant &invitation : client.invitations())
        rooms.append(invitation.toMap().value(QStringLiteral("room")).toString());
    return rooms;
}
} // namespace

class TestConversations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void directConversations();
    void groupsWithInvitations();
    void invitationsMadeWhileAwayAreWaiting();
    void peopleToWriteTo();
    void openServersOfferNone();

private:
    /// A ChatClient signed in to the server as @p user (the account is created on first use).
    std::unique_ptr<ChatClient> signIn(const QString &user);
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_server->port()); }

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<MemoryTokenStore> m_store;
    QSet<QString> m_registered;
};

void TestConversations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_conversations"));
}

void TestConversations::init()
{
    QSettings().clear();
    m_registered.clear();
    m_store = std::make_unique<MemoryTokenStore>();
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
    m_server = std::make_unique<TestServer>([&](ServerConfig &config) {
        config.auth = ServerConfig::Auth::Accounts;
        config.dataDir = m_dataDir->path();
        config.database = QStringLiteral("sqlite:") + m_dataDir->filePath(QStringLiteral("natter.sqlite"));
    });
    QVERIFY(m_server->isRunning());
}

void TestConversations::cleanup()
{
    m_server.reset();
}

std::unique_ptr<ChatClient> TestConversations::signIn(const QString &user)
{
    auto client = std::make_unique<ChatClient>();
    client->setOutboxPath(m_dir.filePath(user + QStringLiteral("-outbox.json")));
    client->setReconnectBaseMs(50);
    client->setTokenStore(m_store.get());
    const bool known = m_registered.contains(user);
    m_registered.insert(user);
    const bool started =
        known ? client->logIn(address(), user, password) : client->createAccount(address(), user, password);
    if (!started || !QTest::qWaitFor([&] { return client->state() == ChatClient::Connected; }, 10000)) {
        qWarning("%s could not sign in: %s", qPrintable(user), qPrintable(client->connectionError()));
        return nullptr;
    }
    return client;
}

void TestConversations::directConversations()
{
    auto alice = signIn(QStringLiteral("Alice"));
    auto bob = signIn(QStringLiteral("Bob"));
    QVERIFY(alice && bob);
    QVERIFY(alice->privateRoomsAvailable());
    const QString room = names::directRoomName(QStringLiteral("Alice"), QStringLiteral("Bob"));

    // Refused before asking: yourself.
    QVERIFY(!alice->openDirect(QStringLiteral("alice")));
    QVERIFY(!alice->actionError().isEmpty());

    // Alice writes to "bob": the conversation opens for her, titled with Bob's name as registered...
    QVERIFY(alice->openDirect(QStringLiteral("bob")));
    QVERIFY(alice->actionError().isEmpty());
    QTRY_COMPARE(alice->currentRoom(), room);
    QCOMPARE(alice->rooms()->kindOf(room), QStringLiteral("direct"));
    QCOMPARE(alice->rooms()->titleOf(room), QStringLiteral("Bob"));
    const int row = alice->rooms()->indexOf(room);
    QCOMPARE(alice->rooms()->data(alice->rooms()->index(row), RoomListModel::SectionRole).toString(),
             QStringLiteral("direct"));

    // ...and appears in Bob's list, with Alice's name, without taking him away from where he is.
    QTRY_VERIFY(bob->rooms()->contains(room));
    QCOMPARE(bob->rooms()->titleOf(room), QStringLiteral("Alice"));
    QCOMPARE(bob->currentRoom(), QStringLiteral("general"));

    QSignalSpy arrived(bob.get(), &ChatClient::messageArrived);
    QVERIFY(alice->sendMessage(room, QStringLiteral("lunch?")));
    QTRY_COMPARE(arrived.size(), 1);
    QCOMPARE(arrived.at(0).at(0).toString(), room);
    QCOMPARE(bob->rooms()->unread(room), 1);

    // Bob closes the conversation; Alice's next message brings it back, announced.
    bob->leaveRoom(room);
    QVERIFY(!bob->rooms()->contains(room));
    QVERIFY(alice->sendMessage(room, QStringLiteral("still there?")));
    QTRY_VERIFY(bob->rooms()->contains(room));
    QTRY_COMPARE(arrived.size(), 2);
    QCOMPARE(arrived.at(1).at(2).toString(), QStringLiteral("still there?"));
    QTRY_COMPARE(bob->messagesOf(room)->count(), 2);
    QCOMPARE(bob->rooms()->unread(room), 1); // only what came after he closed it

    // Opening it again from Bob's side goes to the same room.
    QVERIFY(bob->openDirect(QStringLiteral("Alice")));
    QTRY_COMPARE(bob->currentRoom(), room);

    // Someone without an account.
    QVERIFY(alice->openDirect(QStringLiteral("Nobody")));
    QTRY_VERIFY(alice->actionError().contains(QStringLiteral("Nobody")));
    QCOMPARE(alice->currentRoom(), room);

    // The next run of the app shows whom the conversation is with before the server has answered.
    alice.reset();
    ChatClient again;
    again.setOutboxPath(m_dir.filePath(QStringLiteral("Alice-outbox.json")));
    again.setTokenStore(m_store.get());
    QVERIFY(again.connectToServer(address(), QStringLiteral("Alice")));
    QVERIFY(again.rooms()->contains(room));
    QCOMPARE(again.rooms()->titleOf(room), QStringLiteral("Bob"));
}

void TestConversations::groupsWithInvitations()
{
    auto alice = signIn(QStringLiteral("Alice"));
    auto bob = signIn(QStringLiteral("Bob"));
    QVERIFY(alice && bob);
    const QString team = QStringLiteral("team");

    QVERIFY(alice->createGroup(team));
    QTRY_COMPARE(alice->currentRoom(), team);
    QCOMPARE(alice->rooms()->kindOf(team), QStringLiteral("group"));
    QCOMPARE(alice->rooms()->ownerOf(team), QStringLiteral("Alice"));
    // The name is taken now.
    QVERIFY(bob->createGroup(team));
    QTRY_VERIFY(bob->actionError().contains(QStringLiteral("exists already")));
    QVERIFY(!bob->rooms()->contains(team));

    // An invitation, declined.
    QSignalSpy invited(bob.get(), &ChatClient::invitationReceived);
    QSignalSpy done(alice.get(), &ChatClient::actionSucceeded);
    QVERIFY(alice->inviteToGroup(team, QStringLiteral("bob")));
    QTRY_COMPARE(invited.size(), 1);
    QCOMPARE(invited.at(0).at(0).toString(), team);
    QCOMPARE(invited.at(0).at(1).toString(), QStringLiteral("Alice"));
    QCOMPARE(invitedRooms(*bob), QStringList{team});
    QTRY_COMPARE(done.size(), 1);
    bob->declineInvitation(team);
    QTRY_VERIFY(bob->invitations().isEmpty());
    QVERIFY(!bob->rooms()->contains(team));

    // Invited again, and accepted: Bob is in, and there.
    QVERIFY(alice->inviteToGroup(team, QStringLiteral("Bob")));
    QTRY_COMPARE(invitedRooms(*bob), QStringList{team});
    bob->acceptInvitation(team);
    QTRY_COMPARE(bob->currentRoom(), team);
    QVERIFY(bob->invitations().isEmpty());
    QCOMPARE(bob->rooms()->kindOf(team), QStringLiteral("group"));
    QTRY_COMPARE(alice->members()->count(), 2);

    // Who belongs, online or not.
    QSignalSpy roster(alice.get(), &ChatClient::rosterReady);
    alice->fetchRoster(team);
    QTRY_COMPARE(roster.size(), 1);
    QCOMPARE(roster.at(0).at(1).toStringList(), (QStringList{QStringLiteral("Alice"), QStringLiteral("Bob")}));

    // Only the owner invites.
    QVERIFY(bob->inviteToGroup(team, QStringLiteral("Alice")));
    QTRY_VERIFY(bob->actionError().contains(QStringLiteral("owner")));

    // Alice takes Bob out: the group leaves his list, and he is told by whom.
    QSignalSpy removed(bob.get(), &ChatClient::removedFromGroup);
    alice->removeFromGroup(team, QStringLiteral("Bob"));
    QTRY_COMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toString(), QStringLiteral("Alice"));
    QVERIFY(!bob->rooms()->contains(team));
    QTRY_COMPARE(alice->members()->count(), 1);

    // Alice leaves her own group: it is gone from her list too.
    alice->leaveGroup(team);
    QTRY_VERIFY(!alice->rooms()->contains(team));
}

void TestConversations::invitationsMadeWhileAwayAreWaiting()
{
    auto alice = signIn(QStringLiteral("Alice"));
    auto bob = signIn(QStringLiteral("Bob"));
    QVERIFY(alice && bob);
    bob.reset(); // Bob quits

    QVERIFY(alice->createGroup(QStringLiteral("club")));
    QTRY_COMPARE(alice->currentRoom(), QStringLiteral("club"));
    QSignalSpy done(alice.get(), &ChatClient::actionSucceeded);
    QVERIFY(alice->inviteToGroup(QStringLiteral("club"), QStringLiteral("Bob")));
    QTRY_COMPARE(done.size(), 1);

    bob = signIn(QStringLiteral("Bob"));
    QVERIFY(bob);
    QTRY_COMPARE(invitedRooms(*bob), QStringList{QStringLiteral("club")});
    QCOMPARE(bob->invitations().constFirst().toMap().value(QStringLiteral("by")).toString(), QStringLiteral("Alice"));
}

void TestConversations::peopleToWriteTo()
{
    auto alice = signIn(QStringLiteral("Alice"));
    auto bob = signIn(QStringLiteral("Bob"));
    auto carol = signIn(QStringLiteral("Carol"));
    QVERIFY(alice && bob && carol);
    carol.reset();
    // Until the server has seen Carol go.
    HttpClient http;
    const QByteArray login = QJsonDocument(QJsonObject{{QStringLiteral("user"), QStringLiteral("Alice")},
                                                       {QStringLiteral("password"), password}})
                                 .toJson(QJsonDocument::Compact);
    http.bearerToken = http.post(m_server->httpUrl(QStringLiteral("/api/login")), login)
                           .json()
                           .object()
                           .value(QStringLiteral("token"))
                           .toString()
                           .toLatin1();
    QTRY_COMPARE(http.get(m_server->httpUrl(QStringLiteral("/api/online"))).json().array().size(), 2);

    // Everyone but the user, with whether they are online now.
    alice->refreshPeople();
    QTRY_COMPARE(alice->people().size(), 2);
    const QVariantMap first = alice->people().at(0).toMap();
    const QVariantMap second = alice->people().at(1).toMap();
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("Bob"));
    QVERIFY(first.value(QStringLiteral("online")).toBool());
    QCOMPARE(second.value(QStringLiteral("name")).toString(), QStringLiteral("Carol"));
    QVERIFY(!second.value(QStringLiteral("online")).toBool());
}

void TestConversations::openServersOfferNone()
{
    TestServer open;
    ChatClient client;
    client.setOutboxPath(m_dir.filePath(QStringLiteral("open-outbox.json")));
    client.setTokenStore(m_store.get());
    QVERIFY(client.connectToServer(QStringLiteral("127.0.0.1:%1").arg(open.port()), QStringLiteral("Dave")));
    QTRY_COMPARE(client.state(), ChatClient::Connected);
    QVERIFY(!client.privateRoomsAvailable());
    QVERIFY(!client.openDirect(QStringLiteral("Erin")));
    QVERIFY(client.actionError().contains(QStringLiteral("accounts")));
    QVERIFY(!client.createGroup(QStringLiteral("club")));
}

QTEST_GUILESS_MAIN(TestConversations)
#include "tst_conversations.moc"
