// Direct messages and invite-only groups on a server with accounts: who may join, post, read and list them
// (over the WebSocket and REST alike), invitations, removals, and all of it surviving a restart.
#include "httpclient.h"
#include "names.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace natter;

class TestPrivateRooms : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void directMessagesAreForTwo();
    void aClosedConversationComesBackWithTheNextMessage();
    void theDirectoryListsPeopleToWriteTo();
    void groupsAreByInvitation();
    void membershipSurvivesARestart();
    void openServersHaveNone();

private:
    void startServer();
    QByteArray tokenFor(const QString &user);
    std::unique_ptr<TestClient> connect(const QString &user);
    /// Sends a typed request and returns its reply.
    static QJsonObject ask(TestClient &client, const QJsonObject &request);
    HttpClient::Result restAs(const QString &user, const QString &path);

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<TestServer> m_server;
    QHash<QString, QByteArray> m_tokens;
    HttpClient m_http;
};

namespace {
const QString password = QStringLiteral("correct horse battery");

QString codeOf(const QJsonObject &frame)
{
    return frame.value(QLatin1String("code")).toString();
}
QString typeOf(const QJsonObject &frame)
{
    return frame.value(QLatin1String("type")).toString();
}
} // namespace

void TestPrivateRooms::init()
{
    m_server.reset();
    m_tokens.clear();
    m_dataDir = std::make_unique<QTemporaryDir>();
    startServer();
}

void TestPrivateRooms::startServer()
{
    m_server = std::make_unique<TestServer>([&](ServerConfig &config) {
        config.auth = ServerConfig::Auth::Accounts;
        config.dataDir = m_dataDir->path();
        config.database = QStringLiteral("sqlite:") + m_dataDir->filePath(QStringLiteral("natter.sqlite"));
    });
    QVERIFY(m_server->isRunning());
}

QByteArray TestPrivateRooms::tokenFor(const QString &user)
{
    if (m_tokens.contains(user))
        return m_tokens.value(user);
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}})
            .toJson(QJsonDocument::Compact);
    m_http.bearerToken.clear();
    m_http.post(m_server->httpUrl(QStringLiteral("/api/register")), body);
    const auto login = m_http.post(m_server->httpUrl(QStringLiteral("/api/login")), body);
    const QByteArray token = login.json().object().value(QStringLiteral("token")).toString().toLatin1();
    m_tokens.insert(user, token);
    return token;
}

std::unique_ptr<TestClient> TestPrivateRooms::connect(const QString &user)
{
    auto client = std::make_unique<TestClient>(
        m_server->webSocketUrl(QStringLiteral("token=") + QString::fromLatin1(tokenFor(user))));
    if (!client->waitConnected() || client->waitForType(QStringLiteral("welcome")).isEmpty())
        return nullptr;
    return client;
}

QJsonObject TestPrivateRooms::ask(TestClient &client, const QJsonObject &request)
{
    return client.waitForReply(client.request(request));
}

HttpClient::Result TestPrivateRooms::restAs(const QString &user, const QString &path)
{
    m_http.bearerToken = tokenFor(user);
    return m_http.get(m_server->httpUrl(path));
}

