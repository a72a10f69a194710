#include "worker.h"

#include "payload.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <limits>
#include <optional>
#include <system_error>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

namespace loadgen {

namespace {

constexpr size_t kReadChunk = 256 * 1024;
// Bytes taken from one socket per wake-up before serving the others.
constexpr size_t kReadBudget = 1024 * 1024;
constexpr int kMaxEvents = 512;
// Longest epoll_wait, so that phase changes are noticed within a few ms.
constexpr int kPollIntervalMs = 5;
constexpr uint64_t kTimeoutCheckIntervalNs = 50'000'000;
constexpr uint64_t kCloseGraceNs = 2'000'000'000;
constexpr uint64_t kLateSendNs = 1'000'000;

std::string errno_name(int error)
{
    const char *name = strerrorname_np(error);
    return name ? name : "errno " + std::to_string(error);
}

std::string percent_encode(std::string_view text)
{
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        if (std::isalnum(byte) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(hex[byte >> 4]);
            out.push_back(hex[byte & 15]);
        }
    }
    return out;
}

[[noreturn]] void fatal(const char *what)
{
    throw std::system_error(errno, std::generic_category(), what);
}

} // namespace

enum class State : uint8_t
{
    Pending,
    Connecting,
    Handshaking,
    Open,
    Closing,
    Closed
};

struct Worker::Connection
{
    uint32_t index = 0;
    State state = State::Pending;
    bool writing = false; // EPOLLOUT is registered
    int fd = -1;
    uint64_t started_ns = 0;
    std::string expected_accept;
    std::string pending; // received bytes not yet parsed (partial frame)
    std::string out;     // bytes the kernel has not accepted yet
    size_t out_offset = 0;
    std::string fragments; // payload of an unfinished fragmented message
    ws::Opcode fragment_opcode = ws::Opcode::Continuation;
    // Only used by senders.
    uint64_t sent = 0;
    uint64_t measured = 0; // sent inside the measured period
    uint64_t next_due_ns = 0;
    uint32_t in_flight = 0;
};

Worker::Worker(const Options &options, SharedState &shared, const std::vector<uint32_t> &client_indices, uint64_t seed)
    : options_(options)
    , shared_(shared)
    , rng_(seed)
{
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_fd_ < 0)
        fatal("epoll_create1");
    timer_fd_ = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (timer_fd_ < 0)
        fatal("timerfd_create");
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.ptr = nullptr; // connections are told apart by a non-null pointer
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, timer_fd_, &event) < 0)
        fatal("epoll_ctl");

    connections_.reserve(client_indices.size());
    for (const uint32_t index : client_indices) {
        auto connection = std::make_unique<Connection>();
        connection->index = index;
        if (options.mode == Mode::Broadcast && index - options.first_client < uint32_t(options.senders))
            senders_.push_back(connection.get());
        connections_.push_back(std::move(connection));
    }
    in_flight_limit_ = std::max<size_t>(1, size_t(options.connect_concurrency / options.threads));
    read_buffer_.resize(kReadChunk);
}

Worker::~Worker()
{
    for (const auto &c : connections_) {
        if (c->fd >= 0)
            close(c->fd);
    }
    close(timer_fd_);
    close(epoll_fd_);
}

void Worker::run()
{
    std::array<epoll_event, kMaxEvents> events{};
    for (;;) {
        const uint64_t now = monotonic_ns();
        const Phase phase = shared_.phase.load(std::memory_order_acquire);
        if (phase == Phase::Stopping)
            break;
        if (phase == Phase::Running && !running_)
            begin_running();
        if (phase == Phase::Holding && !frozen_)
            freeze();
        if (!connect_done_) {
            start_connects(now);
            check_connect_timeouts(now);
        }
        if (running_ && !frozen_)
            pump_senders(now);
        publish();

        const int count = epoll_wait(epoll_fd_, events.data(), kMaxEvents, kPollIntervalMs);
        if (count < 0 && errno != EINTR)
            fatal("epoll_wait");
        dispatch(events.data(), count);
    }
    if (!frozen_)
        freeze();
    shut_down();
    publish();
}

