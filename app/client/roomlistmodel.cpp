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
    case KindRole:
        return room.kind;
    case PeerRole:
        return room.peer;
    case OwnerRole:
        return room.owner;
    case TitleRole:
        return room.title();
    case SectionRole:
        return room.sectionOrder() == 0   ? QStringLiteral("rooms")
               : room.sectionOrder() == 1 ? QStringLiteral("groups")
                                          : QStringLiteral("direct");
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
            {LastActivityRole, "lastActivity"},
            {KindRole, "kind"},
            {PeerRole, "peer"},
            {OwnerRole, "owner"},
            {TitleRole, "title"},
            {SectionRole, "section"}};
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

int RoomListModel::Room::sectionOrder() const
{
    if (kind == QLatin1String("group"))
        return 1;
    if (kind == QLatin1String("direct"))
        return 2;
    return 0;
}

bool RoomListModel::sortsBefore(const Room &room, const Room &other)
{
    if (room.sectionOrder() != other.sectionOrder())
        return room.sectionOrder() < other.sectionOrder();
    if (const int byTitle = room.title().compare(other.title(), Qt::CaseInsensitive); byTitle != 0)
        return byTitle < 0;
    return room.name < other.name;
}

int RoomListModel::addRoom(const QString &name)
{
    if (const int existing = indexOf(name); existing >= 0)
        return existing;
    const Room added{name, 0, 0, {}, 0, {}, {}, {}};
    const auto it = std::lower_bound(m_rooms.cbegin(), m_rooms.cend(), added, sortsBefore);
    const int row = int(it - m_rooms.cbegin());
    beginInsertRows({}, row, row);
    m_rooms.insert(row, added);
    endInsertRows();
    emit countChanged();
    return row;
}

void RoomListModel::setRoomInfo(const QString &name, const QString &kind, const QString &peer, const QString &owner)
{
    const int row = indexOf(name);
    if (row < 0)
        return;
    Room updated = m_rooms.at(row);
    if (updated.kind == kind && updated.peer == peer && updated.owner == owner)
        return;
    updated.kind = kind;
    updated.peer = peer;
    updated.owner = owner;
    // Its new place: after every other room that sorts before it.
    int target = 0;
    for (int other = 0; other < int(m_rooms.size()); ++other) {
        if (other != row && sortsBefore(m_rooms.at(other), updated))
            ++target;
    }
    if (target != row) {
        // beginMoveRows counts the destination before the move: one further down when moving down.
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_rooms.move(row, target);
        endMoveRows();
    }
    m_rooms[target] = updated;
    changed(target, {KindRole, PeerRole, OwnerRole, TitleRole, SectionRole});
    ++m_revision;
    emit revisionChanged();
}

const RoomListModel::Room *RoomListModel::roomNamed(const QString &name) const
{
    const int row = indexOf(name);
    return row < 0 ? nullptr : &m_rooms.at(row);
}

QString RoomListModel::kindOf(const QString &name) const
{
    const Room *room = roomNamed(name);
    return room ? room->kind : QString();
}

QString RoomListModel::peerOf(const QString &name) const
{
    const Room *room = roomNamed(name);
    return room ? room->peer : QString();
}

QString RoomListModel::ownerOf(const QString &name) const
{
    const Room *room = roomNamed(name);
    return room ? room->owner : QString();
}

QString RoomListModel::labelOf(const QString &name) const
{
    if (name.isEmpty())
        return {};
    const Room *room = roomNamed(name);
    return room && !room->peer.isEmpty() ? room->peer : QLatin1Char('#') + name;
}

QString RoomListModel::titleOf(const QString &name) const
{
    const Room *room = roomNamed(name);
    return room ? room->title() : name;
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