void TestPrivateRooms::directMessagesAreForTwo()
{
    auto alice = connect(QStringLiteral("Alice"));
    auto bob = connect(QStringLiteral("Bob"));
    auto carol = connect(QStringLiteral("Carol"));
    QVERIFY(alice && bob && carol);

    const QJsonObject opened = ask(
        *alice, {{QStringLiteral("type"), QStringLiteral("direct")}, {QStringLiteral("user"), QStringLiteral("bob")}});
    QCOMPARE(typeOf(opened), QStringLiteral("joined"));
    QCOMPARE(opened.value(QLatin1String("kind")).toString(), QStringLiteral("direct"));
    QCOMPARE(opened.value(QLatin1String("peer")).toString(), QStringLiteral("Bob"));
    const QString room = opened.value(QLatin1String("room")).toString();
    QCOMPARE(room, names::directRoomName(QStringLiteral("Alice"), QStringLiteral("Bob")));

    // Bob hears of it, and reaches the same room whichever way round.
    const QJsonObject notice = bob->waitForType(QStringLiteral("direct_opened"));
    QCOMPARE(notice.value(QLatin1String("room")).toString(), room);
    QCOMPARE(notice.value(QLatin1String("peer")).toString(), QStringLiteral("Alice"));
    const QJsonObject bobOpened = ask(
        *bob, {{QStringLiteral("type"), QStringLiteral("direct")}, {QStringLiteral("user"), QStringLiteral("Alice")}});
    QCOMPARE(bobOpened.value(QLatin1String("room")).toString(), room);
    QCOMPARE(bobOpened.value(QLatin1String("peer")).toString(), QStringLiteral("Alice"));

    QVERIFY(!alice->send(room, QStringLiteral("just between us")).isEmpty());
    QVERIFY(!bob->waitFor([](const QJsonObject &f) { return typeOf(f) == QLatin1String("message"); }).isEmpty());

    // Carol: no join, no post, no history, no member list, over WebSocket and REST; not even in the list.
    QCOMPARE(codeOf(ask(*carol, {{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("room"), room}})),
             QStringLiteral("NOT_A_MEMBER"));
    QCOMPARE(codeOf(ask(*carol, {{QStringLiteral("type"), QStringLiteral("send")},
                                 {QStringLiteral("room"), room},
                                 {QStringLiteral("content"), QStringLiteral("hi")}})),
             QStringLiteral("NOT_A_MEMBER"));
    QCOMPARE(codeOf(ask(*carol, {{QStringLiteral("type"), QStringLiteral("history")}, {QStringLiteral("room"), room}})),
             QStringLiteral("NOT_A_MEMBER"));
    for (const QString &path : {QStringLiteral("/api/rooms/%1/messages"), QStringLiteral("/api/rooms/%1/members"),
                                QStringLiteral("/api/rooms/%1")}) {
        const auto refused = restAs(QStringLiteral("Carol"), path.arg(room));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.json().object().value(QLatin1String("code")).toString(), QStringLiteral("NOT_A_MEMBER"));
    }
    const auto carolsList = restAs(QStringLiteral("Carol"), QStringLiteral("/api/rooms")).json().array();
    for (const auto &entry : carolsList)
        QVERIFY(entry.toObject().value(QLatin1String("name")).toString() != room);
    // A direct room no one opened is refused the same way (its existence is not given away).
    const QString unopened = names::directRoomName(QStringLiteral("Carol"), QStringLiteral("Dave"));
    QCOMPARE(restAs(QStringLiteral("Bob"), QStringLiteral("/api/rooms/%1/messages").arg(unopened)).status, 403);

    // Alice sees it, with whom.
    const auto alicesHistory = restAs(QStringLiteral("Alice"), QStringLiteral("/api/rooms/%1/messages").arg(room));
    QCOMPARE(alicesHistory.status, 200);
    QCOMPARE(alicesHistory.json().array().size(), 1);
    bool listed = false;
    for (const auto &entry : restAs(QStringLiteral("Alice"), QStringLiteral("/api/rooms")).json().array()) {
        if (entry.toObject().value(QLatin1String("name")).toString() == room) {
            listed = true;
            QCOMPARE(entry.toObject().value(QLatin1String("kind")).toString(), QStringLiteral("direct"));
            QCOMPARE(entry.toObject().value(QLatin1String("peer")).toString(), QStringLiteral("Bob"));
        }
    }
    QVERIFY(listed);
    // The room's own page names the other person as the caller sees it, and everyone who belongs.
    const QJsonObject bobsView =
        restAs(QStringLiteral("Bob"), QStringLiteral("/api/rooms/%1").arg(room)).json().object();
    QCOMPARE(bobsView.value(QLatin1String("peer")).toString(), QStringLiteral("Alice"));
    QCOMPARE(bobsView.value(QLatin1String("roster")).toArray(),
             QJsonArray({QStringLiteral("Alice"), QStringLiteral("Bob")}));

    // Refusals of the request itself.
    QCOMPARE(codeOf(ask(*alice, {{QStringLiteral("type"), QStringLiteral("direct")},
                                 {QStringLiteral("user"), QStringLiteral("Nobody")}})),
             QStringLiteral("NO_SUCH_USER"));
    QCOMPARE(codeOf(ask(*alice, {{QStringLiteral("type"), QStringLiteral("direct")},
                                 {QStringLiteral("user"), QStringLiteral("alice")}})),
             QStringLiteral("INVALID_PAYLOAD"));
    m_http.bearerToken = tokenFor(QStringLiteral("Carol"));
    QCOMPARE(m_http
                 .post(m_server->httpUrl(QStringLiteral("/api/rooms")),
                       QJsonDocument(QJsonObject{{QStringLiteral("name"), unopened}}).toJson())
                 .status,
             400);
}

