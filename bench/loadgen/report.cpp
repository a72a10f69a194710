#include "report.h"

#include <cstdio>
#include <fstream>
#include <string_view>
#include <vector>

#include <arpa/inet.h>

namespace loadgen {

namespace {

double ms(uint64_t ns)
{
    return double(ns) / 1e6;
}

double ratio(double numerator, double denominator)
{
    return denominator > 0 ? numerator / denominator : 0.0;
}

uint64_t expected_deliveries(const Summary &s)
{
    return (s.receive_only ? s.expected_per_receiver : s.totals.measured_sent) * s.receivers;
}

uint64_t missing_deliveries(const Summary &s)
{
    const uint64_t expected = expected_deliveries(s);
    return expected > s.totals.measured_received ? expected - s.totals.measured_received : 0;
}

std::string join_counts(const std::map<std::string, uint32_t> &counts)
{
    if (counts.empty())
        return "none";
    std::string text;
    for (const auto &[reason, count] : counts) {
        if (!text.empty())
            text += ", ";
        text += reason + " x" + std::to_string(count);
    }
    return text;
}

std::string source_ips_text(const Options &options)
{
    std::string text;
    for (const in_addr &address : options.source_ips) {
        char buffer[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &address, buffer, sizeof buffer);
        if (!text.empty())
            text += ',';
        text += buffer;
    }
    return text;
}

// Minimal streaming JSON writer: enough for nested objects of numbers and strings.
class JsonWriter
{
public:
    explicit JsonWriter(std::ostream &out)
        : out_(out)
    {}

    JsonWriter &begin(std::string_view name = {})
    {
        key(name);
        out_ << '{';
        first_.push_back(true);
        return *this;
    }

    JsonWriter &end()
    {
        const bool empty = first_.back();
        first_.pop_back();
        if (!empty)
            out_ << '\n' << std::string(2 * first_.size(), ' ');
        out_ << '}';
        if (first_.empty())
            out_ << '\n';
        return *this;
    }

    JsonWriter &field(std::string_view name, std::string_view value)
    {
        key(name);
        quoted(value);
        return *this;
    }

    JsonWriter &field(std::string_view name, const char *value) { return field(name, std::string_view(value)); }
    JsonWriter &field(std::string_view name, const std::string &value) { return field(name, std::string_view(value)); }

    JsonWriter &field(std::string_view name, double value)
    {
        key(name);
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.6g", value);
        out_ << buffer;
        return *this;
    }

    JsonWriter &field(std::string_view name, bool value)
    {
        key(name);
        out_ << (value ? "true" : "false");
        return *this;
    }

    template <typename Integer>
    requires std::is_integral_v<Integer> JsonWriter &field(std::string_view name, Integer value)
    {
        key(name);
        out_ << value;
        return *this;
    }

    // "name": [[edge, count], ...] for the non-empty buckets, on one line.
    JsonWriter &buckets(std::string_view name, const Histogram &h)
    {
        key(name);
        out_ << '[';
        bool first = true;
        h.for_each_bucket([&](uint64_t edge, uint64_t count) {
            out_ << (first ? "" : ", ") << '[' << edge << ", " << count << ']';
            first = false;
        });
        out_ << ']';
        return *this;
    }

    JsonWriter &counts(std::string_view name, const std::map<std::string, uint32_t> &values)
    {
        begin(name);
        for (const auto &[label, count] : values)
            field(label, count);
        return end();
    }

    // Writes the key of a value the caller then writes to the stream itself.
    void key_only(std::string_view name) { key(name); }

private:
    void key(std::string_view name)
    {
        if (first_.empty())
            return; // the top-level object has no name
        out_ << (first_.back() ? "\n" : ",\n") << std::string(2 * first_.size(), ' ');
        first_.back() = false;
        quoted(name);
        out_ << ": ";
    }

    void quoted(std::string_view text)
    {
        out_ << '"';
        for (const char ch : text) {
            if (ch == '"' || ch == '\\') {
                out_ << '\\' << ch;
            } else if (static_cast<unsigned char>(ch) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(ch));
                out_ << escaped;
            } else {
                out_ << ch;
            }
        }
        out_ << '"';
    }