// What happens from here on (closing included) is not part of the report.
void Worker::freeze()
{
    frozen_ = true;
    frozen_result_ = result_;
    live_.frozen.store(true, std::memory_order_release);
}

void Worker::dispatch(const epoll_event *events, int count)
{
    for (int i = 0; i < count; ++i) {
        if (events[i].data.ptr == nullptr) {
            // Timer expiry: clear it; senders are pumped at the top of the loop.
            uint64_t expirations = 0;
            [[maybe_unused]] const ssize_t n = read(timer_fd_, &expirations, sizeof expirations);
            continue;
        }
        on_event(*static_cast<Connection *>(events[i].data.ptr), events[i].events);
    }
}

void Worker::publish()
{
    live_.open.store(open_, std::memory_order_relaxed);
    live_.measured_sent.store(result_.measured_sent, std::memory_order_relaxed);
    live_.measured_received.store(result_.measured_received, std::memory_order_relaxed);
    if (live_.ends_seen.load(std::memory_order_relaxed) != result_.ends.size()) {
        uint64_t measured = 0;
        for (const auto &[sender, count] : result_.ends)
            measured += count;
        live_.ends_measured.store(measured, std::memory_order_relaxed);
        live_.ends_senders.store(result_.end_senders, std::memory_order_relaxed);
        live_.ends_seen.store(uint32_t(result_.ends.size()), std::memory_order_release);
    }
    if (!connect_done_ && next_to_connect_ == connections_.size() && in_flight_ == 0) {
        connect_done_ = true;
        live_.connect_done.store(true, std::memory_order_release);
    }
    // measured_sent is final once the sending period is over.
    if (running_ && !live_.sending_done.load(std::memory_order_relaxed) && monotonic_ns() >= schedule_.end_ns)
        live_.sending_done.store(true, std::memory_order_release);
}

// --- connection setup -------------------------------------------------------

void Worker::start_connects(uint64_t now)
{
    while (in_flight_ < in_flight_limit_ && next_to_connect_ < connections_.size())
        begin_connect(*connections_[next_to_connect_++], now);
}

void Worker::begin_connect(Connection &c, uint64_t now)
{
    ++in_flight_;
    c.started_ns = now;
    c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        fail_connect(c, "socket: " + errno_name(errno));
        return;
    }
    const int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (!options_.source_ips.empty()) {
        // Defer the port choice to connect(), which only needs the 4-tuple to
        // be unique; bind() alone would reserve a port per address for every
        // destination and exhaust the range early.
        setsockopt(c.fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr = options_.source_ips[c.index % options_.source_ips.size()];
        if (bind(c.fd, reinterpret_cast<const sockaddr *>(&local), sizeof local) < 0) {
            fail_connect(c, "bind: " + errno_name(errno));
            return;
        }
    }

    epoll_event event{};
    event.events = EPOLLIN | EPOLLOUT;
    event.data.ptr = &c;
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, c.fd, &event) < 0)
        fatal("epoll_ctl");
    c.writing = true;
    c.state = State::Connecting;
    // Completion, immediate or not, is reported as EPOLLOUT.
    const sockaddr_in &server = options_.endpoints[c.index % options_.endpoints.size()].server;
    if (connect(c.fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) < 0 && errno != EINPROGRESS)
        fail_connect(c, "connect: " + errno_name(errno));
}

void Worker::on_connected(Connection &c)
{
    c.state = State::Handshaking;
    const ws::HandshakeKey key = ws::make_handshake_key(rng_);
    c.expected_accept = key.expected_accept;
    const std::string room =
        options_.rooms > 1 ? options_.room + "-" + std::to_string(c.index % uint32_t(options_.rooms)) : options_.room;
    const Options::Endpoint &endpoint = options_.endpoints[c.index % options_.endpoints.size()];
    const std::string target = endpoint.path + "?room=" + percent_encode(room) + "&user=u" + std::to_string(c.index);
    c.out = ws::upgrade_request(endpoint.host_header, target, key.key);
    c.out_offset = 0;
    flush(c);
}

