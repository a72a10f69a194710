#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace natter {

/**
 * @brief The rooms the user has joined, for the sidebar: unread counts, member counts, drafts.
 *
 * Public rooms come first, then groups, then direct conversations (the `section` role), each part in
 * alphabetical order of what the sidebar shows: the room's name, or the other person for a direct conversation.
 */
class RoomListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RoomListModel belongs to a ChatClient")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)
    /// Changes whenever a room's kind, peer or owner does (bindings that call kindOf() or labelOf() read it).
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)

public:
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        UnreadRole,
        MemberCountRole,
        DraftRole,
        LastActivityRole,
        KindRole,    ///< "" (public), "group" or "direct".
        PeerRole,    ///< Direct conversations: the other person.
        OwnerRole,   ///< Groups: who may invite and remove.
        TitleRole,   ///< What to call the room: its name, or the other person of a direct conversation.
        SectionRole, ///< "rooms", "groups" or "direct", in the order the sidebar shows them.
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

    /// Adds @p name in its place; no-op when present. Returns its row.
    int addRoom(const QString &name);
    /// What kind of room @p name is ("" public, "group", "direct"), with whom or whose; moves it to its section.
    void setRoomInfo(const QString &name, const QString &kind, const QString &peer, const QString &owner);
    Q_INVOKABLE QString kindOf(const QString &name) const;
    Q_INVOKABLE QString peerOf(const QString &name) const;
    Q_INVOKABLE QString ownerOf(const QString &name) const;
    Q_INVOKABLE QString titleOf(const QString &name) const;
    /// How the room is named in headings: "#general", "#team", or the other person of a direct conversation.
    Q_INVOKABLE QString labelOf(const QString &name) const;
    int revision() const { return m_revision; }
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
    void revisionChanged();

private:
    struct Room
    {
        QString name;
        int unread = 0;
        int members = 0;
        QString draft;
        qint64 lastActivity = 0;
        QString kind;
        QString peer;
        QString owner;

        QString title() const { return peer.isEmpty() ? name : peer; }
        int sectionOrder() const;
    };
    void changed(int row, const QList<int> &roles);
    const Room *roomNamed(const QString &name) const;
    /// Where a room belongs among the others (before or after @p other).
    static bool sortsBefore(const Room &room, const Room &other);

    QList<Room> m_rooms;
    int m_revision = 0;
};

} // namespace natter
