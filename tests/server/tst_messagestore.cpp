// The store on a real SQLite file (and on PostgreSQL when NATTER_TEST_POSTGRES is set by the test script).
#include "messagestore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

using natter::ChatMessage;
using natter::MessageStore;
using natter::RetentionPolicy;

class TestMessageStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void commitAssignsSeqsPerRoom_data() { databases(); }
    void commitAssignsSeqsPerRoom();
    void clientIdMakesRetriesIdempotent_data() { databases(); }
    void clientIdMakesRetriesIdempotent();
    void aBatchStoresEveryTextExactly_data() { databases(); }
    void aBatchStoresEveryTextExactly();
    void reopenKeepsEverything_data() { databases(); }
    void reopenKeepsEverything();
    void pagesAroundASeq_data() { databases(); }
    void pagesAroundASeq();
    void deleteAndRecreateStartsOver_data() { databases(); }
    void deleteAndRecreateStartsOver();
    void retentionByCountAndByAge_data() { databases(); }
    void retentionByCountAndByAge();
    void retentionPolicyText();
    void newerSchemaIsRefused();
    void version3DatabaseIsMigrated();

private:
    void databases();
    std::unique_ptr<MessageStore> open(const QString &url);
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString m_postgres; ///< A database of this test's own on the test cluster (other tests use theirs in parallel).
    QString m_postgresName;
};

void TestMessageStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString postgres = qEnvironmentVariable("NATTER_TEST_POSTGRES");
    if (postgres.isEmpty())
        return;
    m_postgresName = QStringLiteral("natter_store_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    {
        const QUrl url(postgres);
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
        admin.setHostName(url.host());
        admin.setPort(url.port(5432));
        admin.setUserName(url.userName());
        admin.setDatabaseName(url.path().mid(1));
        QVERIFY2(admin.open(), qPrintable(admin.lastError().text()));
        QVERIFY(QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE ") + m_postgresName));
        admin.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("admin"));
    QUrl url(postgres);
    url.setPath(QLatin1Char('/') + m_postgresName);
    m_postgres = url.toString();
}

