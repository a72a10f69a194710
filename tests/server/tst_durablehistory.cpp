// Durable history through the real executable: restarts, crashes (SIGKILL) and retention.
#include "chatclient.h"
#include "httpclient.h"
#include "serverprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace natter;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// Every message of @p room, oldest first, read page by page over REST.
QList<QJsonObject> fullHistory(quint16 port, const QString &room)
{
    HttpClient http;
    QList<QJsonObject> all;
    qint64 before = 0;
    for (;;) {
        const QString path = QStringLiteral("http://127.0.0.1:%1/api/rooms/%2/messages?limit=1000%3")
                                 .arg(port)
                                 .arg(room, before > 0 ? QStringLiteral("&before=%1").arg(before) : QString());
        const auto page = http.get(QUrl(path)).json().array();
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

} // namespace

class TestDurableHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void restartKeepsHistoryAndSeq();
    void clientResumesAcrossARestart();
    void crashTest();
    void retentionPrunesInTheBackground();
    void requestsRightAfterAResumeFromTheStoreWait();
    void deletedRoomStaysDeletedAfterRestart();

private:
    std::unique_ptr<ChatClient> makeClient(const QString &tag);
    QTemporaryDir m_dir;
};

void TestDurableHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NatterTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_durablehistory"));
    QSettings().clear();
}

std::unique_ptr<ChatClient> TestDurableHistory::makeClient(const QString &tag)
{
    auto client = std::make_unique<ChatClient>();
    client->setOutboxPath(m_dir.filePath(tag + QStringLiteral("-outbox.json")));
    client->setReconnectBaseMs(50);
    return client;
}

void TestDurableHistory::restartKeepsHistoryAndSeq()
{
    const quint16 port = freePort();
    const QStringList options{QStringLiteral("--port"), QString::number(port), QStringLiteral("--history"),
                              QStringLiteral("5")};
    ServerProcess server;
    QVERIFY2(server.start(options), server.log().constData());
    {
        auto alice = TestClient::typed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)), QStringLiteral("Alice"));
        QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
        QVERIFY(!alice->join(QStringLiteral("books")).isEmpty());
        for (int i = 1; i <= 12; ++i)
            QCOMPARE(alice->send(QStringLiteral("general"), QStringLiteral("m%1").arg(i))
                         .value(QLatin1String("seq"))
                         .toInt(),
                     i);
        QVERIFY(!alice->send(QStringLiteral("books"), QStringLiteral("a book")).isEmpty());
    }
    QCOMPARE(server.terminate(), 0);
    QVERIFY2(server.start(options), server.log().constData());
    QVERIFY(server.log().contains("rooms restored"));

    // Every message is back, beyond the 5 the ring holds, and seqs continue where they stopped.
    const auto history = fullHistory(port, QStringLiteral("general"));
    QCOMPARE(history.size(), 12);
    for (int i = 0; i < 12; ++i) {
        QCOMPARE(history[i].value(QLatin1String("seq")).toInt(), i + 1);
        QCOMPARE(history[i].value(QLatin1String("content")).toString(), QStringLiteral("m%1").arg(i + 1));
    }
    HttpClient http;
    const auto rooms = http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/rooms").arg(port))).json().array();
    QCOMPARE(rooms.size(), 2);
    auto bob = TestClient::typed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)), QStringLiteral("Bob"));
    const auto joined = bob->join(QStringLiteral("general"), {{QStringLiteral("last_n"), 3}});
    QCOMPARE(joined.value(QLatin1String("last_seq")).toInt(), 12);
    QCOMPARE(bob->send(QStringLiteral("general"), QStringLiteral("after")).value(QLatin1String("seq")).toInt(), 13);
    // A typed history page older than the ring is read from the store.
    const QString id = bob->request({{QStringLiteral("type"), QStringLiteral("history")},
                                     {QStringLiteral("room"), QStringLiteral("general")},
                                     {QStringLiteral("before"), 4}});
    const auto page = bob->waitForReply(id).value(QLatin1String("messages")).toArray();
    QCOMPARE(page.size(), 3);
    QCOMPARE(page.first().toObject().value(QLatin1String("seq")).toInt(), 1);
    QCOMPARE(server.terminate(), 0);
}

