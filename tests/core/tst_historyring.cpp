#include "historyring.h"

#include <QTest>

#include <limits>

using natter::ChatMessage;
using natter::HistoryRing;

namespace {

using SeqList = QList<quint64>;

ChatMessage messageWithSeq(quint64 seq)
{
    ChatMessage message;
    message.seq = seq;
    message.id = QStringLiteral("id-%1").arg(seq);
    message.room = QStringLiteral("general");
    message.user = QStringLiteral("ada");
    message.content = QStringLiteral("message %1").arg(seq);
    message.timestamp = 1'700'000'000'000 + qint64(seq);
    message.clientId = seq % 2 == 0 ? QStringLiteral("c-%1").arg(seq) : QString();
    return message;
}

/// A ring of @p capacity into which the messages 1..appended were appended in order.
HistoryRing ringWith(qsizetype capacity, quint64 appended)
{
    HistoryRing ring(capacity);
    for (quint64 seq = 1; seq <= appended; ++seq)
        ring.append(messageWithSeq(seq));
    return ring;
}

SeqList seqsOf(const QList<ChatMessage> &messages)
{
    SeqList seqs;
    for (const auto &message : messages)
        seqs.append(message.seq);
    return seqs;
}

/// first..last inclusive; empty when first > last.
SeqList seqRange(quint64 first, quint64 last)
{
    SeqList seqs;
    for (quint64 seq = first; seq <= last; ++seq)
        seqs.append(seq);
    return seqs;
}

} // namespace

class tst_HistoryRing : public QObject
{
    Q_OBJECT

private slots:
    void emptyRing();
    void capacityIsAtLeastOne_data();
    void capacityIsAtLeastOne();
    void wrapAndCapacity_data();
    void wrapAndCapacity();
    void messagesKeptIntact();
    void latest_data();
    void latest();
    void after_data();
    void after();
    void before_data();
    void before();
    void findBySeq_data();
    void findBySeq();
    void clear();
    void capacityOne();
};

void tst_HistoryRing::emptyRing()
{
    const HistoryRing ring(10);
    QCOMPARE(ring.size(), 0);
    QCOMPARE(ring.capacity(), 10);
    QVERIFY(ring.isEmpty());
    QCOMPARE(ring.oldestSeq(), 0u);
    QCOMPARE(ring.latestSeq(), 0u);
    QVERIFY(ring.latest(5).isEmpty());
    QVERIFY(ring.after(0).isEmpty());
    QVERIFY(ring.before(10, 5).isEmpty());
    QCOMPARE(ring.findBySeq(0), nullptr);
    QCOMPARE(ring.findBySeq(1), nullptr);
}

void tst_HistoryRing::capacityIsAtLeastOne_data()
{
    QTest::addColumn<qsizetype>("requested");
    QTest::addColumn<qsizetype>("expected");

    QTest::addRow("negative") << qsizetype(-5) << qsizetype(1);
    QTest::addRow("zero") << qsizetype(0) << qsizetype(1);
    QTest::addRow("one") << qsizetype(1) << qsizetype(1);
    QTest::addRow("hundred") << qsizetype(100) << qsizetype(100);
}

void tst_HistoryRing::capacityIsAtLeastOne()
{
    QFETCH(qsizetype, requested);
    QFETCH(qsizetype, expected);

    HistoryRing ring(requested);
    QCOMPARE(ring.capacity(), expected);
    ring.append(messageWithSeq(1));
    ring.append(messageWithSeq(2));
    QCOMPARE(ring.size(), std::min<qsizetype>(expected, 2));
    QCOMPARE(ring.latestSeq(), 2u);
}

void tst_HistoryRing::wrapAndCapacity_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<quint64>("appended");

    QTest::addRow("one message") << qsizetype(5) << quint64(1);
    QTest::addRow("below capacity") << qsizetype(5) << quint64(3);
    QTest::addRow("exactly capacity") << qsizetype(5) << quint64(5);
    QTest::addRow("one past capacity") << qsizetype(5) << quint64(6);
    QTest::addRow("one short of twice around") << qsizetype(5) << quint64(9);
    QTest::addRow("twice around") << qsizetype(5) << quint64(10);
    QTest::addRow("many wraps") << qsizetype(5) << quint64(23);
    QTest::addRow("capacity 1, once") << qsizetype(1) << quint64(1);
    QTest::addRow("capacity 1, many") << qsizetype(1) << quint64(7);
    QTest::addRow("capacity 2, odd count") << qsizetype(2) << quint64(9);
    QTest::addRow("capacity 1000, 2500") << qsizetype(1000) << quint64(2500);
}

