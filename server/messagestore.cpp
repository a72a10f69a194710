#include "messagestore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

Q_LOGGING_CATEGORY(lcStore, "natter.server.store")

namespace natter {

namespace {
constexpr int schemaVersion = 4;
}

std::optional<RetentionPolicy> RetentionPolicy::parse(const QString &text)
{
    const QString value = text.trimmed().toLower();
    if (value.isEmpty() || value == QLatin1String("all"))
        return RetentionPolicy{};
    const bool days = value.endsWith(QLatin1Char('d'));
    bool ok = false;
    const qint64 amount = (days ? value.chopped(1) : value).toLongLong(&ok);
    if (!ok || amount < 1)
        return std::nullopt;
    return RetentionPolicy{days ? Kind::Days : Kind::LastMessages, amount};
}

QString RetentionPolicy::toString() const
{
    switch (kind) {
    case Kind::Everything:
        return QStringLiteral("all");
    case Kind::LastMessages:
        return QString::number(amount);
    case Kind::Days:
        return QString::number(amount) + QLatin1Char('d');
    }
    return {};
}

MessageStore::MessageStore(QString url, QString connectionName, bool synchronousFull)
    : m_url(std::move(url))
    , m_connectionName(std::move(connectionName))
    , m_synchronousFull(synchronousFull)
{}

MessageStore::~MessageStore()
{
    close();
}

void MessageStore::close()
{
    m_statements.reset(); // queries first: the connection cannot be removed while they exist
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool MessageStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QString MessageStore::driverName() const
{
    return m_url.startsWith(QLatin1String("postgres")) ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
}

bool MessageStore::open()
{
    close();
    QSqlDatabase db = QSqlDatabase::addDatabase(driverName(), m_connectionName);
    if (driverName() == QLatin1String("QPSQL")) {
        const QUrl url(m_url);
        db.setHostName(url.host().isEmpty() ? QStringLiteral("localhost") : url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        db.setConnectOptions(QStringLiteral("connect_timeout=5"));
    } else {
        db.setDatabaseName(m_url.mid(int(qstrlen("sqlite:"))));
    }
    if (!db.open()) {
        m_error = db.lastError().text();
        return false;
    }
    if (driverName() == QLatin1String("QSQLITE")) {
        // WAL: readers never block the writer; FULL syncs every commit (NORMAL may lose the last ones on power loss).
        if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
            !exec(m_synchronousFull ? QStringLiteral("PRAGMA synchronous=FULL")
                                    : QStringLiteral("PRAGMA synchronous=NORMAL")) ||
            !exec(QStringLiteral("PRAGMA busy_timeout=5000")))
            return false;
    }
    if (!migrate())
        return false;
    m_lastSeq.clear();
    for (const auto &room : rooms())
        m_lastSeq.insert(room.name, room.lastSeq);
    return true;
}

bool MessageStore::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql)) {
        m_error = query.lastError().text();
        qCWarning(lcStore).noquote() << "SQL failed:" << m_error;
        return false;
    }
    return true;
}

