#pragma once

#include "chatmessage.h"

#include <QList>

namespace natter {

/**
 * @brief The latest messages of a room in a fixed-capacity ring: appending past capacity drops the oldest.
 *
 * Messages are appended in seq order with no gaps, so a seq maps to a slot by arithmetic.
 */
class HistoryRing
{
public:
    explicit HistoryRing(qsizetype capacity);

    void append(ChatMessage message);
    void clear();

    qsizetype size() const { return m_size; }
    qsizetype capacity() const { return m_capacity; }
    bool isEmpty() const { return m_size == 0; }

    /// Seq of the oldest held message, 0 when empty.
    quint64 oldestSeq() const;
    /// Seq of the newest held message, 0 when empty.
    quint64 latestSeq() const;

    /// The i-th held message, 0 being the oldest.
    const ChatMessage &at(qsizetype index) const;
    const ChatMessage *findBySeq(quint64 seq) const;

    /// The newest @p count messages, oldest first.
    QList<ChatMessage> latest(qsizetype count) const;
    /// Every held message with a seq greater than @p seq, oldest first.
    QList<ChatMessage> after(quint64 seq) const;
    /// Up to @p limit messages with a seq below @p beforeSeq (the newest of them), oldest first.
    QList<ChatMessage> before(quint64 beforeSeq, qsizetype limit) const;

private:
    QList<ChatMessage> range(qsizetype first, qsizetype count) const;

    qsizetype m_capacity;
    QList<ChatMessage> m_slots; ///< Grows to m_capacity as messages arrive, then wraps.
    qsizetype m_head = 0;       ///< Slot of the oldest message.
    qsizetype m_size = 0;
};

} // namespace natter
