#include "epolleventdispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QVarLengthArray>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

namespace natter {

namespace {

constexpr qint64 nsPerMs = 1'000'000;
constexpr qint64 nsPerSecond = 1'000'000'000;

/// The epoll tag of the eventfd; a socket's tag is (generation << 32 | descriptor), and no descriptor is 0xffffffff.
constexpr quint64 wakeUpTag = ~quint64(0);

/// Ready descriptors taken from the kernel per wait. More stay ready (level-triggered) and come with the next wait;
/// the kernel hands them out round robin, so none is starved.
constexpr int maxEventsPerWait = 256;

/// Which ready events activate which notifier (indexed by QSocketNotifier::Type). An error or a hang-up activates
/// all of them: the owner then reads the error or the end of the stream, and a dead descriptor does not keep the loop
/// spinning behind a notifier that never hears of it.
constexpr std::array<quint32, 3> activatingEvents{
    EPOLLIN | EPOLLERR | EPOLLHUP,
    EPOLLOUT | EPOLLERR | EPOLLHUP,
    EPOLLPRI | EPOLLERR | EPOLLHUP,
};
constexpr std::array<quint32, 3> requestedEvents{EPOLLIN, EPOLLOUT, EPOLLPRI};

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * nsPerSecond + now.tv_nsec;
}

timespec toTimespec(qint64 ns)
{
    return timespec{time_t(ns / nsPerSecond), long(ns % nsPerSecond)};
}

quint64 socketTag(int fd, quint32 generation)
{
    return quint64(generation) << 32 | quint32(fd);
}

/// The first multiple of `step` at or after `ns`.
qint64 roundUp(qint64 ns, qint64 step)
{
    return (ns + step - 1) / step * step;
}

/// A coarse timer may fire up to 5% of its interval after its deadline. Within that margin it fires on the roundest
/// time there is (a whole second, else a half second, ... else a whole millisecond), so that coarse timers of any
/// thread or process that fall due near each other wake the CPU once rather than each on its own.
qint64 coarseWake(qint64 deadlineNs, qint64 intervalNs)
{
    const qint64 latest = deadlineNs + intervalNs / 20;
    for (const qint64 stepMs : {1000, 500, 250, 200, 100, 50, 25, 10, 5, 2, 1}) {
        const qint64 wake = roundUp(deadlineNs, stepMs * nsPerMs);
        if (wake <= latest)
            return wake;
    }
    return deadlineNs;
}

// Timeouts. epoll_pwait2() (Linux 5.11, glibc 2.35) takes a timespec, so a precise timer is met to the microsecond by
// the one system call each iteration makes anyway. A timerfd in the epoll set would be as precise but costs a
// timerfd_settime() whenever the soonest deadline changes (at every firing of a repeating timer) and a read() at
// every expiry; epoll_wait()'s millisecond timeout alone would let a 1 ms timer fire up to 1 ms late. Where the kernel
// lacks epoll_pwait2() (or a seccomp filter forbids it) the timeout is rounded up to whole milliseconds instead.
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35))
#define NATTER_HAVE_EPOLL_PWAIT2 1
std::atomic<bool> epollPwait2Works{true};
#endif

int epollWait(int epoll, epoll_event *events, qint64 timeoutNs)
{
#ifdef NATTER_HAVE_EPOLL_PWAIT2
    if (epollPwait2Works.load(std::memory_order_relaxed)) {
        timespec timeout{};
        if (timeoutNs >= 0)
            timeout = toTimespec(timeoutNs);
        const int count = epoll_pwait2(epoll, events, maxEventsPerWait, timeoutNs >= 0 ? &timeout : nullptr, nullptr);
        if (count >= 0 || (errno != ENOSYS && errno != EPERM))
            return count;
        epollPwait2Works.store(false, std::memory_order_relaxed);
    }
#endif
    const int timeoutMs = timeoutNs < 0 ? -1 : int(std::min<qint64>((timeoutNs + nsPerMs - 1) / nsPerMs, INT_MAX));
    return epoll_wait(epoll, events, maxEventsPerWait, timeoutMs);
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        qFatal("EpollEventDispatcher: epoll_create1() failed: %s", strerror(errno));
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wakeFd < 0)
        qFatal("EpollEventDispatcher: eventfd() failed: %s", strerror(errno));
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = wakeUpTag;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) < 0)
        qFatal("EpollEventDispatcher: cannot watch its eventfd: %s", strerror(errno));
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false, std::memory_order_relaxed);
    emit awake();

    // The wake-up is consumed before the posted events are sent: an event posted from here on writes the eventfd
    // again, so the wait below cannot sleep over it. Events posted while they are being sent wait for the next
    // iteration (Qt sends only those posted before), so an endless stream of them does not starve sockets or timers.
    bool didWork = consumeWakeUp(false);
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    const bool includeSockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    const bool mayBlock =
        flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupted.load(std::memory_order_relaxed);
    if (mayBlock)
        emit aboutToBlock();
    if (m_interrupted.load(std::memory_order_relaxed))
        return false;

    qint64 timeoutNs = 0;
    if (mayBlock && !(includeSockets && !m_alwaysReady.empty())) {
        timeoutNs = -1;
        if (includeTimers) {
            const qint64 wake = nextTimerWake();
            if (wake >= 0)
                timeoutNs = std::max<qint64>(0, wake - monotonicNs());
        }
    }

    didWork |= includeSockets ? waitAndDispatchSockets(timeoutNs) : waitForWakeUpOnly(timeoutNs);
    // A quit() while waiting returns at once; what is ready stays ready for the loop that runs next.
    if (m_interrupted.load(std::memory_order_relaxed))
        return didWork;
    if (includeTimers)
        didWork |= activateTimers();
    return didWork;
}