bool MessageStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    int version = 0;
    if (db.tables().contains(QStringLiteral("schema_version"))) {
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("SELECT version FROM schema_version")) && query.next())
            version = query.value(0).toInt();
    }
    if (version > schemaVersion) {
        m_error = QStringLiteral("the database was written by a newer Natter (schema %1)").arg(version);
        return false;
    }
    if (version == schemaVersion)
        return true;
    // Each step runs in its own transaction and records its version, so an interrupted migration resumes
    // at the step that did not finish.
    const auto step = [&](int to, const QStringList &statements) {
        if (!db.transaction()) {
            m_error = db.lastError().text();
            return false;
        }
        bool ok = true;
        for (const QString &sql : statements)
            ok = ok && exec(sql);
        ok = ok && exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(to));
        if (!ok || !db.commit()) {
            db.rollback();
            return false;
        }
        qCInfo(lcStore) << "database schema now at version" << to;
        return true;
    };
    if (version < 1 &&
        !step(1, {QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"),
                  QStringLiteral("INSERT INTO schema_version (version) VALUES (0)"),
                  QStringLiteral("CREATE TABLE rooms (name TEXT PRIMARY KEY, created_at BIGINT NOT NULL, "
                                 "last_seq BIGINT NOT NULL DEFAULT 0, retention TEXT)"),
                  QStringLiteral("CREATE TABLE messages (room TEXT NOT NULL, seq BIGINT NOT NULL, id TEXT NOT NULL, "
                                 "user_name TEXT NOT NULL, content TEXT NOT NULL, created_at BIGINT NOT NULL, "
                                 "client_id TEXT, PRIMARY KEY (room, seq))"),
                  // A retry after a lost ack finds the original instead of storing the message twice.
                  QStringLiteral("CREATE UNIQUE INDEX messages_client_id ON messages (room, user_name, client_id)"),
                  QStringLiteral("CREATE INDEX messages_created_at ON messages (created_at)")}))
        return false;
    // Version 2: accounts. name_key is the case-folded name, so "alice" cannot register beside "Alice".
    if (version < 2 &&
        !step(2, {QStringLiteral("CREATE TABLE accounts (name_key TEXT PRIMARY KEY, name TEXT NOT NULL, "
                                 "password_hash TEXT NOT NULL, role TEXT NOT NULL, banned INTEGER NOT NULL DEFAULT 0, "
                                 "created_at BIGINT NOT NULL)")}))
        return false;
    // Version 3: direct conversations and groups, and who belongs to them.
    if (version < 3 &&
        !step(3, {QStringLiteral("ALTER TABLE rooms ADD COLUMN kind TEXT NOT NULL DEFAULT 'public'"),
                  QStringLiteral("ALTER TABLE rooms ADD COLUMN owner TEXT"),
                  QStringLiteral("CREATE TABLE room_members (room TEXT NOT NULL, user_key TEXT NOT NULL, "
                                 "user_name TEXT NOT NULL, PRIMARY KEY (room, user_key))"),
                  QStringLiteral("CREATE TABLE room_invites (room TEXT NOT NULL, user_key TEXT NOT NULL, "
                                 "user_name TEXT NOT NULL, invited_by TEXT NOT NULL, PRIMARY KEY (room, user_key))")}))
        return false;
    // Version 4: what every insert pays for. Messages are looked up only by (room, seq): on SQLite the table
    // becomes that index itself (WITHOUT ROWID) instead of a rowid table beside it; the client-id index holds
    // only messages that have a client id (seed clients send none); the created_at index goes (pruning by age
    // walks a room in seq order instead). Measured: one index write per seed message instead of four, and about
    // half the store thread's time per insert.
    if (version < 4) {
        QStringList statements;
        if (driverName() == QLatin1String("QSQLITE")) {
            statements << QStringLiteral(
                              "CREATE TABLE messages_v4 (room TEXT NOT NULL, seq BIGINT NOT NULL, id TEXT NOT NULL, "
                              "user_name TEXT NOT NULL, content TEXT NOT NULL, created_at BIGINT NOT NULL, "
                              "client_id TEXT, PRIMARY KEY (room, seq)) WITHOUT ROWID")
                       << QStringLiteral(
                              "INSERT INTO messages_v4 (room, seq, id, user_name, content, created_at, client_id) "
                              "SELECT room, seq, id, user_name, content, created_at, client_id FROM messages")
                       << QStringLiteral("DROP TABLE messages")
                       << QStringLiteral("ALTER TABLE messages_v4 RENAME TO messages");
        } else {
            statements << QStringLiteral("DROP INDEX messages_created_at")
                       << QStringLiteral("DROP INDEX messages_client_id");
        }
        statements << QStringLiteral("CREATE UNIQUE INDEX messages_client_id ON messages (room, user_name, client_id) "
                                     "WHERE client_id IS NOT NULL");
        if (!step(4, statements))
            return false;
    }
    return true;
}

QList<StoredRoom> MessageStore::rooms()
{
    return readRooms(std::nullopt).value_or(QList<StoredRoom>());
}

std::optional<std::optional<StoredRoom>> MessageStore::room(const QString &name)
{
    const auto found = readRooms(name);
    if (!found)
        return std::nullopt;
    if (found->isEmpty())
        return std::optional<StoredRoom>();
    return std::optional<StoredRoom>(found->constFirst());
}

