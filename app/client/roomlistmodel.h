#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace natter {

/** @brief The rooms the user has joined, for the sidebar: unread counts, member counts, drafts. */
class RoomListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RoomListModel belongs to a ChatClient")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)

public:
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        UnreadRole,
        MemberCountRole,
        DraftRole,
        LastActivityRole,
    };
    Q_ENUM(Role)

    explicit RoomListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rooms.size()); }
    int totalUnread() const;

    /// Adds @p name in alphabetical order; no-op when present. Returns its row.
    int addRoom(const QString &name);
    void removeRoom(const QString &name);
    bool contains(const QString &name) const { return indexOf(name) >= 0; }
    Q_INVOKABLE int indexOf(const QString &name) const;
    Q_INVOKABLE QString nameAt(int row) const;
    QStringList names() const;

    void setUnread(const QString &name, int unread);
    void incrementUnread(const QString &name);
    int unread(const QString &name) const;
    void setMemberCount(const QString &name, int members);
    void touch(const QString &name, qint64 timestampMs);
    Q_INVOKABLE void setDraft(const QString &name, const QString &draft);
    Q_INVOKABLE QString draft(const QString &name) const;
    /// The next room with unread messages after @p fromRow (wrapping), or -1.
    Q_INVOKABLE int nextUnread(int fromRow, int direction) const;

signals:
    void countChanged();
    void totalUnreadChanged();

private:
    struct Room
    {
        QString name;
        int unread = 0;
        int members = 0;
        QString draft;
        qint64 lastActivity = 0;
    };
    void changed(int row, const QList<int> &roles);

    QList<Room> m_rooms;
};

} // namespace natter