void TestDurableHistory::clientResumesAcrossARestart()
{
    const quint16 port = freePort();
    const QStringList options{QStringLiteral("--port"), QString::number(port), QStringLiteral("--history"),
                              QStringLiteral("4")};
    ServerProcess server;
    QVERIFY2(server.start(options), server.log().constData());
    auto client = makeClient(QStringLiteral("resume"));
    QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("Alice")));
    QTRY_COMPARE(client->state(), ChatClient::Connected);
    QTRY_COMPARE(client->members()->count(), 1);
    for (int i = 1; i <= 3; ++i)
        QVERIFY(client->sendMessage(QStringLiteral("general"), QStringLiteral("before %1").arg(i)));
    QTRY_COMPARE(client->pendingCount(), 0);

    QCOMPARE(server.terminate(), 0);
    QTRY_COMPARE(client->state(), ChatClient::Reconnecting);
    QVERIFY2(server.start(options), server.log().constData());
    // While Alice is still reconnecting, Bob posts more than the ring holds.
    auto bob = TestClient::typed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)), QStringLiteral("Bob"));
    QVERIFY(!bob->join(QStringLiteral("general")).isEmpty());
    for (int i = 1; i <= 6; ++i)
        QVERIFY(!bob->send(QStringLiteral("general"), QStringLiteral("during %1").arg(i)).isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ChatClient::Connected, 10000);
    // Resumed from seq 3: the gap (4..9) came from the store, nothing twice.
    QTRY_COMPARE(client->messages()->count(), 9);
    QList<quint64> seqs;
    for (const auto &entry : client->messages()->entries())
        seqs.append(entry.message.seq);
    QCOMPARE(seqs, (QList<quint64>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
    client->disconnectFromServer();
    QCOMPARE(server.terminate(), 0);
}

void TestDurableHistory::crashTest()
{
    const quint16 port = freePort();
    const QStringList options{QStringLiteral("--port"), QString::number(port), QStringLiteral("--rate-limit"),
                              QStringLiteral("0")};
    ServerProcess server;
    QVERIFY2(server.start(options), server.log().constData());

    // Three posters write continuously; their outboxes resend anything not acknowledged, with the same client id.
    QList<std::shared_ptr<ChatClient>> posters;
    QStringList written;
    for (int i = 0; i < 3; ++i) {
        std::shared_ptr<ChatClient> client = makeClient(QStringLiteral("crash%1").arg(i));
        QVERIFY(client->connectToServer(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("poster%1").arg(i)));
        posters.append(client);
    }
    int acked = 0;
    for (const auto &client : posters)
        connect(client.get(), &ChatClient::pendingCountChanged, this, [&acked] { ++acked; });
    QTimer writer;
    int next = 0;
    connect(&writer, &QTimer::timeout, this, [&] {
        for (qsizetype i = 0; i < posters.size(); ++i) {
            const QString text = QStringLiteral("p%1-%2").arg(i).arg(next);
            if (posters[i]->sendMessage(QStringLiteral("general"), text))
                written.append(text);
        }
        ++next;
    });
    writer.start(5);

    QRandomGenerator random(20261122);
    for (int kill = 0; kill < 10; ++kill) {
        // Let a random amount of work be acknowledged, then pull the plug mid-stream.
        const int target = acked + int(random.bounded(20, 80));
        QTRY_VERIFY_WITH_TIMEOUT(acked >= target, 20000);
        server.kill();
        QVERIFY2(server.start(options), server.log().constData());
    }
    writer.stop();
    for (const auto &client : posters)
        QTRY_COMPARE_WITH_TIMEOUT(client->pendingCount(), 0, 30000);

    // Every message written (each one acknowledged by now) is stored exactly once, in seq order, without a gap.
    const auto history = fullHistory(port, QStringLiteral("general"));
    QStringList stored;
    for (int i = 0; i < history.size(); ++i) {
        QCOMPARE(history[i].value(QLatin1String("seq")).toInt(), i + 1);
        stored.append(history[i].value(QLatin1String("content")).toString());
    }
    QCOMPARE(stored.size(), written.size());
    QCOMPARE(QSet<QString>(stored.cbegin(), stored.cend()).size(), stored.size());
    QCOMPARE(QSet<QString>(stored.cbegin(), stored.cend()), QSet<QString>(written.cbegin(), written.cend()));
    // Each poster's own messages are in the order it wrote them.
    for (int i = 0; i < 3; ++i) {
        int last = -1;
        for (const QString &text : std::as_const(stored)) {
            if (!text.startsWith(QStringLiteral("p%1-").arg(i)))
                continue;
            const int n = text.section(QLatin1Char('-'), 1).toInt();
            QVERIFY2(n > last, qPrintable(text));
            last = n;
        }
    }
    qInfo("%lld messages written across 10 SIGKILLs, all stored once", qint64(written.size()));
    for (const auto &client : posters)
        client->disconnectFromServer();
    QCOMPARE(server.terminate(), 0);
}

void TestDurableHistory::retentionPrunesInTheBackground()
{
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--history"), QStringLiteral("2"), QStringLiteral("--retention"),
                           QStringLiteral("all"), QStringLiteral("--prune-interval"), QStringLiteral("0.2")}),
             server.log().constData());
    const QUrl base(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port()));
    auto alice = TestClient::typed(base, QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("short")).isEmpty());
    QVERIFY(!alice->join(QStringLiteral("long")).isEmpty());
    for (int i = 1; i <= 12; ++i) {
        QVERIFY(!alice->send(QStringLiteral("short"), QStringLiteral("s%1").arg(i)).isEmpty());
        QVERIFY(!alice->send(QStringLiteral("long"), QStringLiteral("l%1").arg(i)).isEmpty());
    }
    HttpClient http;
    const auto patched = http.sendCustom(QUrl(QStringLiteral("http://127.0.0.1:%1/api/rooms/short").arg(server.port())),
                                         "PATCH", R"({"retention":"5"})");
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json().object().value(QLatin1String("retention")).toString(), QStringLiteral("5"));
    QCOMPARE(http.sendCustom(QUrl(QStringLiteral("http://127.0.0.1:%1/api/rooms/short").arg(server.port())), "PATCH",
                             R"({"retention":"soon"})")
                 .status,
             400);
    // The room with its own policy keeps its last five; the other keeps everything (the server default).
    QTRY_COMPARE_WITH_TIMEOUT(fullHistory(server.port(), QStringLiteral("short")).size(), 5, 10000);
    QCOMPARE(fullHistory(server.port(), QStringLiteral("short")).constFirst().value(QLatin1String("seq")).toInt(), 8);
    QCOMPARE(fullHistory(server.port(), QStringLiteral("long")).size(), 12);
    QCOMPARE(server.terminate(), 0);
}

