#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace natter {

/**
 * @brief Where the app keeps its login tokens, one per server and user (keyFor()).
 *
 * Reads answer asynchronously (a keychain may first have to be unlocked). A store that cannot keep a token past
 * this run of the app says so with isPersistent() and problem(); it then holds tokens in memory only, never in a
 * file.
 */
class TokenStore : public QObject
{
    Q_OBJECT

public:
    /// Receives the token found (empty: there is none).
    using ReadCallback = std::function<void(const QString &token)>;

    using QObject::QObject;

    /// Looks up the token under @p key and calls @p done with it later, on this thread, unless @p context is
    /// gone by then.
    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    /// Keeps @p token under @p key; changeSettled() follows once it is where it stays.
    virtual void write(const QString &key, const QString &token) = 0;
    /// Forgets the token under @p key; changeSettled() follows once it is gone.
    virtual void remove(const QString &key) = 0;

    /// Whether a token written now is still there when the app starts again.
    virtual bool isPersistent() const = 0;
    /// Why not, when not persistent (the keychain's own words; empty when there is nothing to explain).
    virtual QString problem() const { return {}; }

    /// The key of @p user's token on the server at @p serverAddress ("host:port"). Names are matched without regard
    /// to letter case, as the server matches them.
    static QString keyFor(const QString &serverAddress, const QString &user);

signals:
    /// isPersistent() or problem() changed.
    void persistenceChanged();
    /// A write() or remove() of @p key is done: in the keychain, or in memory only when the keychain failed.
    void changeSettled(const QString &key);
};

/// Tokens in memory, for this run of the app only.
class MemoryTokenStore : public TokenStore
{
    Q_OBJECT

public:
    using TokenStore::TokenStore;

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &token) override;
    void remove(const QString &key) override;
    bool isPersistent() const override { return false; }

private:
    QHash<QString, QString> m_tokens;
};

/**
 * @brief Tokens in the operating system's keychain, through QtKeychain: the Secret Service (GNOME Keyring, KWallet)
 * over D-Bus on Linux, the Keychain on macOS, the Credential Manager on Windows.
 *
 * When the keychain cannot be used (no D-Bus session, no Secret Service running, access refused), tokens stay in
 * memory for this run and problem() says why. QtKeychain's fallback to a plain-text settings file stays off.
 */
class KeychainTokenStore : public TokenStore
{
    Q_OBJECT

public:
    /// @p service names the app's entries in the keychain (one per profile: the application name).
    explicit KeychainTokenStore(QString service, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &token) override;
    void remove(const QString &key) override;
    bool isPersistent() const override { return !m_failed; }
    QString problem() const override { return m_problem; }

private:
    /// The keychain failed with @p reason: from now on, this run keeps tokens in memory only.
    void fallBack(const QString &reason);

    QString m_service;
    QHash<QString, QString> m_session; ///< Tokens read or written in this run (all of them once the keychain failed).
    QHash<QString, quint64> m_changes; ///< Writes and removals per key, so that a slow read cannot undo them.
    bool m_failed = false;
    QString m_problem;
};

} // namespace natter