void TestMessageStore::cleanupTestCase()
{
    if (m_postgres.isEmpty())
        return;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    {
        const QUrl url(qEnvironmentVariable("NATTER_TEST_POSTGRES"));
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
        admin.setHostName(url.host());
        admin.setPort(url.port(5432));
        admin.setUserName(url.userName());
        admin.setDatabaseName(url.path().mid(1));
        if (admin.open())
            QSqlQuery(admin).exec(QStringLiteral("DROP DATABASE ") + m_postgresName + QStringLiteral(" WITH (FORCE)"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("admin"));
}

void TestMessageStore::databases()
{
    QTest::addColumn<QString>("url");
    QTest::addRow("sqlite") << QStringLiteral("sqlite:%1/store-%2.sqlite").arg(m_dir.path()).arg(++m_counter);
    // CI runs PostgreSQL on loopback for these rows (scripts/test.sh), in a database of this test's own.
    if (!m_postgres.isEmpty())
        QTest::addRow("postgresql") << m_postgres;
}

std::unique_ptr<MessageStore> TestMessageStore::open(const QString &url)
{
    auto store = std::make_unique<MessageStore>(url, QStringLiteral("test-%1").arg(++m_counter));
    if (!store->open())
        qWarning("cannot open %s: %s", qPrintable(url), qPrintable(store->lastError()));
    // PostgreSQL rows share one database: start each test from empty rooms.
    for (const auto &room : store->rooms())
        store->deleteRoom(room.name);
    return store;
}

namespace {
MessageStore::Post post(const QString &room, const QString &user, const QString &content, const QString &clientId = {})
{
    static int id = 0;
    return {room, user, content, clientId, 1'700'000'000'000 + (++id), QStringLiteral("id-%1").arg(id)};
}
} // namespace

void TestMessageStore::commitAssignsSeqsPerRoom()
{
    QFETCH(QString, url);
    auto store = open(url);
    QVERIFY(store->isOpen());
    auto committed = store->commit(
        {post(u"a"_qs, u"u"_qs, u"1"_qs), post(u"b"_qs, u"u"_qs, u"1"_qs), post(u"a"_qs, u"u"_qs, u"2"_qs)});
    QVERIFY(committed);
    QCOMPARE(committed->at(0).message.seq, 1u);
    QCOMPARE(committed->at(1).message.seq, 1u);
    QCOMPARE(committed->at(2).message.seq, 2u);
    committed = store->commit({post(u"a"_qs, u"u"_qs, u"3"_qs)});
    QCOMPARE(committed->constFirst().message.seq, 3u);
    QCOMPARE(store->rooms().size(), 2);
    QCOMPARE(store->rooms().constFirst().lastSeq, 3u);
}

void TestMessageStore::clientIdMakesRetriesIdempotent()
{
    QFETCH(QString, url);
    auto store = open(url);
    const auto first = store->commit({post(u"r"_qs, u"alice"_qs, u"hello"_qs, u"c1"_qs)});
    // The same retry twice in one batch, and once more later: one message.
    const auto again = store->commit({post(u"r"_qs, u"alice"_qs, u"hello"_qs, u"c1"_qs),
                                      post(u"r"_qs, u"alice"_qs, u"hello"_qs, u"c1"_qs),
                                      post(u"r"_qs, u"bob"_qs, u"his"_qs, u"c1"_qs)});
    QVERIFY(first && again);
    QCOMPARE(again->at(0).duplicate, true);
    QCOMPARE(again->at(0).message.seq, 1u);
    QCOMPARE(again->at(0).message.id, first->at(0).message.id);
    QCOMPARE(again->at(1).duplicate, true);
    QCOMPARE(again->at(2).duplicate, false); // another user's client id is another message
    QCOMPARE(again->at(2).message.seq, 2u);
    QCOMPARE(store->latest(u"r"_qs, 10)->size(), 2);
}

void TestMessageStore::aBatchStoresEveryTextExactly()
{
    QFETCH(QString, url);
    auto store = open(url);
    // Text that JSON and SQL must both carry unchanged: quotes, backslashes, control characters, escapes that look
    // like JSON, characters outside the BMP, and an empty-looking client id for one of them.
    const QStringList contents{
        QStringLiteral("say \"hi\" \\ back"),
        QStringLiteral("line one\nline two\ttab\r\x01\x1f end"),
        QStringLiteral("\\u0041 is not A, [\"a\",1] is not an array"),
        QString::fromUtf8("caf\xc3\xa9 \xf0\x9f\x98\x80 \xe4\xbd\xa0\xe5\xa5\xbd"),
        QStringLiteral("null"),
    };
    QList<MessageStore::Post> posts;
    for (int i = 0; i < contents.size(); ++i)
        posts.append(post(u"x\"y"_qs, QStringLiteral("us\\er"), contents.at(i),
                          i == 4 ? QString() : QStringLiteral("c\"%1").arg(i)));
    // A new message sent twice in one batch is stored once, and its second copy answered as a duplicate.
    posts.append(posts.at(1));
    const auto committed = store->commit(posts);
    QVERIFY(committed);
    QCOMPARE(committed->size(), 6);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(committed->at(i).duplicate, false);
        QCOMPARE(committed->at(i).message.seq, quint64(i + 1));
    }
    QVERIFY(committed->at(5).duplicate);
    QCOMPARE(committed->at(5).message.seq, 2u);
    const auto stored = store->latest(u"x\"y"_qs, 10);
    QVERIFY(stored);
    QCOMPARE(stored->size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(stored->at(i).content, contents.at(i));
        QCOMPARE(stored->at(i).user, QStringLiteral("us\\er"));
        QCOMPARE(stored->at(i).id, committed->at(i).message.id);
        QCOMPARE(stored->at(i).timestamp, committed->at(i).message.timestamp);
        QCOMPARE(stored->at(i).clientId, i == 4 ? QString() : QStringLiteral("c\"%1").arg(i));
    }
    // Retried later, in a batch with a new one: the originals come back.
    const auto retried =
        store->commit({posts.at(0), post(u"x\"y"_qs, u"other"_qs, u"new"_qs, u"c\"0"_qs), posts.at(3)});
    QVERIFY(retried);
    QVERIFY(retried->at(0).duplicate);
    QCOMPARE(retried->at(0).message.seq, 1u);
    QCOMPARE(retried->at(0).message.content, contents.at(0));
    QVERIFY(!retried->at(1).duplicate);
    QCOMPARE(retried->at(1).message.seq, 6u);
    QVERIFY(retried->at(2).duplicate);
    QCOMPARE(retried->at(2).message.seq, 4u);
}

void TestMessageStore::reopenKeepsEverything()
{
    QFETCH(QString, url);
    {
        auto store = open(url);
        QVERIFY(store->commit({post(u"room"_qs, u"u"_qs, u"one"_qs), post(u"room"_qs, u"u"_qs, u"two"_qs)}));
    }
    MessageStore reopened(url, QStringLiteral("reopened-%1").arg(++m_counter));
    QVERIFY(reopened.open());
    QCOMPARE(reopened.rooms().constFirst().lastSeq, 2u);
    const auto messages = *reopened.latest(u"room"_qs, 10);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).content, u"two"_qs);
    QCOMPARE(reopened.commit({post(u"room"_qs, u"u"_qs, u"three"_qs)})->constFirst().message.seq, 3u);
}