void TestDurableHistory::requestsRightAfterAResumeFromTheStoreWait()
{
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--history"), QStringLiteral("2")}), server.log().constData());
    const QUrl base(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port()));
    auto alice = TestClient::typed(base, QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("general")).isEmpty());
    for (int i = 1; i <= 10; ++i)
        QVERIFY(!alice->send(QStringLiteral("general"), QStringLiteral("m%1").arg(i)).isEmpty());

    // Join resuming from seq 1 (the store must answer) and post at once, without waiting for "joined".
    auto bob = TestClient::typed(base, QStringLiteral("Bob"));
    const QString join = bob->request({{QStringLiteral("type"), QStringLiteral("join")},
                                       {QStringLiteral("room"), QStringLiteral("general")},
                                       {QStringLiteral("since_seq"), 1}});
    const QString send = bob->request({{QStringLiteral("type"), QStringLiteral("send")},
                                       {QStringLiteral("room"), QStringLiteral("general")},
                                       {QStringLiteral("content"), QStringLiteral("right away")}});
    const auto joined = bob->waitForReply(join);
    QCOMPARE(joined.value(QLatin1String("complete")).toBool(), true);
    QCOMPARE(joined.value(QLatin1String("messages")).toArray().size(), 9);
    const auto ack = bob->waitForReply(send);
    QCOMPARE(ack.value(QLatin1String("type")).toString(), QStringLiteral("ack"));
    QCOMPARE(ack.value(QLatin1String("seq")).toInt(), 11);

    // A connection that leaves while its resume is being read leaves no ghost member behind.
    for (int i = 0; i < 10; ++i) {
        auto ghost = TestClient::typed(base, QStringLiteral("Ghost%1").arg(i));
        ghost->sendJson({{QStringLiteral("type"), QStringLiteral("join")},
                         {QStringLiteral("room"), QStringLiteral("general")},
                         {QStringLiteral("since_seq"), 1}});
        ghost->socket().abort();
    }
    HttpClient http;
    const QUrl members(QStringLiteral("http://127.0.0.1:%1/api/rooms/general/members").arg(server.port()));
    QTRY_COMPARE(http.get(members).json().array().size(), 2);
    QCOMPARE(server.terminate(), 0);
}

void TestDurableHistory::deletedRoomStaysDeletedAfterRestart()
{
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--rate-limit"), QStringLiteral("0")}), server.log().constData());
    auto alice =
        TestClient::typed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port())), QStringLiteral("Alice"));
    QVERIFY(!alice->join(QStringLiteral("doomed")).isEmpty());
    for (int i = 0; i < 50; ++i)
        alice->sendJson({{QStringLiteral("type"), QStringLiteral("send")},
                         {QStringLiteral("room"), QStringLiteral("doomed")},
                         {QStringLiteral("content"), QStringLiteral("x%1").arg(i)}});
    HttpClient http;
    // Deleted while posts may still be queued for the store: none of them may bring the room back.
    QCOMPARE(http.remove(QUrl(QStringLiteral("http://127.0.0.1:%1/api/rooms/doomed").arg(server.port()))).status, 200);
    QVERIFY(alice->waitForType(QStringLiteral("room_closed")).value(QLatin1String("room")).toString() ==
            QStringLiteral("doomed"));
    QCOMPARE(server.terminate(), 0);
    QVERIFY2(server.start(), server.log().constData());
    const auto rooms =
        http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/rooms").arg(server.port()))).json().array();
    QCOMPARE(rooms.size(), 1);
    QCOMPARE(rooms[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("general"));
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestDurableHistory)
#include "tst_durablehistory.moc"
