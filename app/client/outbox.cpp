#include "outbox.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcOutbox, "natter.client.outbox")

namespace natter {

namespace {
constexpr QLatin1StringView clientIdKey{"client_id"};
constexpr QLatin1StringView roomKey{"room"};
constexpr QLatin1StringView contentKey{"content"};
constexpr QLatin1StringView createdKey{"created"};
} // namespace

Outbox::Outbox(QString filePath, QString key)
    : m_filePath(std::move(filePath))
    , m_key(std::move(key))
{
    load();
}

QList<Outbox::Item> Outbox::itemsFor(const QString &room) const
{
    QList<Item> result;
    for (const auto &item : m_items) {
        if (item.room == room)
            result.append(item);
    }
    return result;
}

void Outbox::add(const Item &item)
{
    m_items.append(item);
    save();
}

bool Outbox::remove(const QString &clientId)
{
    const auto removed = m_items.removeIf([&](const Item &item) { return item.clientId == clientId; });
    if (removed > 0)
        save();
    return removed > 0;
}

void Outbox::removeRoom(const QString &room)
{
    if (m_items.removeIf([&](const Item &item) { return item.room == room; }) > 0)
        save();
}

void Outbox::load()
{
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const auto all = QJsonDocument::fromJson(file.readAll()).object();
    for (const auto &value : all.value(m_key).toArray()) {
        const auto object = value.toObject();
        Item item{object.value(clientIdKey).toString(), object.value(roomKey).toString(),
                  object.value(contentKey).toString(), object.value(createdKey).toInteger()};
        if (!item.clientId.isEmpty() && !item.room.isEmpty() && !item.content.isEmpty())
            m_items.append(item);
    }
}

void Outbox::save() const
{
    // Other servers' and users' outboxes share the file: keep them.
    QJsonObject all;
    if (QFile existing(m_filePath); existing.open(QIODevice::ReadOnly))
        all = QJsonDocument::fromJson(existing.readAll()).object();
    QJsonArray items;
    for (const auto &item : m_items) {
        items.append(QJsonObject{{clientIdKey, item.clientId},
                                 {roomKey, item.room},
                                 {contentKey, item.content},
                                 {createdKey, item.createdMs}});
    }
    if (items.isEmpty())
        all.remove(m_key);
    else
        all.insert(m_key, items);

    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    // Written to a temporary file and renamed, so a crash never leaves half an outbox.
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(all).toJson(QJsonDocument::Compact)) < 0 ||
        !file.commit())
        qCWarning(lcOutbox).noquote() << "cannot save unsent messages to" << m_filePath << ":" << file.errorString();
}

} // namespace natter
