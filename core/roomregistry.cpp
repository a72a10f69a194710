#include "roomregistry.h"

namespace natter {

RoomRegistry::RoomRegistry(qsizetype historyCapacity)
    : m_historyCapacity(historyCapacity)
{}

Room &RoomRegistry::getOrCreate(const QString &name, qint64 nowMs)
{
    auto &slot = m_rooms[name];
    if (!slot)
        slot = std::make_unique<Room>(name, m_historyCapacity, nowMs);
    return *slot;
}

Room *RoomRegistry::create(const QString &name, qint64 nowMs)
{
    if (m_rooms.contains(name))
        return nullptr;
    return &getOrCreate(name, nowMs);
}

Room *RoomRegistry::find(const QString &name)
{
    const auto it = m_rooms.find(name);
    return it == m_rooms.end() ? nullptr : it->second.get();
}

const Room *RoomRegistry::find(const QString &name) const
{
    const auto it = m_rooms.find(name);
    return it == m_rooms.end() ? nullptr : it->second.get();
}

std::unique_ptr<Room> RoomRegistry::take(const QString &name)
{
    auto node = m_rooms.extract(name);
    return node.empty() ? nullptr : std::move(node.mapped());
}

} // namespace natter
