#include "messagemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using natter::ChatMessage;
using natter::MessageModel;

namespace {
const qint64 base = QDateTime(QDate(2026, 11, 20), QTime(9, 0)).toMSecsSinceEpoch();

ChatMessage message(quint64 seq, const QString &user, qint64 minutes = 0, const QString &clientId = {})
{
    return {seq,     QStringLiteral("id-%1").arg(seq),   QStringLiteral("general"),
            user,    QStringLiteral("text %1").arg(seq), base + minutes * 60'000,
            clientId};
}
} // namespace

class TestMessageModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<MessageModel>();
        m_model->setOwnUser(QStringLiteral("me"));
        new QAbstractItemModelTester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     m_model.get());
    }

    void confirmedMessagesAreOrderedAndNotDoubled()
    {
        QVERIFY(m_model->addConfirmed(message(2, QStringLiteral("a"))));
        QVERIFY(m_model->addConfirmed(message(1, QStringLiteral("a"))));
        QVERIFY(m_model->addConfirmed(message(3, QStringLiteral("b"))));
        QVERIFY(!m_model->addConfirmed(message(2, QStringLiteral("a"))));
        QCOMPARE(m_model->count(), 3);
        QCOMPARE(m_model->oldestSeq(), 1u);
        QCOMPARE(m_model->latestSeq(), 3u);
        QCOMPARE(m_model->data(m_model->index(0), MessageModel::SeqRole).toLongLong(), 1);
    }

    void pendingIsConfirmedInPlace()
    {
        m_model->addConfirmed(message(1, QStringLiteral("a")));
        m_model->addPending({0,
                             {},
                             QStringLiteral("general"),
                             QStringLiteral("me"),
                             QStringLiteral("mine"),
                             base,
                             QStringLiteral("c1")});
        QCOMPARE(m_model->count(), 2);
        QVERIFY(m_model->data(m_model->index(1), MessageModel::PendingRole).toBool());
        // Someone else's message arrives first: it goes before the pending one.
        m_model->addConfirmed(message(2, QStringLiteral("b")));
        QCOMPARE(m_model->data(m_model->index(1), MessageModel::SeqRole).toLongLong(), 2);
        QVERIFY(m_model->data(m_model->index(2), MessageModel::PendingRole).toBool());
        auto mine = message(3, QStringLiteral("me"), 0, QStringLiteral("c1"));
        mine.content = QStringLiteral("mine");
        QVERIFY(m_model->addConfirmed(mine));
        QCOMPARE(m_model->count(), 3);
        QVERIFY(!m_model->data(m_model->index(2), MessageModel::PendingRole).toBool());
        QVERIFY(m_model->data(m_model->index(2), MessageModel::OwnRole).toBool());
        // The same confirmation again (a duplicate ack) changes nothing.
        QVERIFY(!m_model->addConfirmed(mine));
        QCOMPARE(m_model->count(), 3);
    }

    void failedAndRetried()
    {
        m_model->addPending(
            {0, {}, QStringLiteral("general"), QStringLiteral("me"), QStringLiteral("x"), base, QStringLiteral("c9")});
        m_model->markFailed(QStringLiteral("c9"), QStringLiteral("too large"));
        QVERIFY(m_model->data(m_model->index(0), MessageModel::FailedRole).toBool());
        QCOMPARE(m_model->data(m_model->index(0), MessageModel::ErrorTextRole).toString(), QStringLiteral("too large"));
        m_model->markPendingAgain(QStringLiteral("c9"));
        QVERIFY(m_model->data(m_model->index(0), MessageModel::PendingRole).toBool());
        m_model->removePending(QStringLiteral("c9"));
        QCOMPARE(m_model->count(), 0);
    }

    void groupingAndDaySeparators()
    {
        m_model->addConfirmed(message(1, QStringLiteral("a"), 0));
        m_model->addConfirmed(message(2, QStringLiteral("a"), 2));       // same sender, 2 min later: grouped
        m_model->addConfirmed(message(3, QStringLiteral("b"), 3));       // other sender
        m_model->addConfirmed(message(4, QStringLiteral("b"), 10));      // 7 minutes later: new group
        m_model->addConfirmed(message(5, QStringLiteral("b"), 24 * 60)); // the next day
        const auto first = [&](int row) {
            return m_model->data(m_model->index(row), MessageModel::FirstInGroupRole).toBool();
        };
        const auto day = [&](int row) {
            return m_model->data(m_model->index(row), MessageModel::DaySeparatorRole).toString();
        };
        QVERIFY(first(0));
        QVERIFY(!first(1));
        QVERIFY(first(2));
        QVERIFY(first(3));
        QVERIFY(first(4));
        QVERIFY(!day(0).isEmpty());
        QVERIFY(day(1).isEmpty());
        QVERIFY(!day(4).isEmpty());
        const QDate today(2026, 11, 22);
        QCOMPARE(MessageModel::dayLabel(today, today), QStringLiteral("Today"));
        QCOMPARE(MessageModel::dayLabel(today.addDays(-1), today), QStringLiteral("Yesterday"));
        QVERIFY(MessageModel::dayLabel(today.addDays(-5), today).contains(QLatin1String("2026")));
    }

    void historyIsPrependedWithoutOverlap()
    {
        for (quint64 seq = 51; seq <= 60; ++seq)
            m_model->addConfirmed(message(seq, QStringLiteral("a")));
        QList<ChatMessage> older;
        for (quint64 seq = 41; seq <= 55; ++seq)
            older.append(message(seq, QStringLiteral("a")));
        m_model->prependHistory(older);
        QCOMPARE(m_model->count(), 20);
        QCOMPARE(m_model->oldestSeq(), 41u);
        QCOMPARE(m_model->latestSeq(), 60u);
    }

    void resetKeepsPending()
    {
        m_model->addConfirmed(message(7, QStringLiteral("a")));
        m_model->addPending(
            {0, {}, QStringLiteral("general"), QStringLiteral("me"), QStringLiteral("p"), base, QStringLiteral("c2")});
        m_model->resetConfirmed({message(1, QStringLiteral("z"))});
        QCOMPARE(m_model->count(), 2);
        QCOMPARE(m_model->latestSeq(), 1u);
        QVERIFY(m_model->data(m_model->index(1), MessageModel::PendingRole).toBool());
    }

private:
    std::unique_ptr<MessageModel> m_model;
};

QTEST_GUILESS_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
