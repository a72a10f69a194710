// The server on PostgreSQL (started on loopback by scripts/test.sh): restarts, and an outage under load.
#include "authentication.h"
#include "httpclient.h"
#include "serverconfig.h"
#include "serverprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QUuid>

class TestPostgresStorage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void restartKeepsHistoryAndSeq();
    void outageGivesErrorsNeverAcksAndRecovers();
    void accountsAndBansLiveInTheDatabase();

private:
    static bool controlCluster(const QString &action);
    QString m_url;
};

void TestPostgresStorage::initTestCase()
{
    m_url = qEnvironmentVariable("NATTER_TEST_POSTGRES");
    QVERIFY2(!m_url.isEmpty() && qEnvironmentVariableIsSet("NATTER_TEST_POSTGRES_CTL"),
             "run the suite with scripts/test.sh: it starts the PostgreSQL cluster these tests use");
}

void TestPostgresStorage::accountsAndBansLiveInTheDatabase()
{
    // Names of their own: the database is shared with the other PostgreSQL tests.
    const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(10);
    const QString admin = QStringLiteral("Admin-") + suffix;
    const QString bob = QStringLiteral("Bob-") + suffix;
    const QString password = QStringLiteral("correct horse battery");
    natter::ServerConfig config;
    config.database = m_url;
    QCOMPARE(natter::createAccount(config, admin, password, true), QString());

    ServerProcess server;
    const QStringList options{QStringLiteral("--database"), m_url, QStringLiteral("--auth"),
                              QStringLiteral("accounts")};
    QVERIFY2(server.start(options), server.log().constData());
    const auto url = [&](const QString &path) {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server.port()).arg(path));
    };
    const auto body = [&](const QString &user) {
        return QJsonDocument(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}})
            .toJson(QJsonDocument::Compact);
    };
    HttpClient http;
    QCOMPARE(http.post(url(QStringLiteral("/api/register")), body(bob)).status, 201);
    QCOMPARE(http.post(url(QStringLiteral("/api/register")), body(bob.toUpper())).status, 409);
    const auto login = http.post(url(QStringLiteral("/api/login")), body(admin));
    QCOMPARE(login.status, 200);
    http.bearerToken = login.json().object().value(QStringLiteral("token")).toString().toLatin1();
    QCOMPARE(http.post(url(QStringLiteral("/api/users/%1/ban").arg(bob)), {}).status, 200);

    // After a restart the account and the ban come back from PostgreSQL.
    QCOMPARE(server.terminate(), 0);
    QVERIFY2(server.start(options), server.log().constData());
    const auto banned = http.post(url(QStringLiteral("/api/login")), body(bob));
    QCOMPARE(banned.status, 403);
    QCOMPARE(banned.json().object().value(QStringLiteral("code")).toString(), QStringLiteral("BANNED"));
    QCOMPARE(http.remove(url(QStringLiteral("/api/users/%1/ban").arg(bob))).status, 200);
    QCOMPARE(http.post(url(QStringLiteral("/api/login")), body(bob)).status, 200);
}

bool TestPostgresStorage::controlCluster(const QString &action)
{
    return QProcess::execute(QStringLiteral("/bin/sh"),
                             {QStringLiteral("-c"),
                              qEnvironmentVariable("NATTER_TEST_POSTGRES_CTL") + QLatin1Char(' ') + action}) == 0;
}

void TestPostgresStorage::restartKeepsHistoryAndSeq()
{
    // A room of its own: the database is shared with the other PostgreSQL tests.
    const QString room = QStringLiteral("pg-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const QStringList options{QStringLiteral("--database"), m_url,
                              QStringLiteral("--port"),     QString::number(probe.serverPort()),
                              QStringLiteral("--history"),  QStringLiteral("3")};
    probe.close();
    ServerProcess server;
    QVERIFY2(server.start(options), server.log().constData());
    {
        auto alice =
            TestClient::typed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port())), QStringLiteral("Alice"));
        QVERIFY(!alice->join(room).isEmpty());
        for (int i = 1; i <= 8; ++i)
            QCOMPARE(alice->send(room, QStringLiteral("m%1").arg(i), QStringLiteral("c%1").arg(i))
                         .value(QLatin1String("seq"))
                         .toInt(),
                     i);
    }
    QCOMPARE(server.terminate(), 0);
    QVERIFY2(server.start(options), server.log().constData());
    HttpClient http;
    const auto page = http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/rooms/%2/messages?before=9&limit=100")
                                        .arg(server.port())
                                        .arg(room)))
                          .json()
                          .array();
    QCOMPARE(page.size(), 8);
    auto bob =
        TestClient::typed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port())), QStringLiteral("Bob"));
    QVERIFY(!bob->join(room).isEmpty());
    QCOMPARE(bob->send(room, QStringLiteral("after")).value(QLatin1String("seq")).toInt(), 9);
    // A retry of an old client id after the restart is recognised.
    auto alice =
        TestClient::typed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port())), QStringLiteral("Alice"));
    QVERIFY(!alice->join(room).isEmpty());
    const auto again = alice->send(room, QStringLiteral("m3"), QStringLiteral("c3"));
    QCOMPARE(again.value(QLatin1String("seq")).toInt(), 3);
    QCOMPARE(again.value(QLatin1String("duplicate")).toBool(), true);
    QCOMPARE(server.terminate(), 0);
}