    std::ostream &out_;
    std::vector<bool> first_;
};

void write_percentiles(JsonWriter &json, std::string_view name, const Histogram &h, bool detailed)
{
    json.begin(name);
    json.field("count", h.count());
    json.field("p50", ms(h.percentile(50)));
    if (detailed)
        json.field("p90", ms(h.percentile(90)));
    json.field("p99", ms(h.percentile(99)));
    if (detailed)
        json.field("p999", ms(h.percentile(99.9)));
    json.field("max", ms(h.max()));
    json.field("mean", h.mean() / 1e6);
    // For merging with other processes' figures: min, sum and the buckets, in ns.
    json.field("min_ns", h.min());
    json.field("max_ns", h.max());
    json.field("sum_ns", h.sum());
    json.buckets("buckets_ns", h);
    json.end();
}

std::string urls_text(const Options &options)
{
    std::string text;
    for (const std::string &url : options.urls)
        text += (text.empty() ? "" : ",") + url;
    return text;
}

} // namespace

void print_config(const Options &options, const std::string &run_id)
{
    const std::string first =
        options.first_client != 0 ? " first-client=" + std::to_string(options.first_client) : std::string();
    const std::string sources = options.source_ips.empty() ? std::string() : " source-ips=" + source_ips_text(options);
    if (options.mode == Mode::Broadcast && options.senders == 0) {
        std::printf("natter-loadgen broadcast %s room=%s clients=%d%s receive-only run=%s listen=%gs drain=%gs "
                    "threads=%d%s\n",
                    urls_text(options).c_str(), options.room.c_str(), options.clients, first.c_str(), run_id.c_str(),
                    options.listen, options.drain, options.threads, sources.c_str());
    } else if (options.mode == Mode::Broadcast) {
        std::printf("natter-loadgen broadcast %s room=%s clients=%d%s senders=%d rate=%s window=%d size=%d "
                    "warmup=%gs duration=%gs run=%s threads=%d%s\n",
                    urls_text(options).c_str(), options.room.c_str(), options.clients, first.c_str(), options.senders,
                    options.rate > 0 ? (std::to_string(int64_t(options.rate)) + "/s").c_str() : "unpaced",
                    options.window, options.size, options.warmup, options.duration, run_id.c_str(), options.threads,
                    sources.c_str());
    } else {
        std::printf("natter-loadgen idle %s room=%s rooms=%d clients=%d%s hold=%gs threads=%d%s\n",
                    urls_text(options).c_str(), options.room.c_str(), options.rooms, options.clients, first.c_str(),
                    options.hold, options.threads, sources.c_str());
    }
    std::fflush(stdout);
}

void print_connect(const Options &options, const Summary &s)
{
    const Histogram &h = s.totals.handshake_ns;
    std::printf("connect     %u/%d clients in %.3f s (handshake p50 %.3f ms, p99 %.3f ms, max %.3f ms)\n",
                s.totals.connected, options.clients, s.connect_seconds, ms(h.percentile(50)), ms(h.percentile(99)),
                ms(h.max()));
    std::printf("            loadgen cpu %.3f s while connecting = %.1f%% of one core\n", s.connect_cpu_seconds,
                100.0 * ratio(s.connect_cpu_seconds, s.connect_seconds));
    if (!s.totals.connect_failures.empty())
        std::printf("failed      %s\n", join_counts(s.totals.connect_failures).c_str());
    std::fflush(stdout);
}