std::optional<QList<StoredRoom>> MessageStore::readRooms(const std::optional<QString> &only)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto run = [&](QSqlQuery &query, const QString &select, const QString &nameColumn) {
        query.prepare(only ? select + QStringLiteral(" WHERE %1 = ?").arg(nameColumn)
                           : select + QStringLiteral(" ORDER BY %1").arg(nameColumn));
        if (only)
            query.addBindValue(*only);
        if (!query.exec()) {
            m_error = query.lastError().text();
            return false;
        }
        return true;
    };
    QList<StoredRoom> result;
    QHash<QString, qsizetype> index;
    QSqlQuery rooms(db);
    if (!run(rooms, QStringLiteral("SELECT name, last_seq, created_at, retention, kind, owner FROM rooms"),
             QStringLiteral("name")))
        return std::nullopt;
    while (rooms.next()) {
        StoredRoom room{rooms.value(0).toString(),
                        rooms.value(1).toULongLong(),
                        rooms.value(2).toLongLong(),
                        rooms.value(3).toString(),
                        {}};
        room.access.kind = RoomAccess::kindFromName(rooms.value(4).toString());
        room.access.owner = rooms.value(5).toString();
        index.insert(room.name, result.size());
        result.append(room);
    }
    QSqlQuery members(db);
    if (!run(members, QStringLiteral("SELECT room, user_key, user_name FROM room_members"), QStringLiteral("room")))
        return std::nullopt;
    while (members.next()) {
        if (const auto at = index.value(members.value(0).toString(), -1); at >= 0)
            result[at].access.members.insert(members.value(1).toString(), members.value(2).toString());
    }
    QSqlQuery invites(db);
    if (!run(invites, QStringLiteral("SELECT room, user_key, user_name, invited_by FROM room_invites"),
             QStringLiteral("room")))
        return std::nullopt;
    while (invites.next()) {
        if (const auto at = index.value(invites.value(0).toString(), -1); at >= 0)
            result[at].access.invited.insert(invites.value(1).toString(),
                                             {invites.value(2).toString(), invites.value(3).toString()});
    }
    return result;
}

QList<ChatMessage> MessageStore::readMessages(QSqlQuery &query, const QString &room)
{
    QList<ChatMessage> result;
    while (query.next()) {
        result.append({query.value(0).toULongLong(), query.value(1).toString(), room, query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toLongLong(), query.value(5).toString()});
    }
    return result;
}

std::optional<QList<ChatMessage>> MessageStore::query(const QString &room, const QString &condition,
                                                      std::optional<quint64> seq, int limit, bool newestFirst)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT seq, id, user_name, content, created_at, client_id FROM messages "
                                 "WHERE room = ?%1 ORDER BY seq %2 LIMIT ?")
                      .arg(condition, newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC")));
    query.addBindValue(room);
    if (seq)
        query.addBindValue(qint64(*seq));
    query.addBindValue(limit);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return std::nullopt;
    }
    auto messages = readMessages(query, room);
    // Pages are always handed out oldest first.
    if (newestFirst)
        std::reverse(messages.begin(), messages.end());
    return messages;
}

std::optional<QList<ChatMessage>> MessageStore::latest(const QString &room, int count)
{
    return query(room, {}, std::nullopt, count, true);
}

std::optional<QList<ChatMessage>> MessageStore::before(const QString &room, quint64 beforeSeq, int limit)
{
    return query(room, QStringLiteral(" AND seq < ?"), beforeSeq, limit, true);
}

std::optional<QList<ChatMessage>> MessageStore::after(const QString &room, quint64 afterSeq, int limit)
{
    return query(room, QStringLiteral(" AND seq > ?"), afterSeq, limit, false);
}

bool MessageStore::ensureRoom(const QString &name, qint64 createdMs)
{
    // A shared database may have lost the room to another server's delete: there the insert is always tried.
    if (m_lastSeq.contains(name) && !m_shared)
        return true;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT INTO rooms (name, created_at, last_seq) VALUES (?, ?, 0) "
                                 "ON CONFLICT (name) DO NOTHING"));
    query.addBindValue(name);
    query.addBindValue(createdMs);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    if (m_shared)
        return true; // the seq is read under a lock by each transaction that writes to the room
    QSqlQuery read(QSqlDatabase::database(m_connectionName, false));
    read.prepare(QStringLiteral("SELECT last_seq FROM rooms WHERE name = ?"));
    read.addBindValue(name);
    if (!read.exec() || !read.next()) {
        m_error = read.lastError().text();
        return false;
    }
    m_lastSeq.insert(name, read.value(0).toULongLong());
    return true;
}