void tst_HistoryRing::wrapAndCapacity()
{
    QFETCH(qsizetype, capacity);
    QFETCH(quint64, appended);

    HistoryRing ring(capacity);
    for (quint64 seq = 1; seq <= appended; ++seq) {
        ring.append(messageWithSeq(seq));
        // The size grows up to the capacity and then stays there.
        QCOMPARE(ring.size(), std::min<qsizetype>(qsizetype(seq), capacity));
        QCOMPARE(ring.latestSeq(), seq);
    }

    const qsizetype expectedSize = std::min<qsizetype>(qsizetype(appended), capacity);
    const quint64 expectedOldest = appended - quint64(expectedSize) + 1;
    QCOMPARE(ring.size(), expectedSize);
    QCOMPARE(ring.capacity(), capacity);
    QVERIFY(!ring.isEmpty());
    QCOMPARE(ring.oldestSeq(), expectedOldest);
    QCOMPARE(ring.latestSeq(), appended);
    // at() walks from the oldest to the newest with no gaps, across the wrap point.
    for (qsizetype i = 0; i < ring.size(); ++i)
        QCOMPARE(ring.at(i).seq, expectedOldest + quint64(i));
    // The dropped messages are gone.
    if (expectedOldest > 1)
        QCOMPARE(ring.findBySeq(expectedOldest - 1), nullptr);
}

void tst_HistoryRing::messagesKeptIntact()
{
    const HistoryRing ring = ringWith(4, 11);
    for (qsizetype i = 0; i < ring.size(); ++i)
        QCOMPARE(ring.at(i), messageWithSeq(8 + quint64(i)));
    const auto latest = ring.latest(4);
    QCOMPARE(latest.size(), 4);
    for (qsizetype i = 0; i < latest.size(); ++i)
        QCOMPARE(latest.at(i), messageWithSeq(8 + quint64(i)));
}

void tst_HistoryRing::latest_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<quint64>("appended");
    QTest::addColumn<qsizetype>("count");
    QTest::addColumn<SeqList>("expected");

    // Capacity 5 after 8 messages holds 4..8.
    QTest::addRow("wrapped, zero") << qsizetype(5) << quint64(8) << qsizetype(0) << SeqList{};
    QTest::addRow("wrapped, negative") << qsizetype(5) << quint64(8) << qsizetype(-3) << SeqList{};
    QTest::addRow("wrapped, one") << qsizetype(5) << quint64(8) << qsizetype(1) << SeqList{8};
    QTest::addRow("wrapped, three") << qsizetype(5) << quint64(8) << qsizetype(3) << SeqList{6, 7, 8};
    QTest::addRow("wrapped, all") << qsizetype(5) << quint64(8) << qsizetype(5) << seqRange(4, 8);
    QTest::addRow("wrapped, more than held") << qsizetype(5) << quint64(8) << qsizetype(50) << seqRange(4, 8);
    QTest::addRow("not full, two") << qsizetype(10) << quint64(3) << qsizetype(2) << SeqList{2, 3};
    QTest::addRow("not full, more than held") << qsizetype(10) << quint64(3) << qsizetype(10) << seqRange(1, 3);
    QTest::addRow("empty") << qsizetype(10) << quint64(0) << qsizetype(10) << SeqList{};
}

void tst_HistoryRing::latest()
{
    QFETCH(qsizetype, capacity);
    QFETCH(quint64, appended);
    QFETCH(qsizetype, count);
    QFETCH(SeqList, expected);

    const HistoryRing ring = ringWith(capacity, appended);
    QCOMPARE(seqsOf(ring.latest(count)), expected);
}

void tst_HistoryRing::after_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<quint64>("appended");
    QTest::addColumn<quint64>("seq");
    QTest::addColumn<SeqList>("expected");

    // Capacity 5 after 8 messages holds 4..8.
    QTest::addRow("below range, zero") << qsizetype(5) << quint64(8) << quint64(0) << seqRange(4, 8);
    QTest::addRow("below range") << qsizetype(5) << quint64(8) << quint64(2) << seqRange(4, 8);
    QTest::addRow("just below oldest") << qsizetype(5) << quint64(8) << quint64(3) << seqRange(4, 8);
    QTest::addRow("oldest") << qsizetype(5) << quint64(8) << quint64(4) << seqRange(5, 8);
    QTest::addRow("inside") << qsizetype(5) << quint64(8) << quint64(6) << SeqList{7, 8};
    QTest::addRow("one before latest") << qsizetype(5) << quint64(8) << quint64(7) << SeqList{8};
    QTest::addRow("latest") << qsizetype(5) << quint64(8) << quint64(8) << SeqList{};
    QTest::addRow("above range") << qsizetype(5) << quint64(8) << quint64(9) << SeqList{};
    QTest::addRow("far above range") << qsizetype(5) << quint64(8) << std::numeric_limits<quint64>::max() << SeqList{};
    QTest::addRow("not full, zero") << qsizetype(10) << quint64(3) << quint64(0) << seqRange(1, 3);
    QTest::addRow("not full, inside") << qsizetype(10) << quint64(3) << quint64(1) << SeqList{2, 3};
    QTest::addRow("empty") << qsizetype(10) << quint64(0) << quint64(0) << SeqList{};
}