bool EpollEventDispatcher::waitAndDispatchSockets(qint64 timeoutNs)
{
    // On the stack, not a member: a notifier's handler may run a nested event loop, which waits with its own batch.
    epoll_event events[maxEventsPerWait];
    const int count = epollWait(m_epoll, events, timeoutNs);
    if (count < 0) {
        if (errno != EINTR)
            qErrnoWarning("EpollEventDispatcher: epoll_wait");
        return false;
    }
    bool didWork = false;
    const bool interrupted = m_interrupted.load(std::memory_order_relaxed);
    for (int i = 0; i < count; ++i) {
        const quint64 tag = events[i].data.u64;
        if (tag == wakeUpTag)
            didWork |= consumeWakeUp(true);
        else if (!interrupted)
            didWork |= dispatchSocket(int(quint32(tag)), quint32(tag >> 32), events[i].events);
    }
    if (!interrupted && !m_alwaysReady.empty())
        didWork |= dispatchAlwaysReady();
    return didWork;
}

bool EpollEventDispatcher::waitForWakeUpOnly(qint64 timeoutNs)
{
    pollfd wake{m_wakeFd, POLLIN, 0};
    const timespec timeout = toTimespec(std::max<qint64>(timeoutNs, 0));
    const int count = ppoll(&wake, 1, timeoutNs >= 0 ? &timeout : nullptr, nullptr);
    if (count < 0 && errno != EINTR)
        qErrnoWarning("EpollEventDispatcher: ppoll");
    return count > 0 && consumeWakeUp(true);
}

bool EpollEventDispatcher::consumeWakeUp(bool eventFdReady)
{
    if (!eventFdReady && !m_wakeUpPending.load(std::memory_order_relaxed))
        return false;
    // The eventfd is read first, the flag cleared after, and posted events are sent after both (at the start of the
    // next processEvents() if not of this one). A wakeUp() between the two finds the flag still set and writes
    // nothing, but its event was posted before it, and the exchange here (paired with the one in wakeUp()) makes that
    // event visible to the sendPostedEvents() that follows. The other order would lose wake-ups: a wakeUp() between
    // clearing and reading would set the flag and have its write read here, leaving the flag set over an empty
    // eventfd, so that every later wakeUp() wrote nothing.
    quint64 count = 0;
    while (::read(m_wakeFd, &count, sizeof count) < 0 && errno == EINTR) {
    }
    m_wakeUpPending.exchange(false, std::memory_order_acq_rel);
    return true;
}

bool EpollEventDispatcher::dispatchSocket(int fd, quint32 generation, quint32 events)
{
    bool activated = false;
    for (int type = QSocketNotifier::Read; type <= QSocketNotifier::Exception; ++type) {
        if (!(events & activatingEvents[size_t(type)]))
            continue;
        // Looked up afresh for each notifier: the handler of the one before may have removed notifiers (this
        // descriptor's or one later in the batch), closed the descriptor and opened another under its number (a new
        // generation, whose readiness the next wait reports), or grown m_sockets.
        if (size_t(fd) >= m_sockets.size() || m_sockets[size_t(fd)].generation != generation)
            return activated;
        QSocketNotifier *notifier = m_sockets[size_t(fd)].notifiers[size_t(type)];
        if (!notifier)
            continue;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &event);
        activated = true;
    }
    return activated;
}