void Worker::check_connect_timeouts(uint64_t now)
{
    if (now < next_timeout_check_ns_)
        return;
    next_timeout_check_ns_ = now + kTimeoutCheckIntervalNs;
    const uint64_t limit = seconds_to_ns(options_.connect_timeout);
    for (const auto &c : connections_) {
        if ((c->state == State::Connecting || c->state == State::Handshaking) && now - c->started_ns > limit)
            fail_connect(*c, c->state == State::Connecting ? "connect timeout" : "handshake timeout");
    }
}

void Worker::fail_connect(Connection &c, const std::string &reason)
{
    ++result_.connect_failures[reason];
    --in_flight_;
    close_socket(c);
}

size_t Worker::consume_handshake(Connection &c, std::string_view input, uint64_t now)
{
    const ws::HandshakeResult response = ws::parse_upgrade_response(input, c.expected_accept);
    switch (response.status) {
    case ws::HandshakeStatus::Incomplete:
        return 0;
    case ws::HandshakeStatus::Rejected:
        fail_connect(c, response.error);
        return input.size();
    case ws::HandshakeStatus::Accepted:
        break;
    }
    c.state = State::Open;
    c.expected_accept = {};
    ++open_;
    --in_flight_;
    ++result_.connected;
    result_.handshake_ns.record(now - c.started_ns);
    result_.connected_at_ns.record(now - shared_.started_ns);
    return response.header_size;
}

// --- I/O ----------------------------------------------------------------------

void Worker::on_event(Connection &c, uint32_t events)
{
    switch (c.state) {
    case State::Pending:
    case State::Closed:
        return; // closed earlier in the same batch of events
    case State::Connecting: {
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0)
            fail_connect(c, "connect: " + errno_name(error));
        else
            on_connected(c);
        return;
    }
    case State::Handshaking:
    case State::Open:
    case State::Closing:
        if (events & EPOLLOUT)
            flush(c);
        if (c.state != State::Closed && (events & (EPOLLIN | EPOLLERR | EPOLLHUP)))
            on_readable(c);
        return;
    }
}

void Worker::on_readable(Connection &c)
{
    // Read eagerly: the server may drop clients that fall behind.
    size_t budget = kReadBudget;
    while (c.state != State::Closed) {
        const ssize_t n = recv(c.fd, read_buffer_.data(), read_buffer_.size(), 0);
        if (n == 0) {
            drop(c, "eof");
            return;
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                drop(c, errno_name(errno));
            return;
        }
        const uint64_t now = monotonic_ns();
        const std::string_view data(read_buffer_.data(), size_t(n));
        // Parse straight from the shared buffer; only a trailing partial frame
        // is copied into the connection, which keeps idle connections small.
        if (c.pending.empty()) {
            const size_t used = consume(c, data, now);
            if (c.state != State::Closed && used < data.size())
                c.pending.assign(data.substr(used));
        } else {
            c.pending.append(data);
            const size_t used = consume(c, c.pending, now);
            if (c.state != State::Closed)
                c.pending.erase(0, used);
        }
        if (size_t(n) < read_buffer_.size() || size_t(n) >= budget)
            return; // drained, or fair share used: level-triggered epoll calls again
        budget -= size_t(n);
    }
}

