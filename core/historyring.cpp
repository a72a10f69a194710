#include "historyring.h"

#include <algorithm>

namespace natter {

HistoryRing::HistoryRing(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(capacity, 1))
{}

void HistoryRing::append(ChatMessage message)
{
    const qsizetype cap = capacity();
    if (m_slots.size() < cap) {
        m_slots.append(std::move(message)); // still filling up: m_head is 0
        ++m_size;
    } else {
        m_slots[m_head] = std::move(message);
        m_head = (m_head + 1) % cap;
    }
}

void HistoryRing::clear()
{
    m_slots.clear();
    m_head = 0;
    m_size = 0;
}

quint64 HistoryRing::oldestSeq() const
{
    return m_size == 0 ? 0 : at(0).seq;
}

quint64 HistoryRing::latestSeq() const
{
    return m_size == 0 ? 0 : at(m_size - 1).seq;
}

const ChatMessage &HistoryRing::at(qsizetype index) const
{
    Q_ASSERT(index >= 0 && index < m_size);
    return m_slots[(m_head + index) % m_slots.size()];
}

const ChatMessage *HistoryRing::findBySeq(quint64 seq) const
{
    if (m_size == 0 || seq < oldestSeq() || seq > latestSeq())
        return nullptr;
    const auto &candidate = at(static_cast<qsizetype>(seq - oldestSeq()));
    return candidate.seq == seq ? &candidate : nullptr;
}

QList<ChatMessage> HistoryRing::range(qsizetype first, qsizetype count) const
{
    QList<ChatMessage> result;
    result.reserve(count);
    for (qsizetype i = first; i < first + count; ++i)
        result.append(at(i));
    return result;
}

QList<ChatMessage> HistoryRing::latest(qsizetype count) const
{
    count = std::clamp<qsizetype>(count, 0, m_size);
    return range(m_size - count, count);
}

QList<ChatMessage> HistoryRing::after(quint64 seq) const
{
    if (m_size == 0 || seq >= latestSeq())
        return {};
    if (seq < oldestSeq())
        return range(0, m_size);
    const auto first = static_cast<qsizetype>(seq - oldestSeq()) + 1;
    return range(first, m_size - first);
}

QList<ChatMessage> HistoryRing::before(quint64 beforeSeq, qsizetype limit) const
{
    if (m_size == 0 || limit <= 0 || beforeSeq <= oldestSeq())
        return {};
    // Number of held messages with seq < beforeSeq.
    const qsizetype end = beforeSeq > latestSeq() ? m_size : static_cast<qsizetype>(beforeSeq - oldestSeq());
    const qsizetype count = std::min(limit, end);
    return range(end - count, count);
}

} // namespace natter