void tst_HistoryRing::after()
{
    QFETCH(qsizetype, capacity);
    QFETCH(quint64, appended);
    QFETCH(quint64, seq);
    QFETCH(SeqList, expected);

    const HistoryRing ring = ringWith(capacity, appended);
    QCOMPARE(seqsOf(ring.after(seq)), expected);
}

void tst_HistoryRing::before_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<quint64>("appended");
    QTest::addColumn<quint64>("beforeSeq");
    QTest::addColumn<qsizetype>("limit");
    QTest::addColumn<SeqList>("expected");

    // Capacity 5 after 8 messages holds 4..8.
    QTest::addRow("after latest, large limit")
        << qsizetype(5) << quint64(8) << quint64(9) << qsizetype(10) << seqRange(4, 8);
    QTest::addRow("after latest, limit 2") << qsizetype(5) << quint64(8) << quint64(9) << qsizetype(2) << SeqList{7, 8};
    QTest::addRow("far after latest") << qsizetype(5) << quint64(8) << quint64(100) << qsizetype(3) << SeqList{6, 7, 8};
    QTest::addRow("max seq") << qsizetype(5) << quint64(8) << std::numeric_limits<quint64>::max() << qsizetype(1)
                             << SeqList{8};
    QTest::addRow("at latest") << qsizetype(5) << quint64(8) << quint64(8) << qsizetype(10) << seqRange(4, 7);
    QTest::addRow("inside, limit 1") << qsizetype(5) << quint64(8) << quint64(6) << qsizetype(1) << SeqList{5};
    QTest::addRow("inside, limit 2") << qsizetype(5) << quint64(8) << quint64(7) << qsizetype(2) << SeqList{5, 6};
    QTest::addRow("inside, limit exactly available")
        << qsizetype(5) << quint64(8) << quint64(7) << qsizetype(3) << SeqList{4, 5, 6};
    QTest::addRow("one above oldest") << qsizetype(5) << quint64(8) << quint64(5) << qsizetype(10) << SeqList{4};
    QTest::addRow("at oldest") << qsizetype(5) << quint64(8) << quint64(4) << qsizetype(10) << SeqList{};
    QTest::addRow("below oldest") << qsizetype(5) << quint64(8) << quint64(3) << qsizetype(10) << SeqList{};
    QTest::addRow("zero") << qsizetype(5) << quint64(8) << quint64(0) << qsizetype(10) << SeqList{};
    QTest::addRow("limit 0") << qsizetype(5) << quint64(8) << quint64(9) << qsizetype(0) << SeqList{};
    QTest::addRow("negative limit") << qsizetype(5) << quint64(8) << quint64(9) << qsizetype(-1) << SeqList{};
    QTest::addRow("not full, after latest")
        << qsizetype(10) << quint64(3) << quint64(4) << qsizetype(50) << seqRange(1, 3);
    QTest::addRow("not full, inside") << qsizetype(10) << quint64(3) << quint64(2) << qsizetype(50) << SeqList{1};
    QTest::addRow("not full, at first") << qsizetype(10) << quint64(3) << quint64(1) << qsizetype(50) << SeqList{};
    QTest::addRow("empty") << qsizetype(10) << quint64(0) << quint64(5) << qsizetype(50) << SeqList{};
}

void tst_HistoryRing::before()
{
    QFETCH(qsizetype, capacity);
    QFETCH(quint64, appended);
    QFETCH(quint64, beforeSeq);
    QFETCH(qsizetype, limit);
    QFETCH(SeqList, expected);

    const HistoryRing ring = ringWith(capacity, appended);
    QCOMPARE(seqsOf(ring.before(beforeSeq, limit)), expected);
}

