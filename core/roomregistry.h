#pragma once

#include "room.h"

#include <QString>

#include <map>
#include <memory>

namespace natter {

/**
 * @brief The rooms one shard owns, by name; rooms are created lazily on first use.
 */
class RoomRegistry
{
public:
    explicit RoomRegistry(qsizetype historyCapacity);

    /// The room called @p name, created now if it does not exist yet.
    Room &getOrCreate(const QString &name, qint64 nowMs);
    /// Creates @p name; returns nullptr when it exists already.
    Room *create(const QString &name, qint64 nowMs);
    Room *find(const QString &name);
    const Room *find(const QString &name) const;
    /// Removes @p name and returns it (so the caller can tell its members), or nullptr if absent.
    std::unique_ptr<Room> take(const QString &name);

    qsizetype size() const { return qsizetype(m_rooms.size()); }
    /// Rooms ordered by name.
    const std::map<QString, std::unique_ptr<Room>> &rooms() const { return m_rooms; }

private:
    qsizetype m_historyCapacity;
    std::map<QString, std::unique_ptr<Room>> m_rooms;
};

} // namespace natter
