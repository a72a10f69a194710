#pragma once

#include <QList>
#include <QString>

namespace natter {

/**
 * @brief Messages the user wrote that the server has not acknowledged yet, kept on disk so they survive a
 * crash or restart, and sent again in order (their client ids make the resend safe).
 */
class Outbox
{
public:
    struct Item
    {
        QString clientId;
        QString room;
        QString content;
        qint64 createdMs = 0;
    };

    /// @p filePath: a JSON file; @p key: which server and user this outbox belongs to.
    Outbox(QString filePath, QString key);

    const QList<Item> &items() const { return m_items; }
    QList<Item> itemsFor(const QString &room) const;
    bool isEmpty() const { return m_items.isEmpty(); }

    void add(const Item &item);
    bool remove(const QString &clientId);
    /// Drops every item of @p room (after leaving it).
    void removeRoom(const QString &room);

private:
    void load();
    void save() const;

    QString m_filePath;
    QString m_key;
    QList<Item> m_items;
};

} // namespace natter
