#include "messagemodel.h"
#include "languagemanager.h"

#include <QLocale>

namespace natter {

namespace {
constexpr qint64 groupGapMs = 5 * 60 * 1000;

QDate localDay(qint64 timestampMs)
{
    return QDateTime::fromMSecsSinceEpoch(timestampMs).date();
}
} // namespace

MessageModel::MessageModel(QObject *parent)
    : QAbstractListModel(parent)
{
    // Day separators are made when read ("Today", dates in the default locale): a language switch redraws them.
    onLanguageChange(this, [this] {
        if (!m_entries.empty())
            emit dataChanged(index(0), index(rowCount() - 1), {DaySeparatorRole});
    });
}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString MessageModel::dayLabel(const QDate &day, const QDate &today)
{
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype row = index.row();
    const Entry &entry = m_entries.at(row);
    const ChatMessage &message = entry.message;
    switch (role) {
    case Qt::DisplayRole:
    case ContentRole:
        return message.content;
    case MessageIdRole:
        return message.id;
    case SeqRole:
        return qint64(message.seq);
    case UserRole:
        return message.user;
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(message.timestamp);
    case PendingRole:
        return entry.pending;
    case FailedRole:
        return entry.failed;
    case ErrorTextRole:
        return entry.errorText;
    case ClientIdRole:
        return message.clientId;
    case OwnRole:
        return !m_ownUser.isEmpty() && message.user == m_ownUser;
    case FirstInGroupRole: {
        if (row == 0)
            return true;
        const ChatMessage &previous = m_entries.at(row - 1).message;
        return previous.user != message.user || message.timestamp - previous.timestamp > groupGapMs ||
               localDay(previous.timestamp) != localDay(message.timestamp);
    }
    case DaySeparatorRole: {
        const QDate day = localDay(message.timestamp);
        if (row > 0 && localDay(m_entries.at(row - 1).message.timestamp) == day)
            return QString();
        return dayLabel(day, QDate::currentDate());
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    return {
        {MessageIdRole, "messageId"},
        {SeqRole, "seq"},
        {UserRole, "user"},
        {ContentRole, "content"},
        {TimestampRole, "timestamp"},
        {PendingRole, "pending"},
        {FailedRole, "failed"},
        {ErrorTextRole, "errorText"},
        {ClientIdRole, "clientId"},
        {OwnRole, "own"},
        {FirstInGroupRole, "firstInGroup"},
        {DaySeparatorRole, "daySeparator"},
    };
}

void MessageModel::setHasOlder(bool hasOlder)
{
    if (m_hasOlder == hasOlder)
        return;
    m_hasOlder = hasOlder;
    emit hasOlderChanged();
}

void MessageModel::setLoadingOlder(bool loading)
{
    if (m_loadingOlder == loading)
        return;
    m_loadingOlder = loading;
    emit loadingOlderChanged();
}

qsizetype MessageModel::firstPendingRow() const
{
    qsizetype row = m_entries.size();
    while (row > 0 && (m_entries.at(row - 1).pending || m_entries.at(row - 1).failed))
        --row;
    return row;
}

qsizetype MessageModel::indexOfClientId(const QString &clientId) const
{
    if (clientId.isEmpty())
        return -1;
    for (qsizetype row = m_entries.size() - 1; row >= 0; --row) {
        if (m_entries.at(row).message.clientId == clientId)
            return row;
    }
    return -1;
}

void MessageModel::refreshNeighbours(qsizetype row)
{
    // Grouping and day separators of the next row depend on this one.
    if (row + 1 < m_entries.size()) {
        const auto next = index(int(row + 1));
        emit dataChanged(next, next, {FirstInGroupRole, DaySeparatorRole});
    }
}

bool MessageModel::addConfirmed(const ChatMessage &message)
{
    // The user's own pending message, now confirmed: drop the pending copy.
    if (const qsizetype pendingRow = indexOfClientId(message.clientId);
        pendingRow >= 0 && pendingRow >= firstPendingRow() && message.user == m_ownUser) {
        beginRemoveRows({}, int(pendingRow), int(pendingRow));
        m_entries.removeAt(pendingRow);
        endRemoveRows();
        emit countChanged();
    }
    // Already held? Confirmed messages are in seq order, so search from the end.
    for (qsizetype row = firstPendingRow() - 1; row >= 0; --row) {
        const auto &held = m_entries.at(row).message;
        if (held.seq == message.seq || (!message.id.isEmpty() && held.id == message.id))
            return false;
        if (held.seq < message.seq)
            break;
    }
    // Insert by seq among the confirmed ones (normally at their end).
    qsizetype row = firstPendingRow();
    while (row > 0 && m_entries.at(row - 1).message.seq > message.seq)
        --row;
    beginInsertRows({}, int(row), int(row));
    m_entries.insert(row, Entry{message, false, false, {}});
    endInsertRows();
    refreshNeighbours(row);
    emit countChanged();
    return true;
}

void MessageModel::prependHistory(const QList<ChatMessage> &older)
{
    const quint64 oldest = oldestSeq();
    QList<Entry> fresh;
    for (const auto &message : older) {
        if (oldest == 0 || message.seq < oldest)
            fresh.append(Entry{message, false, false, {}});
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, 0, int(fresh.size() - 1));
    m_entries = fresh + m_entries;
    endInsertRows();
    refreshNeighbours(fresh.size() - 1);
    emit countChanged();
}

void MessageModel::resetConfirmed(const QList<ChatMessage> &messages)
{
    beginResetModel();
    QList<Entry> pending = m_entries.mid(firstPendingRow());
    m_entries.clear();
    for (const auto &message : messages)
        m_entries.append(Entry{message, false, false, {}});
    m_entries.append(pending);
    endResetModel();
    emit countChanged();
}

void MessageModel::addPending(const ChatMessage &message)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(Entry{message, true, false, {}});
    endInsertRows();
    emit countChanged();
}

void MessageModel::markFailed(const QString &clientId, const QString &reason)
{
    const qsizetype row = indexOfClientId(clientId);
    if (row < 0 || !(m_entries[row].pending || m_entries[row].failed))
        return;
    m_entries[row].pending = false;
    m_entries[row].failed = true;
    m_entries[row].errorText = reason;
    emit dataChanged(index(int(row)), index(int(row)), {PendingRole, FailedRole, ErrorTextRole});
}

void MessageModel::markPendingAgain(const QString &clientId)
{
    const qsizetype row = indexOfClientId(clientId);
    if (row < 0 || !m_entries[row].failed)
        return;
    m_entries[row].pending = true;
    m_entries[row].failed = false;
    m_entries[row].errorText.clear();
    emit dataChanged(index(int(row)), index(int(row)), {PendingRole, FailedRole, ErrorTextRole});
}

void MessageModel::removePending(const QString &clientId)
{
    const qsizetype row = indexOfClientId(clientId);
    if (row < firstPendingRow())
        return;
    beginRemoveRows({}, int(row), int(row));
    m_entries.removeAt(row);
    endRemoveRows();
    emit countChanged();
}

quint64 MessageModel::oldestSeq() const
{
    return firstPendingRow() > 0 ? m_entries.constFirst().message.seq : 0;
}

quint64 MessageModel::latestSeq() const
{
    const qsizetype end = firstPendingRow();
    return end > 0 ? m_entries.at(end - 1).message.seq : 0;
}

} // namespace natter
