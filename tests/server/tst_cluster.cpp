// Several servers as one (--cluster): real `natter --server` processes on one PostgreSQL database and one Redis,
// both started on loopback by scripts/test.sh. Shared rooms across three servers, servers killed under load, Redis
// stopped under load, and room deletion, kicks and bans made on one server holding on the others; what is lost
// while one server's Redis link is cut or silent, or while Redis is down (relays, deletions, bans), caught up on;
// holes in a room's seqs and forged relays.
#include "authentication.h"
#include "chatclient.h"
#include "chatmessage.h"
#include "httpclient.h"
#include "messagemodel.h"
#include "messagestore.h"
#include "serverconfig.h"
#include "serverprocess.h"
#include "tcpproxy.h"
#include "testclient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <thread>

using namespace natter;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// A room of its own per test: the database and Redis are shared with other tests.
QString uniqueRoom(const QString &prefix)
{
    return prefix + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(10);
}

QUrl webSocketUrl(quint16 port)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
}

QUrl httpUrl(quint16 port, const QString &path)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path));
}

/// Every message of @p room, oldest first, read page by page over REST.
QList<QJsonObject> fullHistory(quint16 port, const QString &room, const QByteArray &token = {})
{
    HttpClient http;
    http.bearerToken = token;
    QList<QJsonObject> all;
    qint64 before = 0;
    for (;;) {
        const QString path = QStringLiteral("/api/rooms/%1/messages?limit=1000%2")
                                 .arg(room, before > 0 ? QStringLiteral("&before=%1").arg(before) : QString());
        const auto page = http.get(httpUrl(port, path)).json().array();
        if (page.isEmpty())
            break;
        QList<QJsonObject> objects;
        for (const auto &value : page)
            objects.append(value.toObject());
        all = objects + all;
        before = objects.constFirst().value(QLatin1String("seq")).toInteger();
        if (before <= 1)
            break;
    }
    return all;
}

/// The `message` frames @p client received for @p room, in arrival order.
QList<QJsonObject> messagesOf(const TestClient &client, const QString &room)
{
    QList<QJsonObject> result;
    for (const auto &frame : client.framesOfType(QStringLiteral("message"))) {
        if (frame.value(QLatin1String("room")).toString() == room)
            result.append(frame);
    }
    return result;
}

QString status(quint16 port)
{
    HttpClient http;
    return http.get(httpUrl(port, QStringLiteral("/health"))).json().object().value(QLatin1String("status")).toString();
}

/// What GET /api/rooms says of @p room: members and last_seq (-1, -1 when it is not listed).
std::pair<int, qint64> listed(quint16 port, const QString &room)
{
    HttpClient http;
    for (const auto &value : http.get(httpUrl(port, QStringLiteral("/api/rooms"))).json().array()) {
        const QJsonObject object = value.toObject();
        if (object.value(QLatin1String("name")).toString() == room)
            return {object.value(QLatin1String("members")).toInt(),
                    object.value(QLatin1String("last_seq")).toInteger()};
    }
    return {-1, -1};
}

QStringList memberNames(quint16 port, const QString &room)
{
    HttpClient http;
    QStringList names;
    for (const auto &value : http.get(httpUrl(port, QStringLiteral("/api/rooms/%1/members").arg(room))).json().array())
        names.append(value.toObject().value(QLatin1String("user")).toString());
    return names;
}

/// Checks that @p seqs are exactly 1..count.
bool contiguousFromOne(const QList<qint64> &seqs)
{
    for (qsizetype i = 0; i < seqs.size(); ++i) {
        if (seqs[i] != i + 1)
            return false;
    }
    return true;
}

} // namespace

class TestCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void clusterNeedsPostgres();
    void storesOnOneDatabaseNumberInCommitOrder();
    void threeServersShareRooms();
    void serversKilledUnderLoad();
    void redisOutageUnderLoad();
    void roomDeletionKicksAndBansHoldEverywhere();
    void groupChangesHoldEverywhere();
    void relaysLostWithOneRedisLinkArrive();
    void roomDeletedDuringRedisOutage();
    void holesAndForgedRelaysDoNotStallARoom();
    void banDuringRedisOutageHoldsEverywhere();
    void silentSubscriberConnectionIsReopened();

private:
    /// @p redis: the server's --cluster address, if not the test Redis itself (a proxy in front of it).
    QStringList options(quint16 port = 0, const QStringList &extra = {}, const QString &redis = {}) const;
    static bool redisControl(const QString &action);
    /// PUBLISHes @p payload on @p channel of the test Redis, as a server would; returns the receivers (-1: failed).
    int redisPublish(const QByteArray &channel, const QByteArray &payload) const;
    std::unique_ptr<ChatClient> makeClient(const QString &tag);

    QString m_postgres;
    QString m_redis;
    QTemporaryDir m_dir;
};

void TestCluster::initTestCase()
{
    m_postgres = qEnvironmentVariable("NATTER_TEST_POSTGRES");
    m_redis = qEnvironmentVariable("NATTER_TEST_REDIS");
    QVERIFY2(!m_postgres.isEmpty() && !m_redis.isEmpty() && qEnvironmentVariableIsSet("NATTER_TEST_REDIS_CTL"),
             "run the suite with scripts/test.sh: it starts the PostgreSQL cluster and the Redis these tests use");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_cluster"));
    QSettings().clear();
}

QStringList TestCluster::options(quint16 port, const QStringList &extra, const QString &redis) const
{
    QStringList arguments{QStringLiteral("--database"),   m_postgres,
                          QStringLiteral("--cluster"),    redis.isEmpty() ? m_redis : redis,
                          QStringLiteral("--rate-limit"), QStringLiteral("0"),
                          QStringLiteral("--threads"),    QStringLiteral("2")};
    if (port != 0)
        arguments += {QStringLiteral("--port"), QString::number(port)};
    return arguments + extra;
}

bool TestCluster::redisControl(const QString &action)
{
    return QProcess::execute(qEnvironmentVariable("NATTER_TEST_REDIS_CTL"), {action}) == 0;
}