std::optional<QList<MessageStore::Committed>> MessageStore::commit(const QList<Post> &posts)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen() || !db.transaction()) {
        m_error = db.isOpen() ? db.lastError().text() : QStringLiteral("the database is not connected");
        return std::nullopt;
    }
    const auto seqsBefore = m_lastSeq;
    const auto fail = [&]() -> std::optional<QList<Committed>> {
        db.rollback();
        m_lastSeq = seqsBefore; // nothing was stored, so no seq was used
        return std::nullopt;
    };

    QList<Committed> result;
    result.reserve(posts.size());
    QSet<QString> touched;
    // Prepared once per connection: parsing the SQL for every transaction showed up in profiles.
    if (!m_statements) {
        m_statements = std::make_unique<Statements>(db);
        m_statements->findDuplicate.prepare(QStringLiteral("SELECT seq, id, content, created_at FROM messages "
                                                           "WHERE room = ? AND user_name = ? AND client_id = ?"));
        m_statements->insert.prepare(
            QStringLiteral("INSERT INTO messages (room, seq, id, user_name, content, created_at, client_id) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (room, user_name, client_id) WHERE client_id IS NOT NULL DO NOTHING"));
        m_statements->updateSeq.prepare(QStringLiteral("UPDATE rooms SET last_seq = ? WHERE name = ?"));
    }
    QSqlQuery &findDuplicate = m_statements->findDuplicate;
    QSqlQuery &insert = m_statements->insert;
    QSqlQuery &updateSeq = m_statements->updateSeq;
    if (m_shared && !lockRooms(posts))
        return fail();
    for (const Post &post : posts) {
        if (!m_shared && !ensureRoom(post.room, post.timestamp)) // a shared store locked (and made) them above
            return fail();
        // Insert first and look for the original only when the client id turns out to be taken: retries are rare,
        // so the common case is one statement per message.
        const quint64 seq = ++m_lastSeq[post.room];
        insert.addBindValue(post.room);
        insert.addBindValue(qint64(seq));
        insert.addBindValue(post.id);
        insert.addBindValue(post.user);
        insert.addBindValue(post.content);
        insert.addBindValue(post.timestamp);
        insert.addBindValue(post.clientId.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                    : QVariant(post.clientId));
        if (!insert.exec()) {
            m_error = insert.lastError().text();
            return fail();
        }
        if (insert.numRowsAffected() == 1) {
            touched.insert(post.room);
            result.append({{seq, post.id, post.room, post.user, post.content, post.timestamp, post.clientId}, false});
            continue;
        }
        --m_lastSeq[post.room]; // not stored: the seq stays free
        findDuplicate.addBindValue(post.room);
        findDuplicate.addBindValue(post.user);
        findDuplicate.addBindValue(post.clientId);
        if (!findDuplicate.exec() || !findDuplicate.next()) {
            m_error = findDuplicate.lastError().text();
            return fail();
        }
        result.append({{findDuplicate.value(0).toULongLong(), findDuplicate.value(1).toString(), post.room, post.user,
                        findDuplicate.value(2).toString(), findDuplicate.value(3).toLongLong(), post.clientId},
                       true});
        findDuplicate.finish();
    }
    for (const QString &room : std::as_const(touched)) {
        updateSeq.addBindValue(qint64(m_lastSeq.value(room)));
        updateSeq.addBindValue(room);
        if (!updateSeq.exec()) {
            m_error = updateSeq.lastError().text();
            return fail();
        }
    }
    if (!db.commit()) {
        m_error = db.lastError().text();
        return fail();
    }
    return result;
}

