#pragma once

#include "accounts.h"
#include "chatmessage.h"
#include "roomaccess.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>

namespace natter {

/** @brief A room as the store keeps it. */
struct StoredRoom
{
    QString name;
    quint64 lastSeq = 0;
    qint64 createdMs = 0;
    QString retention; ///< Empty: the server default. See RetentionPolicy.
    RoomAccess access; ///< Public, or a direct conversation or group with its members.
};

/** @brief How long a room keeps its messages: everything, the last N, or N days. */
struct RetentionPolicy
{
    enum class Kind
    {
        Everything,
        LastMessages,
        Days
    };
    Kind kind = Kind::Everything;
    qint64 amount = 0;

    /// "all", "1000" (messages) or "30d" (days); nullopt when malformed.
    static std::optional<RetentionPolicy> parse(const QString &text);
    QString toString() const;
};

/**
 * @brief Durable rooms and messages in SQL through Qt SQL: SQLite (QSQLITE) by default, PostgreSQL (QPSQL) when
 * configured. One instance lives on the store thread and is used only there (Qt SQL connections are per thread).
 */
class MessageStore
{
public:
    /// @p url: "sqlite:PATH" or "postgresql://user:pass@host:port/db".
    explicit MessageStore(QString url, QString connectionName, bool synchronousFull = true);
    ~MessageStore();

    /// Connects and creates or migrates the schema. False with lastError() set on failure.
    bool open();
    bool isOpen() const;
    void close();
    QString lastError() const { return m_error; }
    QString driverName() const;

    /// Every room, by name; empty when the database cannot answer.
    QList<StoredRoom> rooms();
    /// Every room, by name; nullopt when the database cannot answer.
    std::optional<QList<StoredRoom>> roomList() { return readRooms(std::nullopt); }
    /// One room: nullopt when the database cannot answer, an empty optional inside when there is no such room.
    std::optional<std::optional<StoredRoom>> room(const QString &name);
    // Reads return nullopt when the database could not answer (lastError() says why), so callers can tell
    // "no messages" from "cannot read".
    /// The newest @p count messages of @p room, oldest first.
    std::optional<QList<ChatMessage>> latest(const QString &room, int count);
    /// Up to @p limit messages with seq < @p beforeSeq, oldest first.
    std::optional<QList<ChatMessage>> before(const QString &room, quint64 beforeSeq, int limit);
    /// Up to @p limit messages with seq > @p afterSeq, oldest first.
    std::optional<QList<ChatMessage>> after(const QString &room, quint64 afterSeq, int limit);

    struct Post
    {
        QString room;
        QString user;
        QString content;
        QString clientId;
        qint64 timestamp = 0;
        QString id;
    };
    struct Committed
    {
        ChatMessage message;
        bool duplicate = false; ///< (room, user, client id) was stored before: message is the original.
    };
    /**
     * Stores @p posts in one transaction (group commit), assigning each room's next seqs in order. Returns
     * nullopt if the transaction failed: then nothing was stored and no seq was used.
     */
    std::optional<QList<Committed>> commit(const QList<Post> &posts);

    bool createRoom(const QString &name, qint64 createdMs);
    /// Creates @p name unless it exists: true if this call created it, nullopt if the database did not answer.
    std::optional<bool> createRoomIfAbsent(const QString &name, qint64 createdMs);
    /// The rooms that invited the user with @p userKey, with who invited them (nullopt: no answer).
    std::optional<QList<std::pair<QString, QString>>> invitationsFor(const QString &userKey);
    bool deleteRoom(const QString &name);
    bool setRetention(const QString &room, const QString &retention);
    /// Stores who may use @p room (kind, owner, members, invitations), creating its row if needed.
    bool saveAccess(const QString &room, const RoomAccess &access, qint64 createdMs);
    /// Deletes what the retention policies no longer keep. Returns the number of messages removed.
    qint64 prune(const RetentionPolicy &serverDefault, qint64 nowMs);

    // Accounts (servers with --auth accounts).
    std::optional<QList<Account>> accounts();
    /// nullopt: the database did not answer; an empty optional inside: no such account.
    std::optional<std::optional<Account>> findAccount(const QString &name);
    enum class InsertResult
    {
        Inserted,
        NameExists, ///< Another account has this name in some letter case.
        Failed,     ///< The database did not take it (lastError()).
    };
    InsertResult insertAccount(const Account &account);
    /// Writes role and banned of an existing account. False on failure or when there is no such account.
    bool updateAccount(const Account &account);

    /**
     * The database is shared with other servers (a cluster): every transaction reads the seqs of its rooms under a
     * row lock instead of trusting what this store numbered last. PostgreSQL only.
     */
    void setShared(bool shared) { m_shared = shared; }

private:
    bool exec(const QString &sql);
    bool lockRooms(const QList<Post> &posts);
    /// Every room, or only @p only.
    std::optional<QList<StoredRoom>> readRooms(const std::optional<QString> &only);
    bool migrate();
    bool ensureRoom(const QString &name, qint64 createdMs);
    QList<ChatMessage> readMessages(class QSqlQuery &query, const QString &room);
    /// One page of @p room: messages matching @p condition (with @p seq bound to it), oldest first.
    std::optional<QList<ChatMessage>> query(const QString &room, const QString &condition, std::optional<quint64> seq,
                                            int limit, bool newestFirst);

    QString m_url;
    QString m_connectionName;
    bool m_synchronousFull;
    bool m_shared = false;
    QString m_error;
    QHash<QString, quint64> m_lastSeq; ///< Committed seq of every known room.
    struct Statements
    {
        explicit Statements(const QSqlDatabase &db)
            : findDuplicate(db)
            , insert(db)
            , updateSeq(db)
        {}
        QSqlQuery findDuplicate;
        QSqlQuery insert;
        QSqlQuery updateSeq;
    };
    std::unique_ptr<Statements> m_statements;
};

} // namespace natter