void TestPrivateRooms::aClosedConversationComesBackWithTheNextMessage()
{
    auto alice = connect(QStringLiteral("Alice"));
    auto bob = connect(QStringLiteral("Bob"));
    QVERIFY(alice && bob);
    const QJsonObject opened = ask(
        *alice, {{QStringLiteral("type"), QStringLiteral("direct")}, {QStringLiteral("user"), QStringLiteral("Bob")}});
    const QString room = opened.value(QLatin1String("room")).toString();
    QVERIFY(!bob->waitForType(QStringLiteral("direct_opened")).isEmpty());
    bob->clearFrames();

    // Bob has not opened the conversation: every message tells his clients again where to find it.
    QVERIFY(!alice->send(room, QStringLiteral("are you there?")).isEmpty());
    const QJsonObject again = bob->waitForType(QStringLiteral("direct_opened"));
    QCOMPARE(again.value(QLatin1String("room")).toString(), room);
    QCOMPARE(again.value(QLatin1String("peer")).toString(), QStringLiteral("Alice"));

    // Once he is in it, messages arrive as messages and nothing else.
    QCOMPARE(typeOf(ask(*bob, {{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("room"), room}})),
             QStringLiteral("joined"));
    bob->clearFrames();
    QVERIFY(!alice->send(room, QStringLiteral("hello again")).isEmpty());
    const QJsonObject next = bob->waitFor([](const QJsonObject &f) {
        return typeOf(f) == QLatin1String("message") || typeOf(f) == QLatin1String("direct_opened");
    });
    QCOMPARE(typeOf(next), QStringLiteral("message"));
    QCOMPARE(next.value(QLatin1String("content")).toString(), QStringLiteral("hello again"));
}

void TestPrivateRooms::theDirectoryListsPeopleToWriteTo()
{
    auto alice = connect(QStringLiteral("Alice"));
    QVERIFY(alice);
    tokenFor(QStringLiteral("bob")); // registered, not connected
    tokenFor(QStringLiteral("Carol"));
    m_http.bearerToken.clear();
    QCOMPARE(m_http.get(m_server->httpUrl(QStringLiteral("/api/users"))).status, 401);

    const auto listed = restAs(QStringLiteral("Carol"), QStringLiteral("/api/users"));
    QCOMPARE(listed.status, 200);
    const QJsonArray users = listed.json().array();
    QCOMPARE(users.size(), 3);
    const QStringList order{QStringLiteral("Alice"), QStringLiteral("bob"), QStringLiteral("Carol")};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject user = users.at(i).toObject();
        QCOMPARE(user.value(QLatin1String("name")).toString(), order.at(i));
        QCOMPARE(user.value(QLatin1String("online")).toBool(), i == 0);
        QCOMPARE(user.value(QLatin1String("admin")).toBool(), false);
    }
    QCOMPARE(m_http.post(m_server->httpUrl(QStringLiteral("/api/users")), "{}").status, 405);
}