void TestMessageStore::pagesAroundASeq()
{
    QFETCH(QString, url);
    auto store = open(url);
    QList<MessageStore::Post> posts;
    for (int i = 1; i <= 30; ++i)
        posts.append(post(u"p"_qs, u"u"_qs, QString::number(i)));
    QVERIFY(store->commit(posts));
    auto page = *store->before(u"p"_qs, 21, 10);
    QCOMPARE(page.size(), 10);
    QCOMPARE(page.constFirst().seq, 11u);
    QCOMPARE(page.constLast().seq, 20u);
    page = *store->after(u"p"_qs, 25, 100);
    QCOMPARE(page.size(), 5);
    QCOMPARE(page.constFirst().seq, 26u);
    QCOMPARE(store->latest(u"p"_qs, 3)->constFirst().seq, 28u);
    QCOMPARE(store->before(u"p"_qs, 1, 10)->size(), 0);
}

void TestMessageStore::deleteAndRecreateStartsOver()
{
    QFETCH(QString, url);
    auto store = open(url);
    QVERIFY(store->commit({post(u"gone"_qs, u"u"_qs, u"x"_qs)}));
    QVERIFY(store->deleteRoom(u"gone"_qs));
    QCOMPARE(store->rooms().size(), 0);
    QCOMPARE(store->commit({post(u"gone"_qs, u"u"_qs, u"y"_qs)})->constFirst().message.seq, 1u);
}

void TestMessageStore::retentionByCountAndByAge()
{
    QFETCH(QString, url);
    auto store = open(url);
    QList<MessageStore::Post> posts;
    for (int i = 1; i <= 10; ++i) {
        auto p = post(u"keep5"_qs, u"u"_qs, QString::number(i));
        posts.append(p);
        auto old = post(u"aged"_qs, u"u"_qs, QString::number(i));
        old.timestamp = i <= 4 ? 1'000 : 9'000'000'000'000; // four ancient, six recent
        posts.append(old);
    }
    QVERIFY(store->commit(posts));
    QVERIFY(store->setRetention(u"keep5"_qs, u"5"_qs));
    QVERIFY(store->setRetention(u"aged"_qs, u"30d"_qs));
    QCOMPARE(store->prune(RetentionPolicy{}, 9'000'000'000'000), 5 + 4);
    QCOMPARE(store->latest(u"keep5"_qs, 100)->size(), 5);
    QCOMPARE(store->latest(u"keep5"_qs, 100)->constFirst().seq, 6u);
    QCOMPARE(store->latest(u"aged"_qs, 100)->size(), 6);
    // Seqs go on from where they were: pruning never reuses one.
    QCOMPARE(store->commit({post(u"keep5"_qs, u"u"_qs, u"11"_qs)})->constFirst().message.seq, 11u);
    // The server default applies to rooms without their own policy.
    QVERIFY(store->commit({post(u"plain"_qs, u"u"_qs, u"a"_qs), post(u"plain"_qs, u"u"_qs, u"b"_qs)}));
    QCOMPARE(store->prune(*RetentionPolicy::parse(u"1"_qs), 9'000'000'000'000), 1 + 1);
}

void TestMessageStore::retentionPolicyText()
{
    QCOMPARE(RetentionPolicy::parse(u"all"_qs)->kind, RetentionPolicy::Kind::Everything);
    QCOMPARE(RetentionPolicy::parse(u"250"_qs)->amount, 250);
    QCOMPARE(RetentionPolicy::parse(u"14d"_qs)->kind, RetentionPolicy::Kind::Days);
    QCOMPARE(RetentionPolicy::parse(u"14d"_qs)->toString(), u"14d"_qs);
    QVERIFY(!RetentionPolicy::parse(u"-3"_qs));
    QVERIFY(!RetentionPolicy::parse(u"0"_qs));
    QVERIFY(!RetentionPolicy::parse(u"forever"_qs));
}

void TestMessageStore::newerSchemaIsRefused()
{
    const QString url = QStringLiteral("sqlite:%1/future.sqlite").arg(m_dir.path());
    {
        MessageStore store(url, QStringLiteral("future-a"));
        QVERIFY(store.open());
        QSqlQuery(QSqlDatabase::database(QStringLiteral("future-a")))
            .exec(QStringLiteral("UPDATE schema_version SET version = 99"));
    }
    MessageStore store(url, QStringLiteral("future-b"));
    QVERIFY(!store.open());
    QVERIFY(store.lastError().contains(QLatin1String("newer")));
}

