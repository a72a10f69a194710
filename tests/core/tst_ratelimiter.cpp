#include "ratelimiter.h"

#include <QTest>

using natter::RateLimiter;

class tst_RateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void burstThenRefusal_data();
    void burstThenRefusal();
    void refillOverTime();
    void refillCappedAtBurst();
    void steadyRateAccepted_data();
    void steadyRateAccepted();
    void timeGoingBackwardsDoesNotRefill();
    void rateZeroIsUnlimited_data();
    void rateZeroIsUnlimited();
};

void tst_RateLimiter::burstThenRefusal_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("burst");
    QTest::addColumn<int>("accepted");
    QTest::addColumn<qint64>("startMs");

    QTest::addRow("burst 5") << 1.0 << 5.0 << 5 << qint64(0);
    QTest::addRow("burst 1") << 10.0 << 1.0 << 1 << qint64(0);
    QTest::addRow("burst 20, slow rate") << 0.5 << 20.0 << 20 << qint64(0);
    QTest::addRow("fractional burst rounds down") << 100.0 << 2.5 << 2 << qint64(0);
    QTest::addRow("burst 0 means 1") << 10.0 << 0.0 << 1 << qint64(0);
    QTest::addRow("negative burst means 1") << 10.0 << -4.0 << 1 << qint64(0);
    QTest::addRow("clock far from zero") << 3.0 << 4.0 << 4 << qint64(86'400'000'000);
}

void tst_RateLimiter::burstThenRefusal()
{
    QFETCH(double, rate);
    QFETCH(double, burst);
    QFETCH(int, accepted);
    QFETCH(qint64, startMs);

    RateLimiter limiter(rate, burst);
    for (int i = 0; i < accepted; ++i)
        QVERIFY2(limiter.tryAcquire(startMs), QByteArray::number(i).constData());
    // All at the same instant: no refill, so everything after the burst is refused.
    for (int i = 0; i < 5; ++i)
        QVERIFY(!limiter.tryAcquire(startMs));
}

void tst_RateLimiter::refillOverTime()
{
    // 4 tokens a second: one every 250 ms. Check points stay well away from whole tokens.
    RateLimiter limiter(4.0, 2.0);
    QVERIFY(limiter.tryAcquire(1000));
    QVERIFY(limiter.tryAcquire(1000));
    QVERIFY(!limiter.tryAcquire(1000));

    QVERIFY(!limiter.tryAcquire(1200)); // 0.8 tokens
    QVERIFY(limiter.tryAcquire(1300));  // 1.2 tokens, 0.2 left
    QVERIFY(!limiter.tryAcquire(1300));
    QVERIFY(!limiter.tryAcquire(1400)); // 0.6
    QVERIFY(limiter.tryAcquire(1600));  // 1.4, 0.4 left
    QVERIFY(!limiter.tryAcquire(1650)); // 0.6
    QVERIFY(limiter.tryAcquire(2000));  // 2.0 (the cap), 1 left
    QVERIFY(limiter.tryAcquire(2000));  // 0 left
    QVERIFY(!limiter.tryAcquire(2000));
}

void tst_RateLimiter::refillCappedAtBurst()
{
    RateLimiter limiter(10.0, 3.0);
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.tryAcquire(0));
    QVERIFY(!limiter.tryAcquire(0));

    // An hour of silence refills only up to the burst.
    const qint64 later = 3'600'000;
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.tryAcquire(later));
    QVERIFY(!limiter.tryAcquire(later));
}

void tst_RateLimiter::steadyRateAccepted_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<qint64>("intervalMs");

    QTest::addRow("10/s every 100 ms") << 10.0 << qint64(100);
    QTest::addRow("1/s every second") << 1.0 << qint64(1000);
    QTest::addRow("2/s every 500 ms") << 2.0 << qint64(500);
    QTest::addRow("1000/s every ms") << 1000.0 << qint64(1);
}

void tst_RateLimiter::steadyRateAccepted()
{
    QFETCH(double, rate);
    QFETCH(qint64, intervalMs);

    RateLimiter limiter(rate, 1.0);
    qint64 now = 5000;
    for (int i = 0; i < 200; ++i) {
        QVERIFY2(limiter.tryAcquire(now), QByteArray::number(i).constData());
        // Twice as fast as allowed: the extra one in between is refused.
        QVERIFY2(!limiter.tryAcquire(now + intervalMs / 2), QByteArray::number(i).constData());
        now += intervalMs;
    }
}

void tst_RateLimiter::timeGoingBackwardsDoesNotRefill()
{
    RateLimiter limiter(1.0, 1.0);
    QVERIFY(limiter.tryAcquire(10'000));
    QVERIFY(!limiter.tryAcquire(10'000));
    QVERIFY(!limiter.tryAcquire(5'000)); // an earlier reading
    QVERIFY(!limiter.tryAcquire(0));
    // Time is measured from the latest reading seen, not from the earlier ones.
    QVERIFY(!limiter.tryAcquire(10'500));
    QVERIFY(limiter.tryAcquire(11'100));
}

void tst_RateLimiter::rateZeroIsUnlimited_data()
{
    QTest::addColumn<double>("burst");

    QTest::addRow("burst 1") << 1.0;
    QTest::addRow("burst 0") << 0.0;
    QTest::addRow("burst 100") << 100.0;
}

void tst_RateLimiter::rateZeroIsUnlimited()
{
    QFETCH(double, burst);

    RateLimiter limiter(0.0, burst);
    for (int i = 0; i < 10'000; ++i)
        QVERIFY(limiter.tryAcquire(42));
    for (qint64 t = 0; t < 1000; ++t)
        QVERIFY(limiter.tryAcquire(t));
    QVERIFY(limiter.tryAcquire(0));
}

QTEST_APPLESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