size_t Worker::consume(Connection &c, std::string_view input, uint64_t now)
{
    size_t used = 0;
    if (c.state == State::Handshaking) {
        used = consume_handshake(c, input, now);
        if (c.state != State::Open)
            return used;
    }
    // on_frame may close the connection, which frees `input` if it is c.pending.
    while (c.state == State::Open || c.state == State::Closing) {
        ws::Frame frame;
        const ws::FrameStatus status = ws::parse_frame(input.substr(used), frame);
        if (status == ws::FrameStatus::Incomplete)
            break;
        if (status == ws::FrameStatus::ProtocolError) {
            drop(c, "protocol error");
            break;
        }
        used += frame.size;
        on_frame(c, frame, now);
    }
    return used;
}

void Worker::on_frame(Connection &c, const ws::Frame &frame, uint64_t now)
{
    switch (frame.opcode) {
    case ws::Opcode::Ping:
        ++result_.pings;
        if (c.state == State::Open)
            send_frame(c, ws::Opcode::Pong, frame.payload);
        return;
    case ws::Opcode::Pong:
        return;
    case ws::Opcode::Close:
        if (c.state == State::Open) {
            const int code = ws::close_code(frame.payload);
            if (!stopping_)
                ++result_.disconnects["close " + std::to_string(code)];
            // Echo the status (RFC 6455 5.5.1) before dropping the TCP connection.
            send_frame(c, ws::Opcode::Close, ws::close_payload(code == ws::kCloseNoStatus ? ws::kCloseNormal : code));
        }
        close_socket(c);
        return;
    case ws::Opcode::Text:
    case ws::Opcode::Binary:
        if (!frame.fin) {
            c.fragments.assign(frame.payload);
            c.fragment_opcode = frame.opcode;
        } else if (frame.opcode == ws::Opcode::Text && c.state == State::Open) {
            on_text(c, frame.payload, now);
        }
        return;
    case ws::Opcode::Continuation:
        c.fragments.append(frame.payload);
        if (frame.fin) {
            if (c.fragment_opcode == ws::Opcode::Text && c.state == State::Open)
                on_text(c, c.fragments, now);
            c.fragments.clear();
        }
        return;
    }
    drop(c, "protocol error"); // reserved opcode
}

void Worker::on_text(Connection &c, std::string_view text, uint64_t now)
{
    const std::optional<PayloadInfo> info = parse_delivery(text, shared_.run_id);
    if (!info) {
        ++result_.foreign_frames;
        return;
    }
    if (info->kind == PayloadInfo::Kind::End) {
        on_end_marker(info->sender, info->measured_count, info->senders);
        return;
    }
    ++result_.deliveries;
    if (running_ && now >= schedule_.measure_ns && now < schedule_.end_ns)
        ++result_.window_deliveries;
    // The sender marks what it sent inside its measured period; receivers in other processes do not know its schedule.
    if (info->measured) {
        ++result_.measured_received;
        const uint64_t latency = now > info->send_ns ? now - info->send_ns : 0;
        result_.latency_ns.record(latency);
        auto message = result_.per_message.find(info->send_ns);
        if (message == result_.per_message.end() && result_.per_message.size() < kMaxPerMessage)
            message = result_.per_message.emplace(info->send_ns, MessageDeliveries{info->sender, 0, 0, 0}).first;
        if (message != result_.per_message.end()) {
            ++message->second.count;
            message->second.sum_ns += latency;
            message->second.max_ns = std::max(message->second.max_ns, latency);
        }
        if (const size_t servers = options_.endpoints.size(); servers > 1) {
            // Client i is on server i % servers, senders included.
            if (info->sender % servers == c.index % servers)
                result_.latency_same_server_ns.record(latency);
            else
                result_.latency_across_servers_ns.record(latency);
        }
    }
    // A sender's own message came back: one fewer in flight (window mode).
    if (info->sender == c.index && c.in_flight > 0)
        --c.in_flight;
}

void Worker::on_end_marker(uint32_t sender, uint64_t measured_count, uint32_t senders)
{
    // Every client of this worker receives the marker; the first copy is enough.
    result_.ends.try_emplace(sender, measured_count);
    result_.end_senders = senders;
}

