// natter-loadgen: WebSocket load generator for the Natter chat server.
// See bench/README.md and `natter-loadgen --help`.

#include "common.h"
#include "options.h"
#include "procstat.h"
#include "report.h"
#include "worker.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <thread>
#include <vector>

#include <sys/resource.h>

namespace loadgen {

namespace {

// Lets every worker observe Phase::Running (they poll every 5 ms) before the
// first message is due, so no delivery arrives at a worker that has not yet
// copied the schedule.
constexpr uint64_t kStartGraceNs = 20'000'000;
constexpr auto kPollInterval = std::chrono::milliseconds(2);

// Longest single sleep of the main thread, so that SIGINT/SIGTERM are noticed promptly.
constexpr uint64_t kMaxSleepNs = 20'000'000;

constexpr int kExitNoConnection = 3;

using Workers = std::vector<std::unique_ptr<Worker>>;

volatile std::sig_atomic_t g_stop = 0;

extern "C" void on_stop_signal(int)
{
    g_stop = 1;
}

bool stop_requested()
{
    return g_stop != 0;
}

// Sleeps until the deadline, or until SIGINT/SIGTERM asks to stop.
void sleep_until_ns(uint64_t deadline_ns)
{
    while (!stop_requested()) {
        const uint64_t now = monotonic_ns();
        if (now >= deadline_ns)
            return;
        const uint64_t until = std::min(deadline_ns, now + kMaxSleepNs);
        timespec ts{};
        ts.tv_sec = time_t(until / 1'000'000'000u);
        ts.tv_nsec = long(until % 1'000'000'000u);
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr);
    }
}

void raise_fd_limit(int clients)
{
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < rlim_t(clients) + 32)
        std::fprintf(stderr, "natter-loadgen: warning: open file limit %llu is below --clients %d\n",
                     static_cast<unsigned long long>(limit.rlim_cur), clients);
}

// Tags this run's payloads so frames from earlier runs are not counted.
std::string make_run_id(uint64_t seed)
{
    constexpr std::string_view digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string id;
    Rng rng(seed);
    for (int i = 0; i < 8; ++i)
        id.push_back(digits[rng.next() % digits.size()]);
    return id;
}

// Runs one thread per worker. stop() (or leaving scope by any path, such as an
// exception) tells the workers to close their connections and joins them.
class WorkerThreads
{
public:
    WorkerThreads(SharedState &shared, const Workers &workers)
        : shared_(shared)
    {
        for (const auto &w : workers)
            threads_.emplace_back([&worker = *w] { worker.run(); });
    }
    WorkerThreads(const WorkerThreads &) = delete;
    WorkerThreads &operator=(const WorkerThreads &) = delete;
    ~WorkerThreads() { stop(); }