void TestPrivateRooms::groupsAreByInvitation()
{
    auto alice = connect(QStringLiteral("Alice"));
    auto bob = connect(QStringLiteral("Bob"));
    auto carol = connect(QStringLiteral("Carol"));
    QVERIFY(alice && bob && carol);
    const QString team = QStringLiteral("team");

    const QJsonObject created =
        ask(*alice, {{QStringLiteral("type"), QStringLiteral("create_group")}, {QStringLiteral("room"), team}});
    QCOMPARE(typeOf(created), QStringLiteral("joined"));
    QCOMPARE(created.value(QLatin1String("kind")).toString(), QStringLiteral("group"));
    QCOMPARE(created.value(QLatin1String("owner")).toString(), QStringLiteral("Alice"));
    QCOMPARE(
        codeOf(ask(*alice, {{QStringLiteral("type"), QStringLiteral("create_group")}, {QStringLiteral("room"), team}})),
        QStringLiteral("INVALID_ROOM"));
    QCOMPARE(codeOf(ask(*bob, {{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("room"), team}})),
             QStringLiteral("NOT_A_MEMBER"));

    // Invited: Bob hears of it, finds it in his invitations, accepts, and is in.
    const QJsonObject sent = ask(*alice, {{QStringLiteral("type"), QStringLiteral("invite")},
                                          {QStringLiteral("room"), team},
                                          {QStringLiteral("user"), QStringLiteral("bob")}});
    QCOMPARE(typeOf(sent), QStringLiteral("invited"));
    const QJsonObject invitation = bob->waitForType(QStringLiteral("invited"));
    QCOMPARE(invitation.value(QLatin1String("room")).toString(), team);
    QCOMPARE(invitation.value(QLatin1String("by")).toString(), QStringLiteral("Alice"));
    const auto pending = restAs(QStringLiteral("Bob"), QStringLiteral("/api/invites")).json().array();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.at(0).toObject().value(QLatin1String("room")).toString(), team);
    QCOMPARE(
        typeOf(ask(*bob, {{QStringLiteral("type"), QStringLiteral("accept_invite")}, {QStringLiteral("room"), team}})),
        QStringLiteral("joined"));
    QVERIFY(!bob->send(team, QStringLiteral("thanks")).isEmpty());
    QVERIFY(restAs(QStringLiteral("Bob"), QStringLiteral("/api/invites")).json().array().isEmpty());

    // Only the owner invites and removes.
    QCOMPARE(codeOf(ask(*bob, {{QStringLiteral("type"), QStringLiteral("invite")},
                               {QStringLiteral("room"), team},
                               {QStringLiteral("user"), QStringLiteral("Carol")}})),
             QStringLiteral("FORBIDDEN"));

    // Declined: not a member.
    ask(*alice, {{QStringLiteral("type"), QStringLiteral("invite")},
                 {QStringLiteral("room"), team},
                 {QStringLiteral("user"), QStringLiteral("Carol")}});
    QVERIFY(!carol->waitForType(QStringLiteral("invited")).isEmpty());
    QCOMPARE(typeOf(ask(*carol,
                        {{QStringLiteral("type"), QStringLiteral("decline_invite")}, {QStringLiteral("room"), team}})),
             QStringLiteral("invite_declined"));
    QCOMPARE(codeOf(ask(*carol, {{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("room"), team}})),
             QStringLiteral("NOT_A_MEMBER"));

    // Removed: told, out of the room at once, and refused everything after.
    const QJsonObject removed = ask(*alice, {{QStringLiteral("type"), QStringLiteral("remove_member")},
                                             {QStringLiteral("room"), team},
                                             {QStringLiteral("user"), QStringLiteral("Bob")}});
    QCOMPARE(typeOf(removed), QStringLiteral("member_removed"));
    QCOMPARE(bob->waitForType(QStringLiteral("member_removed")).value(QLatin1String("room")).toString(), team);
    QVERIFY(!alice
                 ->waitFor([](const QJsonObject &f) {
                     return typeOf(f) == QLatin1String("member_left") &&
                            f.value(QLatin1String("user")).toString() == QLatin1String("Bob");
                 })
                 .isEmpty());
    QCOMPARE(codeOf(ask(*bob, {{QStringLiteral("type"), QStringLiteral("send")},
                               {QStringLiteral("room"), team},
                               {QStringLiteral("content"), QStringLiteral("still here?")}})),
             QStringLiteral("NOT_A_MEMBER"));
    QCOMPARE(codeOf(ask(*bob, {{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("room"), team}})),
             QStringLiteral("NOT_A_MEMBER"));
    QCOMPARE(restAs(QStringLiteral("Bob"), QStringLiteral("/api/rooms/team/messages")).status, 403);
    QCOMPARE(restAs(QStringLiteral("Bob"), QStringLiteral("/api/rooms/team/members")).status, 403);

    // Leaving is removing oneself.
    ask(*alice, {{QStringLiteral("type"), QStringLiteral("invite")},
                 {QStringLiteral("room"), team},
                 {QStringLiteral("user"), QStringLiteral("Carol")}});
    QCOMPARE(typeOf(ask(*carol,
                        {{QStringLiteral("type"), QStringLiteral("accept_invite")}, {QStringLiteral("room"), team}})),
             QStringLiteral("joined"));
    QCOMPARE(typeOf(ask(*carol, {{QStringLiteral("type"), QStringLiteral("remove_member")},
                                 {QStringLiteral("room"), team},
                                 {QStringLiteral("user"), QStringLiteral("Carol")}})),
             QStringLiteral("member_removed"));
    QCOMPARE(restAs(QStringLiteral("Carol"), QStringLiteral("/api/rooms/team/messages")).status, 403);
    QCOMPARE(restAs(QStringLiteral("Alice"), QStringLiteral("/api/rooms/team/messages")).status, 200);
}