void Worker::send_frame(Connection &c, ws::Opcode opcode, std::string_view payload)
{
    ws::append_frame(c.out, opcode, payload, uint32_t(rng_.next()));
    // With EPOLLOUT registered the socket buffer was full; wait for the event.
    if (!c.writing)
        flush(c);
}

void Worker::flush(Connection &c)
{
    while (c.out_offset < c.out.size()) {
        const ssize_t n = send(c.fd, c.out.data() + c.out_offset, c.out.size() - c.out_offset, MSG_NOSIGNAL);
        if (n >= 0) {
            c.out_offset += size_t(n);
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            want_write(c, true);
            return;
        } else if (errno != EINTR) {
            drop(c, errno_name(errno));
            return;
        }
    }
    c.out.clear();
    c.out_offset = 0;
    want_write(c, false);
}

void Worker::want_write(Connection &c, bool enable)
{
    if (c.writing == enable)
        return;
    epoll_event event{};
    event.events = EPOLLIN | (enable ? EPOLLOUT : 0u);
    event.data.ptr = &c;
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, c.fd, &event) < 0)
        fatal("epoll_ctl");
    c.writing = enable;
}

void Worker::drop(Connection &c, const std::string &reason)
{
    if (c.state == State::Connecting || c.state == State::Handshaking) {
        fail_connect(c, reason);
        return;
    }
    if (c.state == State::Open && !stopping_)
        ++result_.disconnects[reason];
    close_socket(c);
}

void Worker::close_socket(Connection &c)
{
    if (c.fd >= 0)
        close(c.fd); // also removes it from the epoll set
    if (c.state == State::Open)
        --open_;
    else if (c.state == State::Closing)
        --closing_;
    c.fd = -1;
    c.state = State::Closed;
    c.writing = false;
    c.pending = {};
    c.out = {};
    c.out_offset = 0;
    c.fragments = {};
}

// --- sending ------------------------------------------------------------------

void Worker::begin_running()
{
    running_ = true;
    schedule_ = shared_.schedule;
    if (options_.rate > 0) {
        for (Connection *c : senders_)
            c->next_due_ns = due_ns(c->index, 0);
    }
}

// Message k of the whole run is due at start + k/rate and belongs to sender
// k mod S, so the senders interleave evenly instead of firing together.
uint64_t Worker::due_ns(uint32_t sender, uint64_t nth) const
{
    const double k = double(sender) + double(nth) * double(options_.senders);
    return schedule_.start_ns + uint64_t(k * 1e9 / options_.rate);
}

uint64_t Worker::send_message(Connection &c)
{
    const uint64_t now = monotonic_ns();
    scratch_.clear();
    const bool measured = now >= schedule_.measure_ns && now < schedule_.end_ns;
    append_message_json(scratch_, shared_.run_id, c.index, now, measured, size_t(options_.size));
    send_frame(c, ws::Opcode::Text, scratch_);
    ++c.sent;
    ++result_.sent;
    if (measured) {
        ++c.measured;
        ++result_.measured_sent;
    }
    return now;
}

void Worker::pump_senders(uint64_t now)
{
    if (senders_.empty())
        return;
    if (now >= schedule_.end_ns) {
        if (!ends_sent_)
            send_end_markers();
        return;
    }
    if (now < schedule_.start_ns) {
        arm_timer(schedule_.start_ns);
        return;
    }
    if (options_.rate == 0) {
        for (Connection *c : senders_) {
            while (c->state == State::Open && c->in_flight < uint32_t(options_.window)) {
                send_message(*c);
                ++c->in_flight;
            }
        }
        arm_timer(schedule_.end_ns);
        return;
    }

    uint64_t next = std::numeric_limits<uint64_t>::max();
    for (Connection *c : senders_) {
        // Catch up on everything due, so a stall does not lower the rate.
        while (c->state == State::Open && c->next_due_ns <= now) {
            const uint64_t lag = send_message(*c) - c->next_due_ns;
            result_.max_send_lag_ns = std::max(result_.max_send_lag_ns, lag);
            if (lag > kLateSendNs)
                ++result_.late_sends;
            c->next_due_ns = due_ns(c->index, c->sent);
        }
        if (c->state == State::Open)
            next = std::min(next, c->next_due_ns);
    }
    arm_timer(std::min(next, schedule_.end_ns));
}