bool MessageStore::lockRooms(const QList<Post> &posts)
{
    // Other servers number messages in the same rooms: each room's row is locked for the rest of the transaction
    // and its seq read under the lock, so seqs are handed out once and in commit order across all of them. Rooms
    // are locked in name order, so two servers never wait for each other crosswise.
    QStringList names;
    for (const Post &post : posts)
        names.append(post.room);
    names.sort();
    names.removeDuplicates();
    QSqlQuery lock(QSqlDatabase::database(m_connectionName, false));
    lock.prepare(QStringLiteral("SELECT last_seq FROM rooms WHERE name = ? FOR UPDATE"));
    for (const QString &name : std::as_const(names)) {
        for (int attempt = 0; attempt < 2; ++attempt) {
            lock.addBindValue(name);
            if (!lock.exec()) {
                m_error = lock.lastError().text();
                return false;
            }
            if (lock.next()) {
                m_lastSeq.insert(name, lock.value(0).toULongLong());
                break;
            }
            // No row yet: create it (a concurrent creator wins without an error) and lock it.
            QSqlQuery create(QSqlDatabase::database(m_connectionName, false));
            create.prepare(QStringLiteral("INSERT INTO rooms (name, created_at, last_seq) VALUES (?, ?, 0) "
                                          "ON CONFLICT (name) DO NOTHING"));
            create.addBindValue(name);
            create.addBindValue(QDateTime::currentMSecsSinceEpoch());
            if (!create.exec()) {
                m_error = create.lastError().text();
                return false;
            }
            if (attempt == 1) {
                m_error = QStringLiteral("room %1 vanished while it was being written to").arg(name);
                return false;
            }
        }
        lock.finish();
    }
    return true;
}

bool MessageStore::createRoom(const QString &name, qint64 createdMs)
{
    return ensureRoom(name, createdMs);
}

std::optional<bool> MessageStore::createRoomIfAbsent(const QString &name, qint64 createdMs)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT INTO rooms (name, created_at, last_seq) VALUES (?, ?, 0) "
                                 "ON CONFLICT (name) DO NOTHING"));
    query.addBindValue(name);
    query.addBindValue(createdMs);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return std::nullopt;
    }
    const bool created = query.numRowsAffected() == 1;
    if (created)
        m_lastSeq.insert(name, 0);
    return created;
}

std::optional<QList<std::pair<QString, QString>>> MessageStore::invitationsFor(const QString &userKey)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT room, invited_by FROM room_invites WHERE user_key = ? ORDER BY room"));
    query.addBindValue(userKey);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return std::nullopt;
    }
    QList<std::pair<QString, QString>> result;
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString()});
    return result;
}

bool MessageStore::deleteRoom(const QString &name)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return false;
    QSqlQuery lock(db), messages(db), members(db), invites(db), room(db);
    if (m_shared) {
        // Waits for commits writing to the room on other servers, so none of their messages outlive it.
        lock.prepare(QStringLiteral("SELECT last_seq FROM rooms WHERE name = ? FOR UPDATE"));
        lock.addBindValue(name);
        if (!lock.exec()) {
            m_error = lock.lastError().text();
            db.rollback();
            return false;
        }
    }
    messages.prepare(QStringLiteral("DELETE FROM messages WHERE room = ?"));
    messages.addBindValue(name);
    members.prepare(QStringLiteral("DELETE FROM room_members WHERE room = ?"));
    members.addBindValue(name);
    invites.prepare(QStringLiteral("DELETE FROM room_invites WHERE room = ?"));
    invites.addBindValue(name);
    room.prepare(QStringLiteral("DELETE FROM rooms WHERE name = ?"));
    room.addBindValue(name);
    if (!messages.exec() || !members.exec() || !invites.exec() || !room.exec() || !db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        return false;
    }
    m_lastSeq.remove(name);
    return true;
}

bool MessageStore::setRetention(const QString &roomName, const QString &retention)
{
    if (!ensureRoom(roomName, 0))
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("UPDATE rooms SET retention = ? WHERE name = ?"));
    query.addBindValue(retention.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(retention));
    query.addBindValue(roomName);
    return query.exec();
}

qint64 MessageStore::prune(const RetentionPolicy &serverDefault, qint64 nowMs)
{
    qint64 removed = 0;
    for (const StoredRoom &room : rooms()) {
        const RetentionPolicy policy =
            room.retention.isEmpty() ? serverDefault : RetentionPolicy::parse(room.retention).value_or(serverDefault);
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        switch (policy.kind) {
        case RetentionPolicy::Kind::Everything:
            continue;
        case RetentionPolicy::Kind::LastMessages:
            query.prepare(QStringLiteral("DELETE FROM messages WHERE room = ? AND seq <= ?"));
            query.addBindValue(room.name);
            query.addBindValue(qint64(room.lastSeq) - policy.amount);
            break;
        case RetentionPolicy::Kind::Days:
            // Everything before the room's first message that is recent enough. Walks the room in seq order
            // from its oldest message and stops there, so it reads about as many rows as it deletes, with no
            // index on the time for every insert to keep up. Should the clock have gone back, a message stamped
            // earlier than one before it is kept a little longer, never deleted early.
            query.prepare(QStringLiteral(
                "DELETE FROM messages WHERE room = ? AND seq < COALESCE((SELECT seq FROM messages WHERE room = ? "
                "AND created_at >= ? ORDER BY seq LIMIT 1), ?)"));
            query.addBindValue(room.name);
            query.addBindValue(room.name);
            query.addBindValue(nowMs - policy.amount * 24 * 3600 * 1000);
            query.addBindValue(qint64(room.lastSeq) + 1);
            break;
        }
        if (query.exec())
            removed += query.numRowsAffected();
    }
    return removed;
}

} // namespace natter