bool EpollEventDispatcher::dispatchAlwaysReady()
{
    // poll() reports a regular file readable and writable at all times; so do these.
    const QVarLengthArray<int, 8> fds(m_alwaysReady.begin(), m_alwaysReady.end());
    bool activated = false;
    for (const int fd : fds) {
        if (size_t(fd) < m_sockets.size() && m_sockets[size_t(fd)].alwaysReady)
            activated |= dispatchSocket(fd, m_sockets[size_t(fd)].generation, EPOLLIN | EPOLLOUT);
    }
    return activated;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const qintptr fd = notifier->socket();
    const int type = notifier->type();
    if (fd < 0 || fd >= INT_MAX || type < QSocketNotifier::Read || type > QSocketNotifier::Exception) {
        qWarning("EpollEventDispatcher: invalid socket notifier (descriptor %lld, type %d)", qlonglong(fd), type);
        return;
    }
    if (size_t(fd) >= m_sockets.size())
        m_sockets.resize(size_t(fd) + 1);
    QSocketNotifier *&slot = m_sockets[size_t(fd)].notifiers[size_t(type)];
    if (slot && slot != notifier)
        qWarning("EpollEventDispatcher: multiple socket notifiers for descriptor %d and type %d", int(fd), type);
    slot = notifier;
    updateEpoll(int(fd));
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const qintptr fd = notifier->socket();
    const int type = notifier->type();
    if (fd < 0 || size_t(fd) >= m_sockets.size() || type < QSocketNotifier::Read || type > QSocketNotifier::Exception)
        return;
    QSocketNotifier *&slot = m_sockets[size_t(fd)].notifiers[size_t(type)];
    if (slot != notifier)
        return;
    slot = nullptr;
    updateEpoll(int(fd));
}

void EpollEventDispatcher::updateEpoll(int fd)
{
    SocketSlot &slot = m_sockets[size_t(fd)];
    quint32 wanted = 0;
    for (size_t type = 0; type < slot.notifiers.size(); ++type) {
        if (slot.notifiers[type])
            wanted |= requestedEvents[type];
    }
    if (slot.alwaysReady) {
        if (wanted == 0) {
            slot.alwaysReady = false;
            m_alwaysReady.erase(std::find(m_alwaysReady.begin(), m_alwaysReady.end(), fd));
        }
        return;
    }
    if (wanted == slot.events)
        return;

    if (wanted == 0) {
        // Not left in the set with an empty mask: epoll reports errors and hang-ups regardless of the mask, and
        // nobody would be listening. A descriptor closed while watched has already left the set by itself.
        if (epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr) < 0 && errno != EBADF && errno != ENOENT)
            qErrnoWarning("EpollEventDispatcher: epoll_ctl(DEL, %d)", fd);
        slot.events = 0;
        return;
    }

    epoll_event event{};
    event.events = wanted;
    int result = -1;
    if (slot.events != 0) {
        event.data.u64 = socketTag(fd, slot.generation);
        result = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
    }
    // Not in the set yet, or no longer: it was closed while watched and its number now names another descriptor.
    if (slot.events == 0 || (result < 0 && errno == ENOENT)) {
        event.data.u64 = socketTag(fd, ++slot.generation);
        result = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        if (result < 0 && errno == EEXIST)
            result = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
    }
    if (result == 0) {
        slot.events = wanted;
        return;
    }
    slot.events = 0;
    if (errno == EPERM) {
        // epoll refuses regular files and directories, which poll() reports always ready.
        slot.alwaysReady = true;
        m_alwaysReady.push_back(fd);
        return;
    }
    qErrnoWarning("EpollEventDispatcher: cannot watch descriptor %d", fd);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId < 1 || interval < 0 || !object) {
        qWarning("EpollEventDispatcher: invalid timer (id %d, interval %lld)", timerId, qlonglong(interval));
        return;
    }
    Timer timer;
    timer.object = object;
    timer.requestedInterval = interval;
    timer.requestedType = timerType;
    timer.type = timerType;
    qint64 intervalMs = interval;
    if (timerType == Qt::CoarseTimer) {
        // 5% of 20 ms is under a millisecond, 5% of 20 s over a second.
        if (interval <= 20)
            timer.type = Qt::PreciseTimer;
        else if (interval >= 20'000)
            timer.type = Qt::VeryCoarseTimer;
    }
    if (timer.type == Qt::VeryCoarseTimer) {
        if (interval == 0)
            timer.type = Qt::PreciseTimer;
        else
            intervalMs = std::max<qint64>(1, (interval + 500) / 1000) * 1000;
    }
    timer.intervalNs = intervalMs * nsPerMs;
    timer.deadlineNs = monotonicNs() + timer.intervalNs;
    timer.wakeNs = wakeTime(timer);
    timer.serial = ++m_timerSerial;

    const auto existing = m_timers.constFind(timerId);
    if (existing != m_timers.cend()) {
        qWarning("EpollEventDispatcher: timer id %d registered twice", timerId);
        m_timerQueue.erase({existing->wakeNs, timerId});
    }
    m_timers.insert(timerId, timer);
    m_timerQueue.emplace(timer.wakeNs, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_timerQueue.erase({it->wakeNs, timerId});
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    // Listed first, removed after: removing from a QHash while iterating over it may skip entries.
    QVarLengthArray<int, 8> timerIds;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->object == object)
            timerIds.append(it.key());
    }
    for (const int timerId : timerIds)
        unregisterTimer(timerId);
    return !timerIds.isEmpty();
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    // What was asked for, not what it became: QObject::moveToThread() registers these again on the new thread.
    QList<TimerInfo> timers;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->object == object)
            timers.append(TimerInfo(it.key(), int(it->requestedInterval), it->requestedType));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    const qint64 left = it->wakeNs - monotonicNs();
    return left <= 0 ? 0 : int(std::min<qint64>((left + nsPerMs - 1) / nsPerMs, INT_MAX));
}