void TestMessageStore::version3DatabaseIsMigrated()
{
    // A database as the previous schema (version 3) left it: a rowid table for messages, an index on their time,
    // and a client-id index over every message.
    const QString path = m_dir.filePath(QStringLiteral("version3.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const char *sql : {
                 "CREATE TABLE schema_version (version INTEGER NOT NULL)",
                 "INSERT INTO schema_version (version) VALUES (3)",
                 "CREATE TABLE rooms (name TEXT PRIMARY KEY, created_at BIGINT NOT NULL, last_seq BIGINT NOT NULL "
                 "DEFAULT 0, retention TEXT, kind TEXT NOT NULL DEFAULT 'public', owner TEXT)",
                 "CREATE TABLE messages (room TEXT NOT NULL, seq BIGINT NOT NULL, id TEXT NOT NULL, user_name TEXT NOT "
                 "NULL, content TEXT NOT NULL, created_at BIGINT NOT NULL, client_id TEXT, PRIMARY KEY (room, seq))",
                 "CREATE UNIQUE INDEX messages_client_id ON messages (room, user_name, client_id)",
                 "CREATE INDEX messages_created_at ON messages (created_at)",
                 "CREATE TABLE accounts (name_key TEXT PRIMARY KEY, name TEXT NOT NULL, password_hash TEXT NOT NULL, "
                 "role TEXT NOT NULL, banned INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)",
                 "CREATE TABLE room_members (room TEXT NOT NULL, user_key TEXT NOT NULL, user_name TEXT NOT NULL, "
                 "PRIMARY KEY (room, user_key))",
                 "CREATE TABLE room_invites (room TEXT NOT NULL, user_key TEXT NOT NULL, user_name TEXT NOT NULL, "
                 "invited_by TEXT NOT NULL, PRIMARY KEY (room, user_key))",
                 "INSERT INTO rooms (name, created_at, last_seq) VALUES ('old', 1000, 3)",
                 "INSERT INTO messages VALUES ('old', 1, 'id-a', 'alice', 'first', 1000, NULL)",
                 "INSERT INTO messages VALUES ('old', 2, 'id-b', 'bob', 'second', 2000, 'c-bob')",
                 "INSERT INTO messages VALUES ('old', 3, 'id-c', 'alice', 'third', 9000000000000, NULL)",
             })
            QVERIFY2(query.exec(QString::fromLatin1(sql)), qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v3"));

    MessageStore store(QStringLiteral("sqlite:") + path, QStringLiteral("migrated"));
    QVERIFY2(store.open(), qPrintable(store.lastError()));
    QSqlQuery query(QSqlDatabase::database(QStringLiteral("migrated")));
    QVERIFY(query.exec(QStringLiteral("SELECT version FROM schema_version")) && query.next());
    QCOMPARE(query.value(0).toInt(), 4);
    QVERIFY(query.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'messages'")) && query.next());
    QVERIFY(query.value(0).toString().contains(QLatin1String("WITHOUT ROWID")));
    QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages' "
                                      "AND sql IS NOT NULL")));
    QStringList indexes;
    while (query.next())
        indexes << query.value(0).toString();
    QCOMPARE(indexes, QStringList{u"messages_client_id"_qs});
    query.finish();

    // Every message is still there, the seqs go on, and a retry of an old message is still recognised.
    const auto latest = store.latest(u"old"_qs, 10);
    QVERIFY(latest);
    QCOMPARE(latest->size(), 3);
    QCOMPARE(latest->at(1).content, u"second"_qs);
    QCOMPARE(latest->at(1).clientId, u"c-bob"_qs);
    const auto retry = store.commit({post(u"old"_qs, u"bob"_qs, u"second"_qs, u"c-bob"_qs)});
    QVERIFY(retry);
    QVERIFY(retry->constFirst().duplicate);
    QCOMPARE(retry->constFirst().message.id, u"id-b"_qs);
    QCOMPARE(store.commit({post(u"old"_qs, u"carol"_qs, u"fourth"_qs)})->constFirst().message.seq, 4u);
    // Pruning by age works without the old index on the time.
    QVERIFY(store.setRetention(u"old"_qs, u"30d"_qs));
    QCOMPARE(store.prune(RetentionPolicy{}, 9'000'000'000'000), 2);
    QCOMPARE(store.latest(u"old"_qs, 10)->constFirst().seq, 3u);
}

QTEST_GUILESS_MAIN(TestMessageStore)
#include "tst_messagestore.moc"
