#include "admission.h"

#include "names.h"

#include <QMutexLocker>

namespace natter {

ConnectionGate::ConnectionGate(int maxTotal, int maxPerAddress)
    : m_maxTotal(maxTotal)
    , m_maxPerAddress(maxPerAddress)
{}

QHostAddress ConnectionGate::normalized(const QHostAddress &address)
{
    // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d; count it as the IPv4 address it is.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

bool ConnectionGate::isExempt(const QHostAddress &address)
{
    // Exactly the addresses a reverse proxy on this machine connects from (not all of 127.0.0.0/8).
    return address == QHostAddress(QHostAddress::LocalHost) || address == QHostAddress(QHostAddress::LocalHostIPv6);
}

ConnectionGate::Admission ConnectionGate::admit(const QHostAddress &peer)
{
    const QHostAddress address = normalized(peer);
    const bool capped = m_maxPerAddress > 0 && !isExempt(address);
    QMutexLocker lock(&m_mutex);
    if (m_maxTotal > 0 && m_total >= m_maxTotal)
        return Admission::ServerFull;
    if (capped) {
        int &count = m_perAddress[address];
        if (count >= m_maxPerAddress)
            return Admission::AddressAtLimit;
        ++count;
    }
    ++m_total;
    return Admission::Admitted;
}

void ConnectionGate::release(const QHostAddress &peer)
{
    const QHostAddress address = normalized(peer);
    QMutexLocker lock(&m_mutex);
    --m_total;
    if (m_maxPerAddress > 0 && !isExempt(address)) {
        auto it = m_perAddress.find(address);
        if (it != m_perAddress.end() && --*it <= 0)
            m_perAddress.erase(it);
    }
}

bool NameClaims::claim(const QString &name, const QHostAddress &peer)
{
    const QHostAddress address = ConnectionGate::normalized(peer);
    QMutexLocker lock(&m_mutex);
    const QString key = names::userKey(name);
    auto it = m_holders.find(key);
    if (it == m_holders.end()) {
        m_holders.insert(key, {address, 1});
        return true;
    }
    if (it->address != address)
        return false;
    ++it->connections;
    return true;
}

void NameClaims::release(const QString &name)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_holders.find(names::userKey(name));
    if (it != m_holders.end() && --it->connections <= 0)
        m_holders.erase(it);
}

} // namespace natter