qint64 EpollEventDispatcher::wakeTime(const Timer &timer)
{
    switch (timer.type) {
    case Qt::PreciseTimer:
        return timer.deadlineNs;
    case Qt::CoarseTimer:
        return coarseWake(timer.deadlineNs, timer.intervalNs);
    case Qt::VeryCoarseTimer:
        return roundUp(timer.deadlineNs, nsPerSecond);
    }
    return timer.deadlineNs;
}

qint64 EpollEventDispatcher::nextTimerWake() const
{
    // A timer whose timerEvent() is running (and runs this nested loop) does not fire again until it returns.
    for (const auto &[wakeNs, timerId] : m_timerQueue) {
        if (!m_timers.constFind(timerId)->inTimerEvent)
            return wakeNs;
    }
    return -1;
}

bool EpollEventDispatcher::activateTimers()
{
    if (m_timerQueue.empty())
        return false;
    const qint64 now = monotonicNs();
    // The due timers are listed first, then fired: timers registered meanwhile (or registered again under the same
    // id, hence the serial) wait for the next iteration, so a zero-interval timer that starts another cannot keep
    // this loop going. Nested calls append behind and cut back to where they began.
    const size_t begin = m_dueTimers.size();
    for (const auto &[wakeNs, timerId] : m_timerQueue) {
        if (wakeNs > now)
            break;
        const auto it = m_timers.constFind(timerId);
        if (!it->inTimerEvent)
            m_dueTimers.emplace_back(timerId, it->serial);
    }
    const size_t end = m_dueTimers.size();

    bool fired = false;
    for (size_t i = begin; i < end; ++i) {
        const auto [timerId, serial] = m_dueTimers[i];
        auto it = m_timers.find(timerId);
        if (it == m_timers.end() || it->serial != serial || it->inTimerEvent)
            continue; // unregistered by an earlier timer's handler
        // The next deadline is set before the event: its handler may read remainingTime(), stop or restart it.
        it->deadlineNs += it->intervalNs;
        if (it->deadlineNs < now) // late by more than an interval: the missed firings are dropped
            it->deadlineNs = now + it->intervalNs;
        const qint64 wakeNs = wakeTime(*it);
        if (wakeNs != it->wakeNs) {
            auto node = m_timerQueue.extract({it->wakeNs, timerId});
            node.value().first = wakeNs;
            m_timerQueue.insert(std::move(node));
            it->wakeNs = wakeNs;
        }
        it->inTimerEvent = true;
        QTimerEvent event(timerId);
        QCoreApplication::sendEvent(it->object, &event);
        fired = true;
        it = m_timers.find(timerId);
        if (it != m_timers.end() && it->serial == serial)
            it->inTimerEvent = false;
    }
    m_dueTimers.resize(begin);
    return fired;
}

void EpollEventDispatcher::wakeUp()
{
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel))
        return; // already written and not consumed yet
    const quint64 one = 1;
    while (::write(m_wakeFd, &one, sizeof one) < 0 && errno == EINTR) {
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true, std::memory_order_relaxed);
    wakeUp();
}

} // namespace natter
