#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QString>

namespace natter {

/**
 * @brief Caps connections in total and per client address, across all I/O workers.
 *
 * Checked once per accepted connection, so a mutex is cheap enough and keeps the count exact. 127.0.0.1
 * and ::1 are not capped per address: behind a reverse proxy on the same machine every client comes from
 * there, and the proxy is the place to limit them.
 */
class ConnectionGate
{
public:
    enum class Admission
    {
        Admitted,
        ServerFull,     ///< The server holds its total maximum.
        AddressAtLimit, ///< This address holds its maximum.
    };

    /// @p maxTotal and @p maxPerAddress of 0 mean no limit.
    ConnectionGate(int maxTotal, int maxPerAddress);

    Admission admit(const QHostAddress &peer);
    /// Gives back what admit() counted; call exactly once per admitted connection.
    void release(const QHostAddress &peer);

    static QHostAddress normalized(const QHostAddress &address);
    /// Not capped per address (the total cap still counts it).
    static bool isExempt(const QHostAddress &address);

private:
    const int m_maxTotal;
    const int m_maxPerAddress;
    QMutex m_mutex;
    int m_total = 0;
    QHash<QHostAddress, int> m_perAddress;
};

/**
 * @brief Who holds which name on a server with open names: a name is one person's while they are online.
 *
 * Several connections may hold a name at once (a client in several rooms, a reconnect overlapping the old
 * connection's timeout) as long as they all come from the same address, the same machine. A name held from
 * another address is taken.
 */
class NameClaims
{
public:
    /// Names that differ only in case are the same name here: "alice" must not pass for "Alice".
    /// True when @p name is now held (once more) from @p peer; false when another address holds it.
    bool claim(const QString &name, const QHostAddress &peer);
    void release(const QString &name);

private:
    struct Holder
    {
        QHostAddress address;
        int connections = 0;
    };
    QMutex m_mutex;
    QHash<QString, Holder> m_holders;
};

} // namespace natter