void tst_HistoryRing::findBySeq_data()
{
    QTest::addColumn<qsizetype>("capacity");
    QTest::addColumn<quint64>("appended");
    QTest::addColumn<quint64>("seq");
    QTest::addColumn<bool>("found");

    // Capacity 5 after 8 messages holds 4..8.
    QTest::addRow("zero") << qsizetype(5) << quint64(8) << quint64(0) << false;
    QTest::addRow("dropped") << qsizetype(5) << quint64(8) << quint64(1) << false;
    QTest::addRow("just dropped") << qsizetype(5) << quint64(8) << quint64(3) << false;
    QTest::addRow("oldest") << qsizetype(5) << quint64(8) << quint64(4) << true;
    QTest::addRow("inside") << qsizetype(5) << quint64(8) << quint64(6) << true;
    QTest::addRow("latest") << qsizetype(5) << quint64(8) << quint64(8) << true;
    QTest::addRow("not yet posted") << qsizetype(5) << quint64(8) << quint64(9) << false;
    QTest::addRow("max seq") << qsizetype(5) << quint64(8) << std::numeric_limits<quint64>::max() << false;
    QTest::addRow("not full, first") << qsizetype(10) << quint64(3) << quint64(1) << true;
    QTest::addRow("not full, last") << qsizetype(10) << quint64(3) << quint64(3) << true;
    QTest::addRow("empty") << qsizetype(10) << quint64(0) << quint64(1) << false;
}

void tst_HistoryRing::findBySeq()
{
    QFETCH(qsizetype, capacity);
    QFETCH(quint64, appended);
    QFETCH(quint64, seq);
    QFETCH(bool, found);

    const HistoryRing ring = ringWith(capacity, appended);
    const ChatMessage *message = ring.findBySeq(seq);
    QCOMPARE(message != nullptr, found);
    if (found)
        QCOMPARE(*message, messageWithSeq(seq));
}

void tst_HistoryRing::clear()
{
    HistoryRing ring = ringWith(4, 10); // wrapped: the oldest slot is not slot 0
    ring.clear();
    QVERIFY(ring.isEmpty());
    QCOMPARE(ring.size(), 0);
    QCOMPARE(ring.capacity(), 4);
    QCOMPARE(ring.oldestSeq(), 0u);
    QCOMPARE(ring.latestSeq(), 0u);
    QVERIFY(ring.latest(10).isEmpty());
    QVERIFY(ring.after(0).isEmpty());
    QVERIFY(ring.before(100, 10).isEmpty());
    QCOMPARE(ring.findBySeq(10), nullptr);

    // Usable again afterwards, including a second wrap.
    for (quint64 seq = 1; seq <= 6; ++seq)
        ring.append(messageWithSeq(seq));
    QCOMPARE(ring.size(), 4);
    QCOMPARE(ring.oldestSeq(), 3u);
    QCOMPARE(ring.latestSeq(), 6u);
    QCOMPARE(seqsOf(ring.latest(10)), seqRange(3, 6));
    QCOMPARE(ring.findBySeq(3)->content, QStringLiteral("message 3"));
}

void tst_HistoryRing::capacityOne()
{
    HistoryRing ring(1);
    ring.append(messageWithSeq(1));
    QCOMPARE(ring.size(), 1);
    QCOMPARE(ring.oldestSeq(), 1u);
    QCOMPARE(ring.latestSeq(), 1u);

    ring.append(messageWithSeq(2));
    QCOMPARE(ring.size(), 1);
    QCOMPARE(ring.capacity(), 1);
    QCOMPARE(ring.oldestSeq(), 2u);
    QCOMPARE(ring.latestSeq(), 2u);
    QCOMPARE(ring.at(0), messageWithSeq(2));
    QCOMPARE(seqsOf(ring.latest(5)), SeqList{2});
    QCOMPARE(seqsOf(ring.after(0)), SeqList{2});
    QCOMPARE(seqsOf(ring.after(1)), SeqList{2});
    QVERIFY(ring.after(2).isEmpty());
    QVERIFY(ring.before(2, 5).isEmpty());
    QCOMPARE(seqsOf(ring.before(3, 5)), SeqList{2});
    QCOMPARE(ring.findBySeq(1), nullptr);
    QVERIFY(ring.findBySeq(2));

    ring.append(messageWithSeq(3));
    QCOMPARE(ring.size(), 1);
    QCOMPARE(ring.at(0), messageWithSeq(3));
    QCOMPARE(ring.findBySeq(2), nullptr);
}

QTEST_APPLESS_MAIN(tst_HistoryRing)
#include "tst_historyring.moc"
