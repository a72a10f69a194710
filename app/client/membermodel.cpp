#include "membermodel.h"

#include <algorithm>

namespace natter {

MemberModel::MemberModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int MemberModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant MemberModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &user = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case UserRole:
        return user;
    case OwnRole:
        return user == m_ownUser;
    default:
        return {};
    }
}

QHash<int, QByteArray> MemberModel::roleNames() const
{
    return {{UserRole, "user"}, {OwnRole, "own"}};
}

namespace {
bool lessByName(const QString &a, const QString &b)
{
    const int folded = a.compare(b, Qt::CaseInsensitive);
    return folded != 0 ? folded < 0 : a < b;
}
} // namespace

void MemberModel::setMembers(QStringList users)
{
    std::sort(users.begin(), users.end(), lessByName);
    users.erase(std::unique(users.begin(), users.end()), users.end());
    if (users == m_users)
        return;
    beginResetModel();
    m_users = std::move(users);
    endResetModel();
    emit countChanged();
}

qsizetype MemberModel::insertionRow(const QString &user) const
{
    return std::lower_bound(m_users.cbegin(), m_users.cend(), user, lessByName) - m_users.cbegin();
}

bool MemberModel::contains(const QString &user) const
{
    const qsizetype row = insertionRow(user);
    return row < m_users.size() && m_users.at(row) == user;
}

void MemberModel::addMember(const QString &user)
{
    if (contains(user))
        return;
    const int row = int(insertionRow(user));
    beginInsertRows({}, row, row);
    m_users.insert(row, user);
    endInsertRows();
    emit countChanged();
}

void MemberModel::removeMember(const QString &user)
{
    if (!contains(user))
        return;
    const int row = int(insertionRow(user));
    beginRemoveRows({}, row, row);
    m_users.removeAt(row);
    endRemoveRows();
    emit countChanged();
}

} // namespace natter
