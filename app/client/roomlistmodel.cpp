#include "roomlistmodel.h"

#include <algorithm>

namespace natter {

RoomListModel::RoomListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Room &room = m_rooms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return room.name;
    case UnreadRole:
        return room.unread;
    case MemberCountRole:
        return room.members;
    case DraftRole:
        return room.draft;
    case LastActivityRole:
        return room.lastActivity;
    default:
        return {};
    }
}

bool RoomListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || role != DraftRole)
        return false;
    Room &room = m_rooms[index.row()];
    if (room.draft == value.toString())
        return true;
    room.draft = value.toString();
    emit dataChanged(index, index, {DraftRole});
    return true;
}

Qt::ItemFlags RoomListModel::flags(const QModelIndex &index) const
{
    return QAbstractListModel::flags(index) | (index.isValid() ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    return {{NameRole, "name"},
            {UnreadRole, "unread"},
            {MemberCountRole, "memberCount"},
            {DraftRole, "draft"},
            {LastActivityRole, "lastActivity"}};
}

int RoomListModel::totalUnread() const
{
    int total = 0;
    for (const auto &room : m_rooms)
        total += room.unread;
    return total;
}

int RoomListModel::indexOf(const QString &name) const
{
    for (qsizetype row = 0; row < m_rooms.size(); ++row) {
        if (m_rooms.at(row).name == name)
            return int(row);
    }
    return -1;
}

QString RoomListModel::nameAt(int row) const
{
    return row >= 0 && row < m_rooms.size() ? m_rooms.at(row).name : QString();
}

QStringList RoomListModel::names() const
{
    QStringList result;
    for (const auto &room : m_rooms)
        result.append(room.name);
    return result;
}

int RoomListModel::addRoom(const QString &name)
{
    if (const int existing = indexOf(name); existing >= 0)
        return existing;
    const auto it = std::lower_bound(m_rooms.cbegin(), m_rooms.cend(), name, [](const Room &room, const QString &n) {
        return room.name.compare(n, Qt::CaseInsensitive) < 0;
    });
    const int row = int(it - m_rooms.cbegin());
    beginInsertRows({}, row, row);
    m_rooms.insert(row, Room{name, 0, 0, {}, 0});
    endInsertRows();
    emit countChanged();
    return row;
}

void RoomListModel::removeRoom(const QString &name)
{
    const int row = indexOf(name);
    if (row < 0)
        return;
    const bool hadUnread = m_rooms.at(row).unread > 0;
    beginRemoveRows({}, row, row);
    m_rooms.removeAt(row);
    endRemoveRows();
    emit countChanged();
    if (hadUnread)
        emit totalUnreadChanged();
}

void RoomListModel::changed(int row, const QList<int> &roles)
{
    emit dataChanged(index(row), index(row), roles);
}

void RoomListModel::setUnread(const QString &name, int unread)
{
    const int row = indexOf(name);
    if (row < 0 || m_rooms.at(row).unread == unread)
        return;
    m_rooms[row].unread = unread;
    changed(row, {UnreadRole});
    emit totalUnreadChanged();
}

void RoomListModel::incrementUnread(const QString &name)
{
    setUnread(name, unread(name) + 1);
}

int RoomListModel::unread(const QString &name) const
{
    const int row = indexOf(name);
    return row < 0 ? 0 : m_rooms.at(row).unread;
}

void RoomListModel::setMemberCount(const QString &name, int members)
{
    const int row = indexOf(name);
    if (row < 0 || m_rooms.at(row).members == members)
        return;
    m_rooms[row].members = members;
    changed(row, {MemberCountRole});
}

void RoomListModel::touch(const QString &name, qint64 timestampMs)
{
    const int row = indexOf(name);
    if (row < 0 || m_rooms.at(row).lastActivity >= timestampMs)
        return;
    m_rooms[row].lastActivity = timestampMs;
    changed(row, {LastActivityRole});
}

void RoomListModel::setDraft(const QString &name, const QString &draft)
{
    const int row = indexOf(name);
    if (row >= 0)
        setData(index(row), draft, DraftRole);
}

QString RoomListModel::draft(const QString &name) const
{
    const int row = indexOf(name);
    return row < 0 ? QString() : m_rooms.at(row).draft;
}

int RoomListModel::nextUnread(int fromRow, int direction) const
{
    const int size = int(m_rooms.size());
    if (size == 0)
        return -1;
    const int step = direction < 0 ? -1 : 1;
    for (int i = 1; i <= size; ++i) {
        const int row = ((fromRow + step * i) % size + size) % size;
        if (m_rooms.at(row).unread > 0)
            return row;
    }
    return -1;
}

} // namespace natter