int TestCluster::redisPublish(const QByteArray &channel, const QByteArray &payload) const
{
    const QUrl redis(m_redis);
    QTcpSocket socket;
    socket.connectToHost(redis.host(), quint16(redis.port()));
    if (!socket.waitForConnected(5000))
        return -1;
    QByteArray command = "*3\r\n$7\r\nPUBLISH\r\n";
    for (const QByteArray &argument : {channel, payload})
        command += '$' + QByteArray::number(argument.size()) + "\r\n" + argument + "\r\n";
    socket.write(command);
    QByteArray answer;
    while (!answer.endsWith("\r\n") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    return answer.startsWith(':') ? answer.mid(1).trimmed().toInt() : -1;
}

std::unique_ptr<ChatClient> TestCluster::makeClient(const QString &tag)
{
    auto client = std::make_unique<ChatClient>();
    client->setOutboxPath(m_dir.filePath(tag + QStringLiteral("-outbox.json")));
    client->setReconnectBaseMs(50);
    return client;
}

void TestCluster::clusterNeedsPostgres()
{
    // The servers of a cluster number messages in one shared database: SQLite or memory cannot be shared.
    QProcess process;
    process.start(ServerProcess::executable(),
                  {QStringLiteral("--server"), QStringLiteral("--cluster"), m_redis, QStringLiteral("--no-announce")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(process.readAllStandardError().contains("--cluster needs --database postgresql://"),
             "a clear error on the command line");
}

void TestCluster::storesOnOneDatabaseNumberInCommitOrder()
{
    // Two servers' stores on one database: each transaction reads the room's seq under a lock, none trusts its own.
    MessageStore first(m_postgres, QStringLiteral("first")), second(m_postgres, QStringLiteral("second"));
    first.setShared(true);
    second.setShared(true);
    QVERIFY2(first.open(), qPrintable(first.lastError()));
    QVERIFY2(second.open(), qPrintable(second.lastError()));
    const QString s = uniqueRoom(QStringLiteral("store")), t = uniqueRoom(QStringLiteral("store"));
    int next = 0;
    const auto post = [&](const QString &room, const QString &user, const QString &clientId = {}) {
        ++next;
        return MessageStore::Post{
            room, user, QString::number(next), clientId, 1'700'000'000'000 + next, QStringLiteral("id-%1").arg(next)};
    };
    const auto seqsOf = [](const std::optional<QList<MessageStore::Committed>> &committed) {
        QList<quint64> seqs;
        for (const auto &one : committed.value_or(QList<MessageStore::Committed>()))
            seqs.append(one.message.seq);
        return seqs;
    };
    QCOMPARE(seqsOf(first.commit({post(s, QStringLiteral("a"), QStringLiteral("a1")), post(s, QStringLiteral("a"))})),
             (QList<quint64>{1, 2}));
    QCOMPARE(seqsOf(second.commit({post(s, QStringLiteral("b")), post(t, QStringLiteral("b"))})),
             (QList<quint64>{3, 1}));
    QCOMPARE(seqsOf(first.commit({post(s, QStringLiteral("a"))})), (QList<quint64>{4}));
    // A retry through the other server is recognised as the original.
    const auto retry =
        second.commit({post(s, QStringLiteral("a"), QStringLiteral("a1")), post(s, QStringLiteral("b"))});
    QVERIFY(retry);
    QCOMPARE(retry->at(0).duplicate, true);
    QCOMPARE(retry->at(0).message.seq, 1u);
    QCOMPARE(retry->at(1).message.seq, 5u);
    // A room deleted by one server starts over on the other.
    QVERIFY(first.deleteRoom(t));
    QCOMPARE(seqsOf(second.commit({post(t, QStringLiteral("b"))})), (QList<quint64>{1}));
    QCOMPARE(first.room(s)->value().lastSeq, 5u);
    QVERIFY(!first.room(uniqueRoom(QStringLiteral("nowhere")))->has_value());
    QVERIFY(first.deleteRoom(s) && first.deleteRoom(t));

    // Two stores committing at once, from threads of their own, to the same two rooms (named in opposite orders):
    // each room's seqs are 1..n with none given twice, and each store's seqs for a room only grow.
    constexpr int batches = 60;
    const auto writer = [&](const QString &name, bool reversed, QHash<QString, QList<quint64>> *seqs, QString *error) {
        MessageStore store(m_postgres, name);
        store.setShared(true);
        if (!store.open()) {
            *error = store.lastError();
            return;
        }
        for (int i = 0; i < batches; ++i) {
            QList<MessageStore::Post> posts;
            for (const QString &room : reversed ? QStringList{t, s} : QStringList{s, t}) {
                posts.append({room, name, QString::number(i), QStringLiteral("%1-%2").arg(name).arg(i),
                              1'700'000'000'000 + i, QStringLiteral("%1-%2-%3").arg(name, room).arg(i)});
            }
            const auto committed = store.commit(posts);
            if (!committed) {
                *error = store.lastError();
                return;
            }
            for (const auto &one : *committed)
                (*seqs)[one.message.room].append(one.message.seq);
        }
    };
    QHash<QString, QList<quint64>> firstSeqs, secondSeqs;
    QString firstError, secondError;
    std::thread one(writer, QStringLiteral("concurrent-1"), false, &firstSeqs, &firstError);
    std::thread other(writer, QStringLiteral("concurrent-2"), true, &secondSeqs, &secondError);
    one.join();
    other.join();
    QVERIFY2(firstError.isEmpty(), qPrintable(firstError));
    QVERIFY2(secondError.isEmpty(), qPrintable(secondError));
    for (const QString &room : {s, t}) {
        for (const auto *seqs : {&firstSeqs, &secondSeqs}) {
            QCOMPARE(seqs->value(room).size(), batches);
            QVERIFY(std::is_sorted(seqs->value(room).cbegin(), seqs->value(room).cend()));
        }
        QList<quint64> all = firstSeqs.value(room) + secondSeqs.value(room);
        std::sort(all.begin(), all.end());
        QList<qint64> asSigned(all.cbegin(), all.cend());
        QVERIFY2(contiguousFromOne(asSigned), qPrintable(room));
        QCOMPARE(first.room(room)->value().lastSeq, quint64(2 * batches));
    }
    QVERIFY(first.deleteRoom(s) && first.deleteRoom(t));
}

void TestCluster::threeServersShareRooms()
{
    const QString room = uniqueRoom(QStringLiteral("shared"));
    ServerProcess servers[3];
    QList<quint16> ports;
    for (auto &server : servers) {
        QVERIFY2(server.start(options()), server.log().constData());
        ports.append(server.port());
    }

    // Nine people, three on each server, in one room.
    constexpr int people = 9;
    constexpr int rounds = 20;
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < people; ++i) {
        clients.push_back(TestClient::typed(webSocketUrl(ports[i % 3]), QStringLiteral("user%1").arg(i)));
        QVERIFY(!clients.back()->join(room).isEmpty());
    }
    // Every server counts everyone, wherever they are connected.
    for (const quint16 port : ports) {
        QTRY_COMPARE_WITH_TIMEOUT(memberNames(port, room).size(), people, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(listed(port, room).first, people, 10000);
    }

    // Everyone posts at once, without waiting for acks.
    for (int round = 0; round < rounds; ++round) {
        for (int i = 0; i < people; ++i) {
            clients[i]->sendJson({{QStringLiteral("type"), QStringLiteral("send")},
                                  {QStringLiteral("room"), room},
                                  {QStringLiteral("content"), QStringLiteral("u%1-m%2").arg(i).arg(round)},
                                  {QStringLiteral("client_id"), QStringLiteral("c%1-%2").arg(i).arg(round)},
                                  {QStringLiteral("request_id"), QStringLiteral("r%1-%2").arg(i).arg(round)}});
        }
    }
    constexpr int total = people * rounds;
    // Every client sees every message once, numbered 1..total, in seq order, and an ack for each of its own.
    for (int i = 0; i < people; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(messagesOf(*clients[i], room).size(), total, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(clients[i]->framesOfType(QStringLiteral("ack")).size(), rounds, 10000);
        QList<qint64> seqs;
        QSet<QString> contents;
        for (const auto &message : messagesOf(*clients[i], room)) {
            seqs.append(message.value(QLatin1String("seq")).toInteger());
            contents.insert(message.value(QLatin1String("content")).toString());
        }
        QVERIFY2(contiguousFromOne(seqs), qPrintable(QStringLiteral("client %1 saw seqs out of order").arg(i)));
        QCOMPARE(contents.size(), total);
    }
    // No message arrived twice, even later: a last message, once everyone has it, is the only one more.
    QCOMPARE(clients[0]->send(room, QStringLiteral("sentinel")).value(QLatin1String("seq")).toInteger(), total + 1);
    for (const auto &client : clients) {
        QTRY_VERIFY_WITH_TIMEOUT(messagesOf(*client, room).constLast().value(QLatin1String("content")).toString() ==
                                     QStringLiteral("sentinel"),
                                 10000);
        QCOMPARE(messagesOf(*client, room).size(), total + 1);
    }

    // REST history, the room list and the members agree on every server.
    const auto reference = fullHistory(ports[0], room);
    QCOMPARE(reference.size(), total + 1);
    for (const quint16 port : ports) {
        QCOMPARE(fullHistory(port, room), reference);
        QCOMPARE(listed(port, room), (std::pair<int, qint64>{people, total + 1}));
    }
    // The ring of a server without members in the room is not used: it answers from the store too.
    auto outsider = TestClient::typed(webSocketUrl(ports[1]), QStringLiteral("outsider"));
    const auto joined = outsider->join(room, {{QStringLiteral("last_n"), 5}});
    QCOMPARE(joined.value(QLatin1String("last_seq")).toInteger(), total + 1);
    QCOMPARE(joined.value(QLatin1String("members")).toArray().size(), people + 1);

    // Someone leaving on one server is gone everywhere, and the others hear of it.
    clients[0]->request({{QStringLiteral("type"), QStringLiteral("leave")}, {QStringLiteral("room"), room}});
    QVERIFY(!clients[1]
                 ->waitFor(
                     [&](const QJsonObject &frame) {
                         return frame.value(QLatin1String("type")).toString() == QLatin1String("member_left") &&
                                frame.value(QLatin1String("user")).toString() == QLatin1String("user0");
                     },
                     10000)
                 .isEmpty());
    for (const quint16 port : ports)
        QTRY_VERIFY_WITH_TIMEOUT(!memberNames(port, room).contains(QStringLiteral("user0")), 10000);
    // Online users are counted across the cluster.
    HttpClient http;
    for (const quint16 port : ports) {
        QTRY_VERIFY_WITH_TIMEOUT(
            http.get(httpUrl(port, QStringLiteral("/api/online"))).json().array().size() >= people + 1, 10000);
    }
    for (auto &server : servers)
        QCOMPARE(server.terminate(), 0);
}

void TestCluster::serversKilledUnderLoad()
{
    const QString room = uniqueRoom(QStringLiteral("chaos"));
    constexpr int serverCount = 3;
    constexpr int clientCount = 6;
    QList<quint16> ports;
    ServerProcess servers[serverCount];
    for (auto &server : servers) {
        ports.append(freePort());
        QVERIFY2(server.start(options(ports.constLast())), server.log().constData());
    }
    // Each client reaches the cluster through a relay that plays the load balancer: when its server dies, the
    // relay sends the reconnecting client to another one.
    std::vector<std::unique_ptr<TcpProxy>> balancers;
    std::vector<std::unique_ptr<ChatClient>> clients;
    for (int i = 0; i < clientCount; ++i) {
        balancers.push_back(std::make_unique<TcpProxy>(ports[i % serverCount]));
        clients.push_back(makeClient(QStringLiteral("chaos%1").arg(i)));
        QVERIFY(clients.back()->connectToServer(QStringLiteral("127.0.0.1:%1").arg(balancers.back()->port()),
                                                QStringLiteral("poster%1").arg(i)));
    }
    for (auto &client : clients) {
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
        QVERIFY(client->joinRoom(room));
        client->setCurrentRoom(room);
    }
    for (auto &client : clients)
        QTRY_VERIFY_WITH_TIMEOUT(client->members()->count() >= 1, 10000);

    // Everyone writes continuously; what is not acknowledged is sent again by the outbox, with the same client id.
    // Acknowledgements: the pending count goes down (it goes up with every message sent).
    int acked = 0;
    QList<int> pending(clientCount, 0);
    for (int i = 0; i < clientCount; ++i) {
        connect(clients[i].get(), &ChatClient::pendingCountChanged, this, [&, i] {
            const int now = clients[i]->pendingCount();
            acked += std::max(0, pending[i] - now);
            pending[i] = now;
        });
    }
    QStringList written;
    int next = 0;
    QTimer writer;
    connect(&writer, &QTimer::timeout, this, [&] {
        for (int i = 0; i < clientCount; ++i) {
            const QString text = QStringLiteral("p%1-%2").arg(i).arg(next);
            if (clients[i]->sendMessage(room, text))
                written.append(text);
        }
        ++next;
    });
    writer.start(40);

    for (int kill = 0; kill < 4; ++kill) {
        const int victim = kill % serverCount;
        const int target = acked + 200;
        QTRY_VERIFY_WITH_TIMEOUT(acked >= target, 30000);
        servers[victim].kill();
        // The balancer takes the dead server out; its clients reconnect to the next one.
        for (int i = 0; i < clientCount; ++i) {
            if (i % serverCount == victim)
                balancers[i]->setTargetPort(ports[(victim + 1) % serverCount]);
        }
        QVERIFY2(servers[victim].start(options(ports[victim])), servers[victim].log().constData());
        // Back in the pool for new connections.
        for (int i = 0; i < clientCount; ++i) {
            if (i % serverCount == victim)
                balancers[i]->setTargetPort(ports[victim]);
        }
    }
    const int target = acked + 200;
    QTRY_VERIFY_WITH_TIMEOUT(acked >= target, 30000);
    writer.stop();
    for (auto &client : clients)
        QTRY_COMPARE_WITH_TIMEOUT(client->pendingCount(), 0, 60000);

    // Every message written (each one acknowledged by now) is stored exactly once, the same on every server.
    const auto history = fullHistory(ports[0], room);
    QStringList stored;
    QList<qint64> seqs;
    for (const auto &message : history) {
        stored.append(message.value(QLatin1String("content")).toString());
        seqs.append(message.value(QLatin1String("seq")).toInteger());
    }
    QVERIFY(contiguousFromOne(seqs));
    QCOMPARE(stored.size(), written.size());
    QCOMPARE(QSet<QString>(stored.cbegin(), stored.cend()), QSet<QString>(written.cbegin(), written.cend()));
    for (int s = 1; s < serverCount; ++s)
        QCOMPARE(fullHistory(ports[s], room), history);
    // Every client has every message once, in seq order, with no gap: it resumed where it stopped each time.
    for (int i = 0; i < clientCount; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(clients[i]->messages()->count(), int(history.size()), 30000);
        QList<qint64> seen;
        for (const auto &entry : clients[i]->messages()->entries()) {
            QVERIFY(!entry.pending && !entry.failed);
            seen.append(qint64(entry.message.seq));
        }
        QVERIFY2(contiguousFromOne(seen), qPrintable(QStringLiteral("client %1 has a gap or a duplicate").arg(i)));
    }
    qInfo("%lld messages written across 4 SIGKILLs of 3 servers, all stored once and seen by everyone",
          qint64(written.size()));
    for (auto &client : clients)
        client->disconnectFromServer();
    for (auto &server : servers)
        QCOMPARE(server.terminate(), 0);
}

void TestCluster::redisOutageUnderLoad()
{
    const QString room = uniqueRoom(QStringLiteral("outage"));
    ServerProcess servers[3];
    QList<quint16> ports;
    for (auto &server : servers) {
        QVERIFY2(server.start(options()), server.log().constData());
        ports.append(server.port());
    }
    for (const quint16 port : ports)
        QTRY_COMPARE_WITH_TIMEOUT(status(port), QStringLiteral("ok"), 10000);
    constexpr int clientCount = 6;
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < clientCount; ++i) {
        clients.push_back(TestClient::typed(webSocketUrl(ports[i % 3]), QStringLiteral("writer%1").arg(i)));
        QVERIFY(!clients.back()->join(room).isEmpty());
    }

    // Continuous load from every server: one message per client every 25 ms.
    int sent = 0;
    QTimer load;
    connect(&load, &QTimer::timeout, this, [&] {
        for (int i = 0; i < clientCount; ++i) {
            clients[i]->sendJson({{QStringLiteral("type"), QStringLiteral("send")},
                                  {QStringLiteral("room"), room},
                                  {QStringLiteral("content"), QStringLiteral("w%1-%2").arg(i).arg(sent)},
                                  {QStringLiteral("client_id"), QStringLiteral("c%1-%2").arg(i).arg(sent)},
                                  {QStringLiteral("request_id"), QStringLiteral("r%1-%2").arg(i).arg(sent)}});
        }
        ++sent;
    });
    load.start(25);
    const auto acks = [&](int i) {
        return clients[i]->framesOfType(QStringLiteral("ack")).size();
    };
    for (int i = 0; i < clientCount; ++i)
        QVERIFY(clients[i]->waitForCount(QStringLiteral("ack"), 10, 10000));

    QElapsedTimer outage;
    outage.start();
    QVERIFY(redisControl(QStringLiteral("stop")));
    for (const quint16 port : ports)
        QTRY_COMPARE_WITH_TIMEOUT(status(port), QStringLiteral("degraded"), 10000);
    // Each server still serves its own members meanwhile.
    QList<qsizetype> acksDuringOutage;
    for (int i = 0; i < clientCount; ++i)
        acksDuringOutage.append(acks(i));
    for (int i = 0; i < clientCount; ++i)
        QVERIFY(clients[i]->waitForCount(QStringLiteral("ack"), acksDuringOutage[i] + 10, 10000));
    // The outage lasts 10 s in all, under load.
    QTest::qWait(int(std::max<qint64>(0, 10'000 - outage.elapsed())));
    QVERIFY(redisControl(QStringLiteral("start")));
    for (const quint16 port : ports)
        QTRY_COMPARE_WITH_TIMEOUT(status(port), QStringLiteral("ok"), 20000);
    for (int i = 0; i < clientCount; ++i) {
        const qsizetype before = acks(i);
        QVERIFY(clients[i]->waitForCount(QStringLiteral("ack"), before + 10, 10000));
    }
    load.stop();
    // Every send gets exactly one answer.
    for (int i = 0; i < clientCount; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(acks(i) + clients[i]->framesOfType(QStringLiteral("error")).size(), qsizetype(sent),
                                  20000);
    }
    QSet<QString> acked;
    for (const auto &client : clients) {
        for (const auto &frame : client->framesOfType(QStringLiteral("ack")))
            acked.insert(frame.value(QLatin1String("client_id")).toString());
    }
    // Nothing acknowledged was lost: the database holds exactly those, the same on every server ...
    const auto history = fullHistory(ports[0], room);
    QSet<QString> stored;
    QList<qint64> storedSeqs;
    for (const auto &message : history) {
        stored.insert(message.value(QLatin1String("client_id")).toString());
        storedSeqs.append(message.value(QLatin1String("seq")).toInteger());
    }
    QVERIFY(contiguousFromOne(storedSeqs));
    QCOMPARE(stored, acked);
    for (const quint16 port : {ports[1], ports[2]})
        QCOMPARE(fullHistory(port, room), history);
    // ... and every client has every message after catching up: once each, in seq order.
    for (int i = 0; i < clientCount; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(messagesOf(*clients[i], room).size(), history.size(), 30000);
        QList<qint64> seqs;
        for (const auto &message : messagesOf(*clients[i], room))
            seqs.append(message.value(QLatin1String("seq")).toInteger());
        QVERIFY2(contiguousFromOne(seqs), qPrintable(QStringLiteral("client %1 saw a gap or a duplicate").arg(i)));
    }
    qInfo("%lld messages acknowledged across a 10 s Redis outage, all delivered everywhere", qint64(acked.size()));
    for (auto &server : servers)
        QCOMPARE(server.terminate(), 0);
}

void TestCluster::roomDeletionKicksAndBansHoldEverywhere()
{
    const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(10);
    const QString admin = QStringLiteral("Admin-") + suffix;
    const QString bob = QStringLiteral("Bob-") + suffix;
    const QString password = QStringLiteral("correct horse battery");
    const QString room = uniqueRoom(QStringLiteral("moderated"));
    ServerConfig config;
    config.database = m_postgres;
    QCOMPARE(createAccount(config, admin, password, true), QString());

    const QStringList accounts{QStringLiteral("--auth"), QStringLiteral("accounts")};
    ServerProcess first, second;
    QVERIFY2(first.start(options(0, accounts)), first.log().constData());
    // The servers of a cluster sign login tokens with one key: the second gets a copy of the first one's.
    QVERIFY(QFile::copy(QDir(first.dataDir()).filePath(QStringLiteral("token-signing.key")),
                        QDir(second.dataDir()).filePath(QStringLiteral("token-signing.key"))));
    QVERIFY2(second.start(options(0, accounts)), second.log().constData());
    const quint16 a = first.port();
    const quint16 b = second.port();
    const auto credentials = [&](const QString &user) {
        return QJsonDocument(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}})
            .toJson(QJsonDocument::Compact);
    };
    HttpClient http;
    // Registered on one server, logged in on the other.
    QCOMPARE(http.post(httpUrl(b, QStringLiteral("/api/register")), credentials(bob)).status, 201);
    const auto bobLogin = http.post(httpUrl(a, QStringLiteral("/api/login")), credentials(bob));
    QCOMPARE(bobLogin.status, 200);
    const QString bobToken = bobLogin.json().object().value(QLatin1String("token")).toString();
    const auto adminLogin = http.post(httpUrl(a, QStringLiteral("/api/login")), credentials(admin));
    QCOMPARE(adminLogin.status, 200);
    HttpClient adminHttp;
    adminHttp.bearerToken = adminLogin.json().object().value(QLatin1String("token")).toString().toLatin1();

    const auto connectBob = [&] {
        auto client =
            std::make_unique<TestClient>(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?token=%2").arg(b).arg(bobToken)));
        if (!client->waitConnected() || client->waitForType(QStringLiteral("welcome")).isEmpty())
            return std::unique_ptr<TestClient>();
        return client;
    };
    auto bobClient = connectBob();
    QVERIFY(bobClient);
    QVERIFY(!bobClient->join(room).isEmpty());

    // Kicked on the first server: Bob's connection to the second one is closed.
    QCOMPARE(adminHttp.post(httpUrl(a, QStringLiteral("/api/users/%1/kick").arg(bob)), {}).status, 200);
    QVERIFY(bobClient->waitDisconnected(10000));
    QCOMPARE(bobClient->closeCode(), 4001);

    // Deleted on the first server: Bob, back on the second, is told, and the room is gone there too.
    bobClient = connectBob();
    QVERIFY(bobClient);
    QVERIFY(!bobClient->join(room).isEmpty());
    QCOMPARE(adminHttp.remove(httpUrl(a, QStringLiteral("/api/rooms/%1").arg(room))).status, 200);
    const auto closed = bobClient->waitForType(QStringLiteral("room_closed"), 10000);
    QCOMPARE(closed.value(QLatin1String("room")).toString(), room);
    HttpClient bobHttp;
    bobHttp.bearerToken = bobToken.toLatin1();
    QCOMPARE(bobHttp.get(httpUrl(b, QStringLiteral("/api/rooms/%1").arg(room))).status, 404);
    const auto rooms = bobHttp.get(httpUrl(b, QStringLiteral("/api/rooms"))).json().array();
    QVERIFY(std::none_of(rooms.cbegin(), rooms.cend(), [&](const QJsonValue &value) {
        return value.toObject().value(QLatin1String("name")).toString() == room;
    }));

    // Banned on the first server: closed on the second, and the second refuses to log Bob in.
    QCOMPARE(adminHttp.post(httpUrl(a, QStringLiteral("/api/users/%1/ban").arg(bob)), {}).status, 200);
    QVERIFY(bobClient->waitDisconnected(10000));
    QCOMPARE(bobClient->closeCode(), 4002);
    QTRY_COMPARE_WITH_TIMEOUT(http.post(httpUrl(b, QStringLiteral("/api/login")), credentials(bob)).status, 403, 10000);
    QCOMPARE(adminHttp.remove(httpUrl(a, QStringLiteral("/api/users/%1/ban").arg(bob))).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(http.post(httpUrl(b, QStringLiteral("/api/login")), credentials(bob)).status, 200, 10000);
    QCOMPARE(first.terminate(), 0);
    QCOMPARE(second.terminate(), 0);
}

void TestCluster::groupChangesHoldEverywhere()
{
    // A group made on one server, its invitation answered and its member removed across two servers.
    const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(10);
    const QString alice = QStringLiteral("Alice-") + suffix;
    const QString bob = QStringLiteral("Bob-") + suffix;
    const QString password = QStringLiteral("correct horse battery");
    const QString group = uniqueRoom(QStringLiteral("group"));
    ServerConfig config;
    config.database = m_postgres;
    QCOMPARE(createAccount(config, alice, password, false), QString());
    QCOMPARE(createAccount(config, bob, password, false), QString());
    const QStringList accounts{QStringLiteral("--auth"), QStringLiteral("accounts")};
    ServerProcess first, second;
    QVERIFY2(first.start(options(0, accounts)), first.log().constData());
    QVERIFY(QFile::copy(QDir(first.dataDir()).filePath(QStringLiteral("token-signing.key")),
                        QDir(second.dataDir()).filePath(QStringLiteral("token-signing.key"))));
    QVERIFY2(second.start(options(0, accounts)), second.log().constData());
    const auto connectAs = [&](const QString &user, quint16 port) {
        HttpClient http;
        const auto login =
            http.post(httpUrl(port, QStringLiteral("/api/login")),
                      QJsonDocument(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}})
                          .toJson(QJsonDocument::Compact));
        const QString token = login.json().object().value(QLatin1String("token")).toString();
        auto client =
            std::make_unique<TestClient>(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?token=%2").arg(port).arg(token)));
        if (!client->waitConnected() || client->waitForType(QStringLiteral("welcome")).isEmpty())
            return std::unique_ptr<TestClient>();
        return client;
    };
    auto aliceClient = connectAs(alice, first.port());
    auto bobClient = connectAs(bob, second.port());
    QVERIFY(aliceClient && bobClient);

    const auto replyTo = [](TestClient &client, const QJsonObject &request) {
        return client.waitForReply(client.request(request), 10000);
    };
    QCOMPARE(replyTo(*aliceClient,
                     {{QStringLiteral("type"), QStringLiteral("create_group")}, {QStringLiteral("room"), group}})
                 .value(QLatin1String("type"))
                 .toString(),
             QStringLiteral("joined"));
    // Bob, on the other server, is told of the invitation and accepts it there.
    QCOMPARE(replyTo(*aliceClient, {{QStringLiteral("type"), QStringLiteral("invite")},
                                    {QStringLiteral("room"), group},
                                    {QStringLiteral("user"), bob}})
                 .value(QLatin1String("type"))
                 .toString(),
             QStringLiteral("invited"));
    QCOMPARE(bobClient->waitForType(QStringLiteral("invited"), 10000).value(QLatin1String("room")).toString(), group);
    const auto joined = replyTo(
        *bobClient, {{QStringLiteral("type"), QStringLiteral("accept_invite")}, {QStringLiteral("room"), group}});
    QCOMPARE(joined.value(QLatin1String("type")).toString(), QStringLiteral("joined"));
    QVERIFY(!aliceClient->send(group, QStringLiteral("welcome, Bob")).isEmpty());
    QCOMPARE(bobClient->waitForType(QStringLiteral("message"), 10000).value(QLatin1String("content")).toString(),
             QStringLiteral("welcome, Bob"));

    // Removed on the first server: Bob's connection to the second one leaves the group at once.
    QCOMPARE(replyTo(*aliceClient, {{QStringLiteral("type"), QStringLiteral("remove_member")},
                                    {QStringLiteral("room"), group},
                                    {QStringLiteral("user"), bob}})
                 .value(QLatin1String("type"))
                 .toString(),
             QStringLiteral("member_removed"));
    QCOMPARE(bobClient->waitForType(QStringLiteral("member_removed"), 10000).value(QLatin1String("room")).toString(),
             group);
    QTRY_COMPARE_WITH_TIMEOUT(replyTo(*bobClient, {{QStringLiteral("type"), QStringLiteral("send")},
                                                   {QStringLiteral("room"), group},
                                                   {QStringLiteral("content"), QStringLiteral("still here?")}})
                                  .value(QLatin1String("type"))
                                  .toString(),
                              QStringLiteral("error"), 10000);
    const auto refused =
        replyTo(*bobClient, {{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("room"), group}});
    QCOMPARE(refused.value(QLatin1String("code")).toString(), QStringLiteral("NOT_A_MEMBER"));

    // A direct conversation opened on the first server reaches Bob on the second, and each new message there
    // brings it back to him while he has not joined it.
    const auto direct =
        replyTo(*aliceClient, {{QStringLiteral("type"), QStringLiteral("direct")}, {QStringLiteral("user"), bob}});
    QCOMPARE(direct.value(QLatin1String("type")).toString(), QStringLiteral("joined"));
    const QString directRoom = direct.value(QLatin1String("room")).toString();
    const auto opened = [&] {
        return std::count_if(bobClient->frames().cbegin(), bobClient->frames().cend(), [&](const QJsonObject &frame) {
            return frame.value(QLatin1String("type")).toString() == QLatin1String("direct_opened") &&
                   frame.value(QLatin1String("room")).toString() == directRoom;
        });
    };
    QTRY_COMPARE_WITH_TIMEOUT(opened(), 1, 10000);
    QVERIFY(!aliceClient->send(directRoom, QStringLiteral("are you there?")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(opened(), 2, 10000);
    QCOMPARE(first.terminate(), 0);
    QCOMPARE(second.terminate(), 0);
}

void TestCluster::relaysLostWithOneRedisLinkArrive()
{
    // One server's connection to Redis goes through a proxy the test cuts; the others keep theirs, so they have no
    // reason to read the store. What that server committed meanwhile reaches them once its link is back, without
    // anyone posting again.
    const QString room = uniqueRoom(QStringLiteral("cutlink"));
    const QUrl redis(m_redis);
    TcpProxy proxy(quint16(redis.port()));
    QUrl viaProxy = redis;
    viaProxy.setPort(proxy.port());
    ServerProcess cut, second, third;
    QVERIFY2(cut.start(options(0, {}, viaProxy.toString())), cut.log().constData());
    QVERIFY2(second.start(options()), second.log().constData());
    QVERIFY2(third.start(options()), third.log().constData());
    const QList<quint16> ports{cut.port(), second.port(), third.port()};
    for (const quint16 port : ports)
        QTRY_COMPARE_WITH_TIMEOUT(status(port), QStringLiteral("ok"), 10000);
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(TestClient::typed(webSocketUrl(ports[i]), QStringLiteral("linked%1").arg(i)));
        QVERIFY(!clients.back()->join(room).isEmpty());
    }
    // Every server relays to the others: each room channel is subscribed everywhere.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!clients[i]->send(room, QStringLiteral("hello from %1").arg(i)).isEmpty());
        for (const auto &client : clients)
            QTRY_COMPARE_WITH_TIMEOUT(messagesOf(*client, room).size(), qsizetype(i + 1), 10000);
    }

    proxy.setRefusing(true);
    proxy.cutAll();
    QTRY_COMPARE_WITH_TIMEOUT(status(ports[0]), QStringLiteral("degraded"), 10000);
    QCOMPARE(status(ports[1]), QStringLiteral("ok"));
    const auto ack = clients[0]->send(room, QStringLiteral("while cut off"));
    QCOMPARE(ack.value(QLatin1String("seq")).toInteger(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(messagesOf(*clients[0], room).size(), qsizetype(4), 10000);

    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(status(ports[0]), QStringLiteral("ok"), 20000);
    // Well before the others would give up on the cut server's presence (45 s) and read the store for that.
    for (const auto &client : clients) {
        QTRY_COMPARE_WITH_TIMEOUT(messagesOf(*client, room).size(), qsizetype(4), 10000);
        QCOMPARE(messagesOf(*client, room).constLast().value(QLatin1String("content")).toString(),
                 QStringLiteral("while cut off"));
        QList<qint64> seqs;
        for (const auto &message : messagesOf(*client, room))
            seqs.append(message.value(QLatin1String("seq")).toInteger());
        QVERIFY(contiguousFromOne(seqs));
    }
    // Its `gone` waits for the proxy, which runs in this (blocked) process: it stops without the answer.
    QVERIFY2(cut.terminate() == 0, cut.log().right(2000).constData());
    QCOMPARE(second.terminate(), 0);
    QCOMPARE(third.terminate(), 0);
}

void TestCluster::roomDeletedDuringRedisOutage()
{
    // Two rooms with members on both servers, deleted on the second while Redis is down (the first does not hear
    // of it), and used again on both sides.
    const QString recreated = uniqueRoom(QStringLiteral("recreated"));
    const QString postedTo = uniqueRoom(QStringLiteral("postedto"));
    ServerProcess first, second;
    QVERIFY2(first.start(options()), first.log().constData());
    QVERIFY2(second.start(options()), second.log().constData());
    const quint16 a = first.port();
    const quint16 b = second.port();
    for (const quint16 port : {a, b})
        QTRY_COMPARE_WITH_TIMEOUT(status(port), QStringLiteral("ok"), 10000);
    auto alice = TestClient::typed(webSocketUrl(a), QStringLiteral("alice"));
    auto bob = TestClient::typed(webSocketUrl(b), QStringLiteral("bob"));
    for (const QString &room : {recreated, postedTo}) {
        QVERIFY(!alice->join(room).isEmpty());
        QVERIFY(!bob->join(room).isEmpty());
        for (int i = 0; i < 3; ++i)
            QVERIFY(!alice->send(room, QStringLiteral("before %1").arg(i)).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(messagesOf(*bob, room).size(), qsizetype(3), 10000);
    }
    const auto closedFor = [](const TestClient &client, const QString &room) {
        const auto frames = client.framesOfType(QStringLiteral("room_closed"));
        return int(std::count_if(frames.cbegin(), frames.cend(), [&](const QJsonObject &frame) {
            return frame.value(QLatin1String("room")).toString() == room;
        }));
    };

    QVERIFY(redisControl(QStringLiteral("stop")));
    auto restartRedis = qScopeGuard([] { redisControl(QStringLiteral("start")); });
    for (const quint16 port : {a, b})
        QTRY_COMPARE_WITH_TIMEOUT(status(port), QStringLiteral("degraded"), 10000);
    HttpClient http;
    MessageStore database(m_postgres, QStringLiteral("observer"));
    QVERIFY2(database.open(), qPrintable(database.lastError()));
    const auto goneFromDatabase = [&](const QString &room) {
        const auto stored = database.room(room);
        return stored && !*stored;
    };
    for (const QString &room : {recreated, postedTo}) {
        QCOMPARE(http.remove(httpUrl(b, QStringLiteral("/api/rooms/%1").arg(room))).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(closedFor(*bob, room), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(goneFromDatabase(room), 10000);
    }
    // Created again on the second server: its seqs start over.
    QVERIFY(!bob->join(recreated).isEmpty());
    QCOMPARE(bob->send(recreated, QStringLiteral("anew 1")).value(QLatin1String("seq")).toInteger(), 1);
    QCOMPARE(bob->send(recreated, QStringLiteral("anew 2")).value(QLatin1String("seq")).toInteger(), 2);
    // Posted to on the first server, which still holds the old room: stored as seq 1 of a new one, and the room,
    // no longer what the first server holds, is closed there.
    const auto ack = alice->send(postedTo, QStringLiteral("into the void?"));
    QCOMPARE(ack.value(QLatin1String("seq")).toInteger(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(closedFor(*alice, postedTo), 1, 10000);

    restartRedis.dismiss();
    QVERIFY(redisControl(QStringLiteral("start")));
    for (const quint16 port : {a, b})
        QTRY_COMPARE_WITH_TIMEOUT(status(port), QStringLiteral("ok"), 20000);
    // Once Redis is back the first server finds the other room changed in the database and closes it too.
    QTRY_COMPARE_WITH_TIMEOUT(closedFor(*alice, recreated), 1, 10000);

    // Joined again, both sides agree on both rooms, and nothing acknowledged is missing.
    const auto aliceJoined = alice->join(recreated, {{QStringLiteral("last_n"), 10}});
    QCOMPARE(aliceJoined.value(QLatin1String("last_seq")).toInteger(), 2);
    const auto joinedMessages = aliceJoined.value(QLatin1String("messages")).toArray();
    QCOMPARE(joinedMessages.size(), 2);
    QCOMPARE(joinedMessages.at(1).toObject().value(QLatin1String("content")).toString(), QStringLiteral("anew 2"));
    QCOMPARE(bob->send(recreated, QStringLiteral("anew 3")).value(QLatin1String("seq")).toInteger(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(messagesOf(*alice, recreated).size(), qsizetype(4), 10000); // 3 before, and "anew 3"
    QCOMPARE(messagesOf(*alice, recreated).constLast().value(QLatin1String("seq")).toInteger(), 3);

    const auto bobJoined = bob->join(postedTo, {{QStringLiteral("last_n"), 10}});
    QCOMPARE(bobJoined.value(QLatin1String("last_seq")).toInteger(), 1);
    QCOMPARE(bobJoined.value(QLatin1String("messages"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("content"))
                 .toString(),
             QStringLiteral("into the void?"));
    QVERIFY(!alice->join(postedTo).isEmpty());
    QCOMPARE(alice->send(postedTo, QStringLiteral("after")).value(QLatin1String("seq")).toInteger(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!messagesOf(*bob, postedTo).isEmpty() &&
                                 messagesOf(*bob, postedTo).constLast().value(QLatin1String("content")).toString() ==
                                     QStringLiteral("after"),
                             10000);
    for (const QString &room : {recreated, postedTo})
        QCOMPARE(fullHistory(a, room), fullHistory(b, room));
    QCOMPARE(first.terminate(), 0);
    QCOMPARE(second.terminate(), 0);
}

void TestCluster::holesAndForgedRelaysDoNotStallARoom()
{
    const QString room = uniqueRoom(QStringLiteral("holes"));
    ServerProcess first, second;
    QVERIFY2(first.start(options()), first.log().constData());
    QVERIFY2(second.start(options()), second.log().constData());
    for (const quint16 port : {first.port(), second.port()})
        QTRY_COMPARE_WITH_TIMEOUT(status(port), QStringLiteral("ok"), 10000);
    auto alice = TestClient::typed(webSocketUrl(first.port()), QStringLiteral("alice"));
    auto bob = TestClient::typed(webSocketUrl(second.port()), QStringLiteral("bob"));
    QVERIFY(!alice->join(room).isEmpty());
    QVERIFY(!bob->join(room).isEmpty());
    for (int i = 0; i < 2; ++i)
        QVERIFY(!bob->send(room, QStringLiteral("before %1").arg(i)).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(messagesOf(*alice, room).size(), qsizetype(2), 10000);
    const auto seqsOf = [&](const TestClient &client) {
        QList<qint64> seqs;
        for (const auto &message : messagesOf(client, room))
            seqs.append(message.value(QLatin1String("seq")).toInteger());
        return seqs;
    };

    // A hole in the seqs, as days-based retention leaves one: 3 to 7 are gone from the database.
    {
        MessageStore database(m_postgres, QStringLiteral("holes"));
        QVERIFY2(database.open(), qPrintable(database.lastError()));
        QSqlQuery query(QSqlDatabase::database(QStringLiteral("holes"), false));
        query.prepare(QStringLiteral("UPDATE rooms SET last_seq = last_seq + 5 WHERE name = ?"));
        query.addBindValue(room);
        QVERIFY(query.exec());
        QCOMPARE(query.numRowsAffected(), 1);
    }
    QCOMPARE(bob->send(room, QStringLiteral("after the hole")).value(QLatin1String("seq")).toInteger(), 8);
    const QList<qint64> afterHole{1, 2, 8};
    QTRY_COMPARE_WITH_TIMEOUT(seqsOf(*alice), afterHole, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(seqsOf(*bob), afterHole, 10000);

    // Relays no server sent: one without an id under the next seq, one far ahead. Neither is delivered, and
    // neither holds up the room.
    ChatMessage forged;
    forged.room = room;
    forged.user = QStringLiteral("mallory");
    forged.content = QStringLiteral("forged");
    forged.timestamp = 1'700'000'000'000;
    forged.seq = 9;
    QJsonObject withoutId = forged.toJson();
    withoutId.remove(QStringLiteral("id"));
    forged.id = QStringLiteral("forged-id");
    forged.seq = 1'000'000'000'000'000;
    const QByteArray channel = "natter:room:" + room.toUtf8();
    QCOMPARE(redisPublish(channel, "mforger\n" + QJsonDocument(withoutId).toJson(QJsonDocument::Compact)), 2);
    QCOMPARE(redisPublish(channel, "mforger\n" + QJsonDocument(forged.toJson()).toJson(QJsonDocument::Compact)), 2);
    QCOMPARE(bob->send(room, QStringLiteral("next")).value(QLatin1String("seq")).toInteger(), 9);
    QCOMPARE(alice->send(room, QStringLiteral("and again")).value(QLatin1String("seq")).toInteger(), 10);
    const QList<qint64> all{1, 2, 8, 9, 10};
    for (const auto *client : {alice.get(), bob.get()}) {
        QTRY_COMPARE_WITH_TIMEOUT(seqsOf(*client), all, 10000);
        QCOMPARE(messagesOf(*client, room).at(3).value(QLatin1String("content")).toString(), QStringLiteral("next"));
    }
    QCOMPARE(first.terminate(), 0);
    QCOMPARE(second.terminate(), 0);
}

void TestCluster::banDuringRedisOutageHoldsEverywhere()
{
    const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(10);
    const QString admin = QStringLiteral("Admin-") + suffix;
    const QString bob = QStringLiteral("Bob-") + suffix;
    const QString password = QStringLiteral("correct horse battery");
    ServerConfig config;
    config.database = m_postgres;
    QCOMPARE(createAccount(config, admin, password, true), QString());
    QCOMPARE(createAccount(config, bob, password, false), QString());

    const QStringList accounts{QStringLiteral("--auth"), QStringLiteral("accounts")};
    ServerProcess first, second;
    QVERIFY2(first.start(options(0, accounts)), first.log().constData());
    QVERIFY(QFile::copy(QDir(first.dataDir()).filePath(QStringLiteral("token-signing.key")),
                        QDir(second.dataDir()).filePath(QStringLiteral("token-signing.key"))));
    QVERIFY2(second.start(options(0, accounts)), second.log().constData());
    const quint16 a = first.port();
    const quint16 b = second.port();
    for (const quint16 port : {a, b})
        QTRY_COMPARE_WITH_TIMEOUT(status(port), QStringLiteral("ok"), 10000);
    const auto credentials = [&](const QString &user) {
        return QJsonDocument(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}})
            .toJson(QJsonDocument::Compact);
    };
    HttpClient http;
    const auto bobLogin = http.post(httpUrl(b, QStringLiteral("/api/login")), credentials(bob));
    QCOMPARE(bobLogin.status, 200);
    const QString bobToken = bobLogin.json().object().value(QLatin1String("token")).toString();
    const auto adminLogin = http.post(httpUrl(a, QStringLiteral("/api/login")), credentials(admin));
    QCOMPARE(adminLogin.status, 200);
    HttpClient adminHttp;
    adminHttp.bearerToken = adminLogin.json().object().value(QLatin1String("token")).toString().toLatin1();
    TestClient bobClient(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?token=%2").arg(b).arg(bobToken)));
    QVERIFY(bobClient.waitConnected());
    QVERIFY(!bobClient.waitForType(QStringLiteral("welcome")).isEmpty());

    // Banned on the first server while the second cannot hear of it.
    QVERIFY(redisControl(QStringLiteral("stop")));
    auto restartRedis = qScopeGuard([] { redisControl(QStringLiteral("start")); });
    for (const quint16 port : {a, b})
        QTRY_COMPARE_WITH_TIMEOUT(status(port), QStringLiteral("degraded"), 10000);
    QCOMPARE(adminHttp.post(httpUrl(a, QStringLiteral("/api/users/%1/ban").arg(bob)), {}).status, 200);
    restartRedis.dismiss();
    QVERIFY(redisControl(QStringLiteral("start")));
    // Once Redis is back the second server reads the accounts again: Bob's connection there is closed, and he
    // cannot log in there.
    QVERIFY(bobClient.waitDisconnected(20000));
    QCOMPARE(bobClient.closeCode(), 4002);
    QCOMPARE(http.post(httpUrl(b, QStringLiteral("/api/login")), credentials(bob)).status, 403);
    QCOMPARE(first.terminate(), 0);
    QCOMPARE(second.terminate(), 0);
}

void TestCluster::silentSubscriberConnectionIsReopened()
{
    // One server's subscriber connection to Redis stops delivering while it stays open (and its commands connection
    // keeps answering PINGs): the server notices that its own heartbeat does not come back and reconnects.
    const QString room = uniqueRoom(QStringLiteral("halfopen"));
    const QUrl redis(m_redis);
    TcpProxy proxy(quint16(redis.port()));
    QUrl viaProxy = redis;
    viaProxy.setPort(proxy.port());
    ServerProcess silenced, other;
    QVERIFY2(silenced.start(options(0, {}, viaProxy.toString())), silenced.log().constData());
    QVERIFY2(other.start(options()), other.log().constData());
    for (const quint16 port : {silenced.port(), other.port()})
        QTRY_COMPARE_WITH_TIMEOUT(status(port), QStringLiteral("ok"), 10000);
    auto alice = TestClient::typed(webSocketUrl(silenced.port()), QStringLiteral("alice"));
    auto bob = TestClient::typed(webSocketUrl(other.port()), QStringLiteral("bob"));
    QVERIFY(!alice->join(room).isEmpty());
    QVERIFY(!bob->join(room).isEmpty());
    QVERIFY(!alice->send(room, QStringLiteral("one")).isEmpty());
    QVERIFY(!bob->send(room, QStringLiteral("two")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(messagesOf(*alice, room).size(), qsizetype(2), 10000);

    QCOMPARE(proxy.silenceRepliesTo("SUBSCRIBE"), 1);
    QVERIFY(!bob->send(room, QStringLiteral("unheard at first")).isEmpty());
    // Within a heartbeat (15 s) and the PING timeout (5 s), and well before its presence would expire.
    QTRY_COMPARE_WITH_TIMEOUT(messagesOf(*alice, room).size(), qsizetype(3), 30000);
    QCOMPARE(messagesOf(*alice, room).constLast().value(QLatin1String("content")).toString(),
             QStringLiteral("unheard at first"));
    QTRY_COMPARE_WITH_TIMEOUT(status(silenced.port()), QStringLiteral("ok"), 10000);
    QVERIFY(!bob->send(room, QStringLiteral("heard")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(messagesOf(*alice, room).size(), qsizetype(4), 10000);
    QVERIFY2(silenced.terminate() == 0, silenced.log().right(2000).constData());
    QCOMPARE(other.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
