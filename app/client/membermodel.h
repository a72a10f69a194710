#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace natter {

/** @brief Who is in a room right now, sorted by name (case-insensitively). */
class MemberModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("MemberModel belongs to a ChatClient room")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role
    {
        UserRole = Qt::UserRole + 1,
        OwnRole,
    };
    Q_ENUM(Role)

    explicit MemberModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_users.size()); }
    void setOwnUser(const QString &user) { m_ownUser = user; }
    void setMembers(QStringList users);
    void addMember(const QString &user);
    void removeMember(const QString &user);
    bool contains(const QString &user) const;
    QStringList members() const { return m_users; }

signals:
    void countChanged();

private:
    qsizetype insertionRow(const QString &user) const;

    QStringList m_users;
    QString m_ownUser;
};

} // namespace natter
