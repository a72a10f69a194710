#pragma once

#include "chatmessage.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QtQml/qqmlregistration.h>

namespace natter {

/**
 * @brief The messages of one room as the view shows them: confirmed messages in seq order, then the user's own
 * messages that the server has not acknowledged yet (pending, or failed with a reason).
 */
class MessageModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("MessageModel belongs to a ChatClient room")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool hasOlder READ hasOlder NOTIFY hasOlderChanged)
    Q_PROPERTY(bool loadingOlder READ loadingOlder NOTIFY loadingOlderChanged)

public:
    enum Role
    {
        MessageIdRole = Qt::UserRole + 1,
        SeqRole,
        UserRole,
        ContentRole,
        TimestampRole, ///< QDateTime
        PendingRole,   ///< Sent (or waiting to be), not acknowledged yet.
        FailedRole,    ///< Refused by the server; errorText says why.
        ErrorTextRole,
        ClientIdRole,
        OwnRole,          ///< Posted by this user.
        FirstInGroupRole, ///< Starts a group: another sender, or more than five minutes since the previous one.
        DaySeparatorRole, ///< "Today", "Yesterday" or a date when the day changes here; empty otherwise.
    };
    Q_ENUM(Role)

    struct Entry
    {
        ChatMessage message;
        bool pending = false;
        bool failed = false;
        QString errorText;
    };

    explicit MessageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_entries.size()); }
    bool hasOlder() const { return m_hasOlder; }
    bool loadingOlder() const { return m_loadingOlder; }
    void setHasOlder(bool hasOlder);
    void setLoadingOlder(bool loading);
    void setOwnUser(const QString &user) { m_ownUser = user; }

    /**
     * Adds a confirmed message. A message already held (same id or seq) is not added twice; the user's own
     * pending message with the same client id is confirmed in place.
     * @return true if the view gained a new message.
     */
    bool addConfirmed(const ChatMessage &message);
    /// Adds older messages (a history page) in front.
    void prependHistory(const QList<ChatMessage> &older);
    /// Replaces everything confirmed with @p messages (after a resume that could not be complete).
    void resetConfirmed(const QList<ChatMessage> &messages);
    void addPending(const ChatMessage &message);
    void markFailed(const QString &clientId, const QString &reason);
    void markPendingAgain(const QString &clientId);
    void removePending(const QString &clientId);

    quint64 oldestSeq() const;
    quint64 latestSeq() const;
    const QList<Entry> &entries() const { return m_entries; }

    /// For tests: which day label a timestamp gets, relative to @p today.
    static QString dayLabel(const QDate &day, const QDate &today);

signals:
    void countChanged();
    void hasOlderChanged();
    void loadingOlderChanged();

private:
    qsizetype firstPendingRow() const;
    qsizetype indexOfClientId(const QString &clientId) const;
    void refreshNeighbours(qsizetype row);

    QList<Entry> m_entries;
    QString m_ownUser;
    bool m_hasOlder = false;
    bool m_loadingOlder = false;
};

} // namespace natter