void TestPostgresStorage::outageGivesErrorsNeverAcksAndRecovers()
{
    const QString room = QStringLiteral("pg-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--database"), m_url, QStringLiteral("--rate-limit"), QStringLiteral("0"),
                           QStringLiteral("--history"), QStringLiteral("5")}),
             server.log().constData());
    const QUrl base(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port()));
    const QUrl health(QStringLiteral("http://127.0.0.1:%1/health").arg(server.port()));
    auto alice = TestClient::typed(base, QStringLiteral("Alice"));
    QVERIFY(!alice->join(room).isEmpty());

    // Continuous load: a message every 10 ms, each with its own client id.
    int sent = 0;
    QTimer load;
    connect(&load, &QTimer::timeout, this, [&] {
        alice->sendJson({{QStringLiteral("type"), QStringLiteral("send")},
                         {QStringLiteral("room"), room},
                         {QStringLiteral("content"), QStringLiteral("n%1").arg(sent)},
                         {QStringLiteral("client_id"), QStringLiteral("c%1").arg(sent)},
                         {QStringLiteral("request_id"), QStringLiteral("r%1").arg(sent)}});
        ++sent;
    });
    load.start(10);
    QVERIFY(alice->waitForCount(QStringLiteral("ack"), 20));

    QVERIFY(controlCluster(QStringLiteral("stop -m fast")));
    HttpClient http;
    QTRY_COMPARE_WITH_TIMEOUT(http.get(health).json().object().value(QLatin1String("status")).toString(),
                              QStringLiteral("degraded"), 10000);
    QVERIFY(alice->waitForCount(QStringLiteral("error"), 20, 10000));
    // Pages older than memory need the database: they are refused, not answered empty.
    const QUrl oldPage(
        QStringLiteral("http://127.0.0.1:%1/api/rooms/%2/messages?before=3").arg(server.port()).arg(room));
    QCOMPARE(http.get(oldPage).status, 503);
    // A room created meanwhile is kept and stored once the database is back.
    const QString createdWhileDown = room + QStringLiteral("-new");
    QCOMPARE(http.post(QUrl(QStringLiteral("http://127.0.0.1:%1/api/rooms").arg(server.port())),
                       QJsonDocument(QJsonObject{{QStringLiteral("name"), createdWhileDown}}).toJson())
                 .status,
             201);
    QVERIFY(controlCluster(QStringLiteral("start")));
    QTRY_COMPARE_WITH_TIMEOUT(http.get(health).json().object().value(QLatin1String("status")).toString(),
                              QStringLiteral("ok"), 40000);
    const qsizetype acksBefore = alice->framesOfType(QStringLiteral("ack")).size();
    QVERIFY(alice->waitForCount(QStringLiteral("ack"), acksBefore + 20, 10000));
    load.stop();
    // Every send gets exactly one answer; wait for all of them (a ping would not do: its pong can overtake acks).
    QTRY_COMPARE_WITH_TIMEOUT(alice->framesOfType(QStringLiteral("ack")).size() +
                                  alice->framesOfType(QStringLiteral("error")).size(),
                              qsizetype(sent), 20000);

    // Each request got exactly one answer: an ack or an error, never both.
    QSet<QString> acked, refused;
    for (const auto &frame : alice->framesOfType(QStringLiteral("ack")))
        acked.insert(frame.value(QLatin1String("client_id")).toString());
    for (const auto &frame : alice->framesOfType(QStringLiteral("error"))) {
        QVERIFY(QStringList({QStringLiteral("STORAGE_UNAVAILABLE"), QStringLiteral("BUSY")})
                    .contains(frame.value(QLatin1String("code")).toString()));
        refused.insert(QStringLiteral("c") + frame.value(QLatin1String("request_id")).toString().mid(1));
    }
    QVERIFY(!refused.isEmpty());
    QVERIFY((acked & refused).isEmpty());
    // The database holds exactly the acknowledged messages: nothing acked was lost, nothing refused was kept.
    const auto stored =
        http
            .get(QUrl(
                QStringLiteral("http://127.0.0.1:%1/api/rooms/%2/messages?limit=1000").arg(server.port()).arg(room)))
            .json()
            .array();
    QSet<QString> storedIds;
    for (const auto &value : stored)
        storedIds.insert(value.toObject().value(QLatin1String("client_id")).toString());
    QCOMPARE(storedIds, acked);
    QCOMPARE(server.terminate(), 0);
    QVERIFY2(server.start({QStringLiteral("--database"), m_url}), server.log().constData());
    const auto rooms =
        http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/rooms").arg(server.port()))).json().array();
    QVERIFY(std::any_of(rooms.cbegin(), rooms.cend(), [&](const QJsonValue &value) {
        return value.toObject().value(QLatin1String("name")).toString() == createdWhileDown;
    }));
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestPostgresStorage)
#include "tst_postgresstorage.moc"
