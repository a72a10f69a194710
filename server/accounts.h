#pragma once

#include "names.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QReadWriteLock>
#include <QString>

#include <optional>

namespace natter {

/** @brief A registered user on a server with `--auth accounts`. */
struct Account
{
    QString name;            ///< As registered; looked up without regard to letter case.
    QByteArray passwordHash; ///< Argon2id, in libsodium's self-describing string form.
    QString role = roleUser; ///< roleUser or roleAdmin.
    bool banned = false;
    qint64 createdMs = 0;

    static inline const QString roleUser = QStringLiteral("user");
    static inline const QString roleAdmin = QStringLiteral("admin");
    bool isAdmin() const { return role == roleAdmin; }
    /// The key two spellings of one name share ("Alice" and "alice").
    static QString keyOf(const QString &name) { return names::userKey(name); }
};

/**
 * @brief Every account the server knows, shared by all threads (a read-mostly cache of the store).
 *
 * Upgrades and REST requests check tokens against it on the I/O threads, so reads take a shared lock;
 * the rare writes (registration, a ban) take it exclusively. The database stays the source of truth:
 * the store thread writes there first, and only a committed change lands here.
 */
class AccountDirectory
{
public:
    void load(const QList<Account> &accounts);
    std::optional<Account> find(const QString &name) const;
    /// False when an account with the same name (in any letter case) exists.
    bool insert(const Account &account);
    /// Replaces what is known of an account (after the store changed it).
    void update(const Account &account);
    qsizetype size() const;
    /// Every account, in no particular order.
    QList<Account> all() const;

private:
    mutable QReadWriteLock m_lock;
    QHash<QString, Account> m_byKey;
};

} // namespace natter
