// An event dispatcher for the server's threads on Linux: epoll for socket notifiers, an eventfd for wake-ups.
#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>

#include <array>
#include <atomic>
#include <set>
#include <utility>
#include <vector>

namespace natter {

/// A QAbstractEventDispatcher whose cost per wake-up grows with the sockets that are ready, not with the sockets
/// registered. Qt's own dispatchers (glib, or poll() with QT_NO_GLIB) hand every registered socket to the kernel at
/// every wake-up: with 10,000 idle connections on a thread an echo took 12.8 ms instead of 25 us.
///
/// Install it on a thread before the thread starts: `thread->setEventDispatcher(new EpollEventDispatcher)` (the thread
/// takes ownership). Everything except wakeUp() and interrupt() is called on that thread.
///
/// * Sockets: one level-triggered epoll registration per descriptor, its mask the union of the descriptor's Read,
///   Write and Exception notifiers. Enabling or disabling a notifier is one epoll_ctl() call and allocates nothing.
///   EPOLLERR and EPOLLHUP activate every notifier of the descriptor, so its owner reads the error or the end. A
///   descriptor epoll cannot watch (a regular file) counts as always ready, as it does for poll().
/// * Wake-ups: an eventfd in the same epoll set; wakeUp() writes it at most once until the thread consumes it.
/// * Timers: Qt::PreciseTimer fires at its deadline (the wait's timeout is in nanoseconds: epoll_pwait2(), see
///   epollWait() in the .cpp); Qt::CoarseTimer fires up to 5% of its interval late, on a round time within that
///   margin so that timers of this and other threads wake the CPU together (up to 20 ms it is precise, from 20 s on
///   very coarse); Qt::VeryCoarseTimer has its interval rounded to the nearest whole second (at least one) and
///   fires on a whole second of the monotonic clock, at most 1 s late. No timer fires before its interval has
///   passed. Zero-interval timers fire at every iteration, which then does not block.
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    using QAbstractEventDispatcher::registerTimer;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    /// The notifiers of one descriptor, indexed by QSocketNotifier::Type.
    struct SocketSlot
    {
        std::array<QSocketNotifier *, 3> notifiers{};
        quint32 generation = 0; ///< Bumped whenever the descriptor enters the epoll set; tags its events.
        quint32 events = 0;     ///< The mask registered with epoll; 0 when not in the set.
        bool alwaysReady = false;
    };

    struct Timer
    {
        QObject *object = nullptr;
        qint64 requestedInterval = 0; ///< As registered, for registeredTimers().
        Qt::TimerType requestedType = Qt::CoarseTimer;
        Qt::TimerType type = Qt::PreciseTimer; ///< What it is treated as.
        qint64 intervalNs = 0;
        qint64 deadlineNs = 0; ///< Nominal: registration time plus whole intervals.
        qint64 wakeNs = 0;     ///< When it fires: the deadline, or a round time a little later.
        quint64 serial = 0;    ///< Tells a timer from a later one with the same id.
        bool inTimerEvent = false;
    };

    void updateEpoll(int fd);
    bool waitAndDispatchSockets(qint64 timeoutNs);
    bool waitForWakeUpOnly(qint64 timeoutNs);
    bool dispatchSocket(int fd, quint32 generation, quint32 events);
    bool dispatchAlwaysReady();
    bool consumeWakeUp(bool eventFdReady);
    bool activateTimers();
    qint64 nextTimerWake() const;
    static qint64 wakeTime(const Timer &timer);

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_wakeUpPending{false};
    std::atomic<bool> m_interrupted{false};

    std::vector<SocketSlot> m_sockets; ///< Indexed by descriptor.
    std::vector<int> m_alwaysReady;    ///< Descriptors epoll refused (regular files): polled at every iteration.

    QHash<int, Timer> m_timers;
    std::set<std::pair<qint64, int>> m_timerQueue;    ///< (wakeNs, timer id), soonest first.
    std::vector<std::pair<int, quint64>> m_dueTimers; ///< Scratch of activateTimers(), shared by nested calls.
    quint64 m_timerSerial = 0;
};

} // namespace natter
