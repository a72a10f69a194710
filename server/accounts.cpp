#include "accounts.h"

namespace natter {

void AccountDirectory::load(const QList<Account> &accounts)
{
    QWriteLocker lock(&m_lock);
    m_byKey.clear();
    for (const Account &account : accounts)
        m_byKey.insert(Account::keyOf(account.name), account);
}

std::optional<Account> AccountDirectory::find(const QString &name) const
{
    QReadLocker lock(&m_lock);
    const auto it = m_byKey.constFind(Account::keyOf(name));
    if (it == m_byKey.cend())
        return std::nullopt;
    return *it;
}

bool AccountDirectory::insert(const Account &account)
{
    QWriteLocker lock(&m_lock);
    const QString key = Account::keyOf(account.name);
    if (m_byKey.contains(key))
        return false;
    m_byKey.insert(key, account);
    return true;
}

void AccountDirectory::update(const Account &account)
{
    QWriteLocker lock(&m_lock);
    m_byKey.insert(Account::keyOf(account.name), account);
}

qsizetype AccountDirectory::size() const
{
    QReadLocker lock(&m_lock);
    return m_byKey.size();
}

QList<Account> AccountDirectory::all() const
{
    QReadLocker lock(&m_lock);
    return m_byKey.values();
}

} // namespace natter