void TestPrivateRooms::membershipSurvivesARestart()
{
    QString direct;
    {
        auto alice = connect(QStringLiteral("Alice"));
        auto bob = connect(QStringLiteral("Bob"));
        QVERIFY(alice && bob);
        direct = ask(*alice, {{QStringLiteral("type"), QStringLiteral("direct")},
                              {QStringLiteral("user"), QStringLiteral("Bob")}})
                     .value(QLatin1String("room"))
                     .toString();
        QVERIFY(!alice->send(direct, QStringLiteral("remember me")).isEmpty());
        ask(*alice, {{QStringLiteral("type"), QStringLiteral("create_group")},
                     {QStringLiteral("room"), QStringLiteral("club")}});
        ask(*alice, {{QStringLiteral("type"), QStringLiteral("invite")},
                     {QStringLiteral("room"), QStringLiteral("club")},
                     {QStringLiteral("user"), QStringLiteral("Bob")}});
    }
    m_server.reset();
    startServer();
    auto bob = connect(QStringLiteral("Bob"));
    auto carol = connect(QStringLiteral("Carol"));
    QVERIFY(bob && carol);
    QCOMPARE(codeOf(ask(*carol, {{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("room"), direct}})),
             QStringLiteral("NOT_A_MEMBER"));
    QCOMPARE(typeOf(ask(*bob, {{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("room"), direct}})),
             QStringLiteral("joined"));
    QCOMPARE(restAs(QStringLiteral("Bob"), QStringLiteral("/api/invites")).json().array().size(), 1);
    QCOMPARE(codeOf(ask(*carol, {{QStringLiteral("type"), QStringLiteral("join")},
                                 {QStringLiteral("room"), QStringLiteral("club")}})),
             QStringLiteral("NOT_A_MEMBER"));
    QCOMPARE(typeOf(ask(*bob, {{QStringLiteral("type"), QStringLiteral("accept_invite")},
                               {QStringLiteral("room"), QStringLiteral("club")}})),
             QStringLiteral("joined"));
}

void TestPrivateRooms::openServersHaveNone()
{
    TestServer open;
    auto alice = TestClient::typed(open.webSocketUrl(), QStringLiteral("Alice"));
    QCOMPARE(codeOf(ask(*alice, {{QStringLiteral("type"), QStringLiteral("direct")},
                                 {QStringLiteral("user"), QStringLiteral("Bob")}})),
             QStringLiteral("ACCOUNTS_REQUIRED"));
    QCOMPARE(codeOf(ask(*alice, {{QStringLiteral("type"), QStringLiteral("create_group")},
                                 {QStringLiteral("room"), QStringLiteral("club")}})),
             QStringLiteral("ACCOUNTS_REQUIRED"));
    // Nobody can walk into a direct-message room by name either.
    QCOMPARE(codeOf(ask(*alice, {{QStringLiteral("type"), QStringLiteral("join")},
                                 {QStringLiteral("room"),
                                  names::directRoomName(QStringLiteral("Bob"), QStringLiteral("Carol"))}})),
             QStringLiteral("NOT_A_MEMBER"));
    // No accounts, no directory of them.
    HttpClient http;
    const auto users = http.get(open.httpUrl(QStringLiteral("/api/users")));
    QCOMPARE(users.status, 404);
    QCOMPARE(users.json().object().value(QLatin1String("code")).toString(), QStringLiteral("ACCOUNTS_DISABLED"));
}

QTEST_GUILESS_MAIN(TestPrivateRooms)
#include "tst_privaterooms.moc"