namespace natter {

namespace {
Account readAccount(const QSqlQuery &query)
{
    return {query.value(0).toString(), query.value(1).toString().toUtf8(), query.value(2).toString(),
            query.value(3).toInt() != 0, query.value(4).toLongLong()};
}
} // namespace

std::optional<QList<Account>> MessageStore::accounts()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT name, password_hash, role, banned, created_at FROM accounts"))) {
        m_error = query.lastError().text();
        return std::nullopt;
    }
    QList<Account> result;
    while (query.next())
        result.append(readAccount(query));
    return result;
}

std::optional<std::optional<Account>> MessageStore::findAccount(const QString &name)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("SELECT name, password_hash, role, banned, created_at FROM accounts WHERE name_key = ?"));
    query.addBindValue(Account::keyOf(name));
    if (!query.exec()) {
        m_error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::optional<Account>();
    return std::optional<Account>(readAccount(query));
}

MessageStore::InsertResult MessageStore::insertAccount(const Account &account)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): a name registered twice at once is decided by
    // the primary key, and the loser sees no row inserted rather than an error it would have to parse.
    query.prepare(QStringLiteral("INSERT INTO accounts (name_key, name, password_hash, role, banned, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name_key) DO NOTHING"));
    query.addBindValue(Account::keyOf(account.name));
    query.addBindValue(account.name);
    query.addBindValue(QString::fromUtf8(account.passwordHash));
    query.addBindValue(account.role);
    query.addBindValue(account.banned ? 1 : 0);
    query.addBindValue(account.createdMs);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return InsertResult::Failed;
    }
    return query.numRowsAffected() == 1 ? InsertResult::Inserted : InsertResult::NameExists;
}

bool MessageStore::updateAccount(const Account &account)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("UPDATE accounts SET role = ?, banned = ?, password_hash = ? WHERE name_key = ?"));
    query.addBindValue(account.role);
    query.addBindValue(account.banned ? 1 : 0);
    query.addBindValue(QString::fromUtf8(account.passwordHash));
    query.addBindValue(Account::keyOf(account.name));
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return query.numRowsAffected() == 1;
}

} // namespace natter

namespace natter {

bool MessageStore::saveAccess(const QString &roomName, const RoomAccess &access, qint64 createdMs)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    // Groups are small: the whole membership is written again, in one transaction.
    bool ok = ensureRoom(roomName, createdMs);
    const auto run = [&](const QString &sql, const QVariantList &values) {
        if (!ok)
            return;
        QSqlQuery query(db);
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        ok = query.exec();
        if (!ok)
            m_error = query.lastError().text();
    };
    run(QStringLiteral("UPDATE rooms SET kind = ?, owner = ? WHERE name = ?"),
        {QString(RoomAccess::kindName(access.kind)),
         access.owner.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(access.owner), roomName});
    run(QStringLiteral("DELETE FROM room_members WHERE room = ?"), {roomName});
    run(QStringLiteral("DELETE FROM room_invites WHERE room = ?"), {roomName});
    for (auto it = access.members.cbegin(); it != access.members.cend(); ++it)
        run(QStringLiteral("INSERT INTO room_members (room, user_key, user_name) VALUES (?, ?, ?)"),
            {roomName, it.key(), it.value()});
    for (auto it = access.invited.cbegin(); it != access.invited.cend(); ++it)
        run(QStringLiteral("INSERT INTO room_invites (room, user_key, user_name, invited_by) VALUES (?, ?, ?, ?)"),
            {roomName, it.key(), it->user, it->by});
    if (!ok || !db.commit()) {
        if (ok)
            m_error = db.lastError().text();
        db.rollback();
        m_lastSeq.remove(roomName); // ensureRoom's insert may have been rolled back
        return false;
    }
    return true;
}

} // namespace natter