// After the measured period each sender posts how many measured messages it sent, behind all of them in the room.
void Worker::send_end_markers()
{
    ends_sent_ = true;
    for (Connection *c : senders_) {
        if (c->state != State::Open)
            continue;
        scratch_.clear();
        append_end_json(scratch_, shared_.run_id, c->index, c->measured, uint32_t(options_.senders));
        send_frame(*c, ws::Opcode::Text, scratch_);
    }
}

void Worker::arm_timer(uint64_t at_ns)
{
    if (at_ns == timer_at_ns_)
        return;
    itimerspec spec{};
    spec.it_value.tv_sec = time_t(at_ns / 1'000'000'000u);
    spec.it_value.tv_nsec = long(at_ns % 1'000'000'000u);
    if (timerfd_settime(timer_fd_, TFD_TIMER_ABSTIME, &spec, nullptr) < 0)
        fatal("timerfd_settime");
    timer_at_ns_ = at_ns;
}

void WorkerResult::merge(const WorkerResult &other)
{
    connected += other.connected;
    for (const auto &[reason, count] : other.connect_failures)
        connect_failures[reason] += count;
    handshake_ns.merge(other.handshake_ns);
    connected_at_ns.merge(other.connected_at_ns);
    sent += other.sent;
    measured_sent += other.measured_sent;
    deliveries += other.deliveries;
    window_deliveries += other.window_deliveries;
    measured_received += other.measured_received;
    foreign_frames += other.foreign_frames;
    latency_ns.merge(other.latency_ns);
    latency_same_server_ns.merge(other.latency_same_server_ns);
    latency_across_servers_ns.merge(other.latency_across_servers_ns);
    max_send_lag_ns = std::max(max_send_lag_ns, other.max_send_lag_ns);
    late_sends += other.late_sends;
    for (const auto &[sent_ns, message] : other.per_message) {
        auto [it, added] = per_message.try_emplace(sent_ns, message);
        if (!added) {
            it->second.count += message.count;
            it->second.sum_ns += message.sum_ns;
            it->second.max_ns = std::max(it->second.max_ns, message.max_ns);
        }
    }
    ends.insert(other.ends.begin(), other.ends.end());
    end_senders = std::max(end_senders, other.end_senders);
    pings += other.pings;
    for (const auto &[reason, count] : other.disconnects)
        disconnects[reason] += count;
}

// --- shutdown -----------------------------------------------------------------

void Worker::shut_down()
{
    stopping_ = true;
    for (const auto &c : connections_) {
        if (c->state == State::Open) {
            send_frame(*c, ws::Opcode::Close, ws::close_payload(ws::kCloseNormal));
            if (c->state == State::Open) {
                c->state = State::Closing;
                --open_;
                ++closing_;
            }
        } else if (c->state != State::Closed) {
            close_socket(*c);
        }
    }
    // Give the server a moment to answer the close handshakes, so that it
    // sees orderly closes rather than resets.
    std::array<epoll_event, kMaxEvents> events{};
    const uint64_t deadline = monotonic_ns() + kCloseGraceNs;
    while (closing_ > 0 && monotonic_ns() < deadline) {
        const int count = epoll_wait(epoll_fd_, events.data(), kMaxEvents, kPollIntervalMs);
        if (count < 0 && errno != EINTR)
            fatal("epoll_wait");
        dispatch(events.data(), count);
    }
    for (const auto &c : connections_) {
        if (c->state != State::Closed)
            close_socket(*c);
    }
}

} // namespace loadgen