void print_results(const Options &options, const Summary &s)
{
    const WorkerResult &t = s.totals;
    if (s.stopped_by_signal)
        std::printf("stopped     by a signal: the figures below are incomplete\n");
    if (options.mode == Mode::Broadcast) {
        const Histogram &h = t.latency_ns;
        const uint64_t expected = expected_deliveries(s);
        if (s.receive_only) {
            std::printf("listened    %.3f s, %u receivers\n", s.window_seconds, s.receivers);
            std::printf("end marks   %zu of %u senders: %llu measured messages announced%s\n", t.ends.size(),
                        t.end_senders, static_cast<unsigned long long>(s.expected_per_receiver),
                        t.end_senders > 0 && t.ends.size() >= t.end_senders ? "" : " (incomplete: loss unknown)");
            std::printf("received    %llu deliveries of this run, %llu of them of measured messages\n",
                        static_cast<unsigned long long>(t.deliveries),
                        static_cast<unsigned long long>(t.measured_received));
        } else {
            std::printf("measured    %.3f s after %.3f s warmup, %u receivers\n", s.window_seconds, options.warmup,
                        s.receivers);
            std::printf("sent        %llu messages in the measured period, %.1f msg/s\n",
                        static_cast<unsigned long long>(t.measured_sent),
                        ratio(double(t.measured_sent), s.window_seconds));
            std::printf("delivered   %llu deliveries in the measured period, %.1f deliveries/s\n",
                        static_cast<unsigned long long>(t.window_deliveries),
                        ratio(double(t.window_deliveries), s.window_seconds));
        }
        std::printf("latency     p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms  (mean %.3f ms)\n",
                    ms(h.percentile(50)), ms(h.percentile(90)), ms(h.percentile(99)), ms(h.percentile(99.9)),
                    ms(h.max()), h.mean() / 1e6);
        if (options.endpoints.size() > 1) {
            for (const auto &[label, part] : {std::pair{"same server", &t.latency_same_server_ns},
                                              std::pair{"other server", &t.latency_across_servers_ns}}) {
                std::printf("  %-12s p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms  (%llu deliveries)\n", label,
                            ms(part->percentile(50)), ms(part->percentile(90)), ms(part->percentile(99)),
                            ms(part->max()), static_cast<unsigned long long>(part->count()));
            }
        }
        std::printf("loss        expected %llu, received %llu, missing %llu (%.4f%%)\n",
                    static_cast<unsigned long long>(expected), static_cast<unsigned long long>(t.measured_received),
                    static_cast<unsigned long long>(missing_deliveries(s)),
                    100.0 * ratio(double(missing_deliveries(s)), double(expected)));
        if (options.rate > 0 && !s.receive_only)
            std::printf("pacing      max send lag %.3f ms, %llu sends more than 1 ms late\n", ms(t.max_send_lag_ns),
                        static_cast<unsigned long long>(t.late_sends));
        if (t.foreign_frames > 0)
            std::printf("other       %llu text frames without this run's payload\n",
                        static_cast<unsigned long long>(t.foreign_frames));
    } else {
        std::printf("hold        %.1f s, %u/%u connections still open, %llu pings answered\n", options.hold,
                    s.open_at_end, t.connected, static_cast<unsigned long long>(t.pings));
    }
    std::printf("disconnects %s\n", join_counts(t.disconnects).c_str());
    std::printf("loadgen     cpu %.3f s in %.3f s = %.1f%% of one core; whole run %.3f s cpu in %.3f s, "
                "max RSS %.1f MB\n",
                s.window_cpu_seconds, s.window_seconds, 100.0 * ratio(s.window_cpu_seconds, s.window_seconds),
                s.total_cpu_seconds, s.total_wall_seconds, double(s.max_rss_kb) / 1024.0);

    if (s.server_before && s.server_after) {
        const double cpu = s.server_after->cpu_seconds - s.server_before->cpu_seconds;
        if (options.mode == Mode::Broadcast) {
            std::printf("server      cpu %.3f s = %.1f%% of one core, %.3f us per delivery, RSS %.1f MB\n", cpu,
                        100.0 * ratio(cpu, s.window_seconds), 1e6 * ratio(cpu, double(t.window_deliveries)),
                        double(s.server_after->rss_kb) / 1024.0);
        } else {
            const double delta_kb = double(s.server_after->rss_kb) - double(s.server_before->rss_kb);
            std::printf("server      RSS %.1f MB before, %.1f MB with %u open: %.2f KB per connection\n",
                        double(s.server_before->rss_kb) / 1024.0, double(s.server_after->rss_kb) / 1024.0,
                        s.open_at_end, ratio(delta_kb, double(s.open_at_end)));
        }
    } else if (options.server_pid != 0) {
        std::printf("server      pid %d could not be sampled\n", int(options.server_pid));
    }
    std::fflush(stdout);
}

