#pragma once

#include "common.h"
#include "histogram.h"
#include "options.h"
#include "websocket.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct epoll_event;

namespace loadgen {

enum class Phase : int
{
    Connecting, // establish all connections, then wait
    Running,    // exchange messages on the shared schedule
    Holding,    // the figures are frozen; keep the connections open, send nothing more
    Stopping,   // close every connection and return
};

// Written by the main thread before it publishes Phase::Running (release);
// workers copy it after observing that phase (acquire).
struct Schedule
{
    uint64_t start_ns = 0;   // senders begin
    uint64_t measure_ns = 0; // measured period begins (end of warmup)
    uint64_t end_ns = 0;     // measured period ends; senders stop
};

struct SharedState
{
    std::atomic<Phase> phase{Phase::Connecting};
    Schedule schedule;
    std::string run_id;
    uint64_t started_ns = 0; // the process began connecting
};

// Progress a worker publishes once per loop iteration, polled by the main thread.
struct alignas(64) LiveCounters
{
    std::atomic<bool> connect_done{false};
    std::atomic<bool> sending_done{false}; // measured_sent is final
    std::atomic<bool> frozen{false};       // result() is final and may be read
    std::atomic<uint32_t> open{0};
    std::atomic<uint64_t> measured_sent{0};
    std::atomic<uint64_t> measured_received{0};
    // End markers: senders whose marker arrived, the sum of their measured counts, and the senders the run has.
    std::atomic<uint32_t> ends_seen{0};
    std::atomic<uint64_t> ends_measured{0};
    std::atomic<uint32_t> ends_senders{0};
};

// Deliveries of one measured message, over all clients of a worker.
struct MessageDeliveries
{
    uint32_t sender = 0;
    uint64_t count = 0;
    uint64_t sum_ns = 0;
    uint64_t max_ns = 0;
};

// Per-message figures are kept for at most this many measured messages (a slow paced run; not a saturation run).
constexpr size_t kMaxPerMessage = 1000;

// Final figures of one worker, read by the main thread after join().
struct WorkerResult
{
    uint32_t connected = 0;
    std::map<std::string, uint32_t> connect_failures; // reason -> count
    Histogram handshake_ns;                           // connect() start to 101 response
    Histogram connected_at_ns;                        // process start to 101 response

    uint64_t sent = 0;
    uint64_t measured_sent = 0;     // sent inside the measured period
    uint64_t deliveries = 0;        // this run's broadcasts received, any time
    uint64_t window_deliveries = 0; // ... received inside the measured period
    uint64_t measured_received = 0; // ... of messages sent inside the measured period
    uint64_t foreign_frames = 0;    // text frames that carry no payload of this run
    Histogram latency_ns;           // delivery latency of measured_received
    uint64_t max_send_lag_ns = 0;   // paced mode: how far behind schedule a send was
    uint64_t late_sends = 0;        // ... sends more than 1 ms behind
    // With several servers (a cluster): latency_ns split by whether the receiver is on the sender's server.
    Histogram latency_same_server_ns;
    Histogram latency_across_servers_ns;
    // Send time (CLOCK_MONOTONIC, as in the payload) -> its deliveries: shows whether latency grows during the run.
    std::map<uint64_t, MessageDeliveries> per_message;

    // End markers received: sender -> messages it sent in its measured period; and how many senders the run has.
    std::map<uint32_t, uint64_t> ends;
    uint32_t end_senders = 0;

    uint64_t pings = 0;
    std::map<std::string, uint32_t> disconnects; // open connections lost before we closed them

    void merge(const WorkerResult &other);
};

// One event-loop thread owning a subset of the client connections.
class Worker
{
public:
    Worker(const Options &options, SharedState &shared, const std::vector<uint32_t> &client_indices, uint64_t seed);
    ~Worker();
    Worker(const Worker &) = delete;
    Worker &operator=(const Worker &) = delete;

    void run();

    LiveCounters &live() { return live_; }
    // Final once live().frozen is set (Phase::Holding) or the thread has ended.
    const WorkerResult &result() const { return frozen_result_; }

private:
    struct Connection;

    void dispatch(const epoll_event *events, int count);
    void start_connects(uint64_t now);
    void begin_connect(Connection &c, uint64_t now);
    void on_connected(Connection &c);
    void check_connect_timeouts(uint64_t now);
    void fail_connect(Connection &c, const std::string &reason);

    void on_event(Connection &c, uint32_t events);
    void on_readable(Connection &c);
    size_t consume(Connection &c, std::string_view input, uint64_t now);
    size_t consume_handshake(Connection &c, std::string_view input, uint64_t now);
    void on_frame(Connection &c, const ws::Frame &frame, uint64_t now);
    void on_text(Connection &c, std::string_view text, uint64_t now);
    void on_end_marker(uint32_t sender, uint64_t measured_count, uint32_t senders);

    void send_frame(Connection &c, ws::Opcode opcode, std::string_view payload);
    uint64_t send_message(Connection &c);
    void flush(Connection &c);
    void want_write(Connection &c, bool enable);
    void drop(Connection &c, const std::string &reason);
    void close_socket(Connection &c);

    void begin_running();
    uint64_t due_ns(uint32_t sender, uint64_t nth) const;
    void pump_senders(uint64_t now);
    void send_end_markers();
    void arm_timer(uint64_t at_ns);
    void shut_down();
    void publish();
    void freeze();

    const Options &options_;
    SharedState &shared_;
    Schedule schedule_;
    Rng rng_;
    int epoll_fd_ = -1;
    int timer_fd_ = -1;
    uint64_t timer_at_ns_ = 0;

    std::vector<std::unique_ptr<Connection>> connections_;
    std::vector<Connection *> senders_;
    size_t next_to_connect_ = 0;
    size_t in_flight_ = 0; // connecting or handshaking
    size_t in_flight_limit_ = 1;
    uint64_t next_timeout_check_ns_ = 0;
    bool connect_done_ = false;
    bool running_ = false;
    bool ends_sent_ = false;
    bool stopping_ = false;
    uint32_t open_ = 0;
    uint32_t closing_ = 0;

    std::string read_buffer_; // shared by all connections of this thread
    std::string scratch_;

    LiveCounters live_;
    WorkerResult result_;
    WorkerResult frozen_result_;
    bool frozen_ = false;
};

} // namespace loadgen