    void stop()
    {
        shared_.phase.store(Phase::Stopping, std::memory_order_release);
        threads_.clear(); // jthread joins
    }

private:
    SharedState &shared_;
    std::vector<std::jthread> threads_;
};

// Polls until `done` holds, or until SIGINT/SIGTERM asks to stop.
template <typename Predicate> void wait_until(Predicate done)
{
    while (!stop_requested() && !done())
        std::this_thread::sleep_for(kPollInterval);
}

uint32_t open_connections(const Workers &workers)
{
    uint32_t open = 0;
    for (const auto &w : workers)
        open += w->live().open.load(std::memory_order_relaxed);
    return open;
}

std::optional<ProcessSample> sample_server(const Options &options)
{
    return options.server_pid != 0 ? sample_process(options.server_pid) : std::nullopt;
}

void run_broadcast(const Options &options, SharedState &shared, const Workers &workers, Summary &summary)
{
    summary.receivers = open_connections(workers);
    Schedule &schedule = shared.schedule;
    schedule.start_ns = monotonic_ns() + kStartGraceNs;
    schedule.measure_ns = schedule.start_ns + seconds_to_ns(options.warmup);
    schedule.end_ns = schedule.measure_ns + seconds_to_ns(options.duration);
    shared.phase.store(Phase::Running, std::memory_order_release);

    sleep_until_ns(schedule.measure_ns);
    const double cpu_before = self_cpu_seconds();
    summary.server_before = sample_server(options);
    sleep_until_ns(schedule.end_ns);
    summary.window_cpu_seconds = self_cpu_seconds() - cpu_before;
    summary.server_after = sample_server(options);
    summary.window_seconds = double(schedule.end_ns - schedule.measure_ns) / 1e9;

    // Wait for the deliveries of the last measured messages, or give up after
    // --drain seconds; whatever has not arrived by then counts as lost.
    const uint64_t drain_deadline = schedule.end_ns + seconds_to_ns(options.drain);
    wait_until([&] {
        uint64_t sent = 0;
        uint64_t received = 0;
        for (const auto &w : workers) {
            if (!w->live().sending_done.load(std::memory_order_acquire))
                return false;
            sent += w->live().measured_sent.load(std::memory_order_relaxed);
            received += w->live().measured_received.load(std::memory_order_relaxed);
        }
        return received >= sent * summary.receivers || monotonic_ns() >= drain_deadline;
    });
}

// Receive only: wait for the senders of the run (another process) to post their end markers, then for every
// client to receive what they announced; give up --drain seconds after the markers, or --listen seconds after
// connecting when no marker comes.
void run_receive(const Options &options, const Workers &workers, Summary &summary)
{
    summary.receivers = open_connections(workers);
    summary.server_before = sample_server(options);
    const uint64_t listen_start = monotonic_ns();
    const double cpu_before = self_cpu_seconds();
    std::fprintf(stderr, "natter-loadgen: %u clients receiving run %s\n", summary.receivers, options.run_id.c_str());

    const uint64_t listen_deadline = listen_start + seconds_to_ns(options.listen);
    uint64_t drain_deadline = 0;
    uint64_t expected_per_receiver = 0;
    wait_until([&] {
        const uint64_t now = monotonic_ns();
        if (drain_deadline == 0) {
            for (const auto &w : workers) {
                const uint32_t seen = w->live().ends_seen.load(std::memory_order_acquire);
                const uint32_t senders = w->live().ends_senders.load(std::memory_order_relaxed);
                if (senders > 0 && seen >= senders) {
                    expected_per_receiver = w->live().ends_measured.load(std::memory_order_relaxed);
                    drain_deadline = now + seconds_to_ns(options.drain);
                    break;
                }
            }
            if (drain_deadline == 0)
                return now >= listen_deadline;
        }
        uint64_t received = 0;
        for (const auto &w : workers)
            received += w->live().measured_received.load(std::memory_order_relaxed);
        return received >= expected_per_receiver * summary.receivers || now >= drain_deadline;
    });
    summary.window_seconds = double(monotonic_ns() - listen_start) / 1e9;
    summary.window_cpu_seconds = self_cpu_seconds() - cpu_before;
    summary.server_after = sample_server(options);
}

// Tells a script that the connect phase is over; written under a temporary name and renamed, so a reader never
// sees half a file.
void write_ready_file(const std::string &path, uint32_t connected, int requested, double seconds)
{
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary);
        out << "{\"connected\": " << connected << ", \"requested\": " << requested << ", \"seconds\": " << seconds
            << "}\n";
        if (!out) {
            std::fprintf(stderr, "natter-loadgen: cannot write %s\n", temporary.c_str());
            return;
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0)
        std::fprintf(stderr, "natter-loadgen: cannot rename %s to %s\n", temporary.c_str(), path.c_str());
}

void run_idle(const Options &options, const Workers &workers, Summary &summary, uint64_t started_ns,
              double cpu_at_start)
{
    // Progress only; the report on stdout follows after the hold.
    std::fprintf(stderr, "natter-loadgen: %u connections open after %.3f s, holding for %g s\n",
                 open_connections(workers), summary.connect_seconds, options.hold);
    sleep_until_ns(monotonic_ns() + seconds_to_ns(options.hold));
    summary.open_at_end = open_connections(workers);
    summary.server_after = sample_server(options);
    summary.window_seconds = double(monotonic_ns() - started_ns) / 1e9;
    summary.window_cpu_seconds = self_cpu_seconds() - cpu_at_start;
}

int run(const Options &options)
{
    std::random_device entropy;
    const uint64_t seed = uint64_t(entropy()) << 32 | entropy();
    SharedState shared;
    shared.run_id = options.run_id.empty() ? make_run_id(seed) : options.run_id;

    // Client i belongs to worker i mod T, which spreads senders over threads.
    Workers workers;
    for (int t = 0; t < options.threads; ++t) {
        std::vector<uint32_t> indices;
        for (int i = t; i < options.clients; i += options.threads)
            indices.push_back(options.first_client + uint32_t(i));
        const uint64_t worker_seed = seed + uint64_t(t + 1) * 0x9e3779b97f4a7c15u;
        workers.push_back(std::make_unique<Worker>(options, shared, indices, worker_seed));
    }

    print_config(options, shared.run_id);
    Summary summary;
    summary.receive_only = options.mode == Mode::Broadcast && options.senders == 0;
    if (options.mode == Mode::Idle)
        summary.server_before = sample_server(options);
    const uint64_t started_ns = monotonic_ns();
    const double cpu_at_start = self_cpu_seconds();
    summary.started_ns = started_ns;
    shared.started_ns = started_ns;

    WorkerThreads threads(shared, workers);

    wait_until([&] {
        for (const auto &w : workers) {
            if (!w->live().connect_done.load(std::memory_order_acquire))
                return false;
        }
        return true;
    });
    summary.connect_seconds = double(monotonic_ns() - started_ns) / 1e9;
    summary.connect_cpu_seconds = self_cpu_seconds() - cpu_at_start;
    if (!options.ready_file.empty() && !stop_requested())
        write_ready_file(options.ready_file, open_connections(workers), options.clients, summary.connect_seconds);

    if (stop_requested())
        std::fprintf(stderr, "natter-loadgen: stopped by a signal while connecting\n");
    else if (summary.receive_only)
        run_receive(options, workers, summary);
    else if (options.mode == Mode::Broadcast)
        run_broadcast(options, shared, workers, summary);
    else
        run_idle(options, workers, summary, started_ns, cpu_at_start);
    summary.stopped_by_signal = stop_requested();

    // Freeze the figures while the connections stay open: with --linger, other processes measuring the same
    // broadcast finish before this one closes its connections.
    shared.phase.store(Phase::Holding, std::memory_order_release);
    for (const auto &w : workers) {
        while (!w->live().frozen.load(std::memory_order_acquire))
            std::this_thread::sleep_for(kPollInterval);
    }
    for (const auto &w : workers)
        summary.totals.merge(w->result());
    if (summary.receive_only) {
        for (const auto &[sender, count] : summary.totals.ends)
            summary.expected_per_receiver += count;
    }
    summary.total_wall_seconds = double(monotonic_ns() - started_ns) / 1e9;
    summary.total_cpu_seconds = self_cpu_seconds() - cpu_at_start;
    summary.max_rss_kb = self_max_rss_kb();

    print_connect(options, summary);
    print_results(options, summary);
    if (!options.json_file.empty() && !write_json(options, shared.run_id, summary, options.json_file))
        return 1;
    if (options.linger > 0 && !stop_requested()) {
        std::fprintf(stderr, "natter-loadgen: keeping %u connections open for up to %g s\n", open_connections(workers),
                     options.linger);
        sleep_until_ns(monotonic_ns() + seconds_to_ns(options.linger));
    }
    threads.stop();
    return summary.totals.connected > 0 ? 0 : kExitNoConnection;
}

} // namespace

} // namespace loadgen

int main(int argc, char **argv)
{
    int exit_code = 0;
    const std::optional<loadgen::Options> options = loadgen::parse_options(argc, argv, exit_code);
    if (!options)
        return exit_code;
    std::signal(SIGPIPE, SIG_IGN);
    struct sigaction stop
    {};
    stop.sa_handler = loadgen::on_stop_signal;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGINT, &stop, nullptr);
    sigaction(SIGTERM, &stop, nullptr);
    loadgen::raise_fd_limit(options->clients);
    try {
        return loadgen::run(*options);
    } catch (const std::exception &error) {
        std::fprintf(stderr, "natter-loadgen: %s\n", error.what());
        return 1;
    }
}