bool write_json(const Options &options, const std::string &run_id, const Summary &s, const std::string &path)
{
    // Written under a temporary name and renamed: a script waiting for the file never reads half of it.
    const std::string temporary = path + ".tmp";
    std::ofstream out(temporary);
    if (!out) {
        std::fprintf(stderr, "natter-loadgen: cannot write %s\n", temporary.c_str());
        return false;
    }
    const WorkerResult &t = s.totals;
    JsonWriter json(out);
    json.begin();
    json.field("mode", options.mode == Mode::Broadcast ? "broadcast" : "idle");
    json.field("started_monotonic_ns", s.started_ns);
    json.field("stopped_by_signal", s.stopped_by_signal);

    json.begin("config");
    json.field("url", urls_text(options));
    json.field("servers", int(options.endpoints.size()));
    json.field("room", options.room);
    json.field("clients", options.clients);
    json.field("first_client", options.first_client);
    json.field("threads", options.threads);
    json.field("connect_concurrency", options.connect_concurrency);
    json.field("connect_timeout_seconds", options.connect_timeout);
    json.field("source_ips", source_ips_text(options));
    if (options.mode == Mode::Broadcast) {
        json.field("role", s.receive_only ? "receive" : "send");
        json.field("run_id", run_id);
        json.field("senders", options.senders);
        json.field("rate", options.rate);
        json.field("window", options.window);
        json.field("size", options.size);
        json.field("warmup_seconds", options.warmup);
        json.field("duration_seconds", options.duration);
    } else {
        json.field("rooms", options.rooms);
        json.field("hold_seconds", options.hold);
    }
    json.end();

    json.begin("connect");
    json.field("requested", options.clients);
    json.field("connected", t.connected);
    json.field("failed", uint32_t(options.clients) - t.connected);
    json.field("seconds", s.connect_seconds);
    json.field("loadgen_cpu_seconds", s.connect_cpu_seconds);
    json.counts("failures", t.connect_failures);
    write_percentiles(json, "handshake_ms", t.handshake_ns, false);
    // When each connection was established, counted from started_monotonic_ns.
    write_percentiles(json, "connected_at_ms", t.connected_at_ns, false);
    json.end();

    if (options.mode == Mode::Broadcast) {
        json.begin("broadcast");
        json.field("role", s.receive_only ? "receive" : "send");
        json.field("measured_seconds", s.window_seconds);
        json.field("receivers", s.receivers);
        if (s.receive_only) {
            json.field("end_markers", uint32_t(t.ends.size()));
            json.field("end_senders", t.end_senders);
            json.field("expected_per_receiver", s.expected_per_receiver);
        }
        json.field("messages_sent", t.measured_sent);
        json.field("messages_per_second", ratio(double(t.measured_sent), s.window_seconds));
        json.field("deliveries", t.window_deliveries);
        json.field("deliveries_per_second", ratio(double(t.window_deliveries), s.window_seconds));
        json.field("expected_deliveries", expected_deliveries(s));
        json.field("received_deliveries", t.measured_received);
        json.field("missing_deliveries", missing_deliveries(s));
        json.field("loss_percent", 100.0 * ratio(double(missing_deliveries(s)), double(expected_deliveries(s))));
        write_percentiles(json, "latency_ms", t.latency_ns, true);
        if (options.endpoints.size() > 1) {
            write_percentiles(json, "latency_same_server_ms", t.latency_same_server_ns, true);
            write_percentiles(json, "latency_other_server_ms", t.latency_across_servers_ns, true);
        }
        // [send time (CLOCK_MONOTONIC ns), sender, deliveries, sum of latencies ns, max latency ns] per measured
        // message, oldest first, for the first 1000 measured messages.
        json.key_only("per_message");
        out << '[';
        bool first = true;
        for (const auto &[sent_ns, m] : t.per_message) {
            out << (first ? "" : ", ") << '[' << sent_ns << ", " << m.sender << ", " << m.count << ", " << m.sum_ns
                << ", " << m.max_ns << ']';
            first = false;
        }
        out << ']';
        json.field("max_send_lag_ms", ms(t.max_send_lag_ns));
        json.field("late_sends", t.late_sends);
        json.field("total_messages_sent", t.sent);
        json.field("total_deliveries", t.deliveries);
        json.field("foreign_frames", t.foreign_frames);
        json.end();
    } else {
        json.begin("idle");
        json.field("hold_seconds", options.hold);
        json.field("open_at_end", s.open_at_end);
        json.field("pings", t.pings);
        json.end();
    }
    json.counts("disconnects", t.disconnects);

    json.begin("loadgen");
    json.field("window_seconds", s.window_seconds);
    json.field("cpu_seconds", s.window_cpu_seconds);
    json.field("cpu_percent", 100.0 * ratio(s.window_cpu_seconds, s.window_seconds));
    json.field("total_wall_seconds", s.total_wall_seconds);
    json.field("total_cpu_seconds", s.total_cpu_seconds);
    json.field("max_rss_kb", s.max_rss_kb);
    json.end();

    if (s.server_before && s.server_after) {
        const double cpu = s.server_after->cpu_seconds - s.server_before->cpu_seconds;
        json.begin("server");
        json.field("pid", int(options.server_pid));
        json.field("cpu_seconds", cpu);
        json.field("cpu_percent", 100.0 * ratio(cpu, s.window_seconds));
        if (options.mode == Mode::Broadcast)
            json.field("us_per_delivery", 1e6 * ratio(cpu, double(t.window_deliveries)));
        json.field("rss_before_kb", s.server_before->rss_kb);
        json.field("rss_kb", s.server_after->rss_kb);
        if (options.mode == Mode::Idle)
            json.field("rss_per_connection_kb",
                       ratio(double(s.server_after->rss_kb) - double(s.server_before->rss_kb), double(s.open_at_end)));
        json.end();
    }
    json.end();
    out.close();
    if (!out || std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::fprintf(stderr, "natter-loadgen: cannot write %s\n", path.c_str());
        return false;
    }
    return true;
}

} // namespace loadgen
