#include "options.h"

#include <charconv>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <stdexcept>
#include <string_view>

#include <arpa/inet.h>
#include <netdb.h>

namespace loadgen {

namespace {

constexpr std::string_view kUsage = R"(usage: natter-loadgen MODE [options]

WebSocket load generator for the Natter chat server (RFC 6455 client, epoll).

Modes:
  broadcast   clients join one room; the first S clients send messages and
              every client measures the delivery latency of every broadcast
  idle        clients connect and stay idle, answering pings

Common options:
  --url URL                 server endpoint, ws://HOST:PORT[/PATH]
                            (default ws://127.0.0.1:8080/ws); repeat it for
                            the servers of a cluster: client i connects to
                            the (i mod N)th, and broadcast latency is also
                            reported split by same/other server
  --room NAME               room to join (default bench)
  --clients N               number of connections (default 100)
  --first-client I          number this process's clients I, I+1, ...
                            (default 0): user name u<i>, server, source
                            address and sender id follow the number, so
                            several processes can share one room
  --threads N               event-loop threads (default 1)
  --connect-concurrency N   connects/handshakes in flight at once (default 256)
  --connect-timeout SEC     per-connection connect + handshake limit (default 10)
  --source-ips A,B,...      bind connections round-robin to these local IPv4
                            addresses, e.g. 127.0.0.1,127.0.0.2, to use more
                            than one ephemeral port range
  --server-pid PID          also sample the server's CPU and RSS from /proc
  --json FILE               write all figures as a JSON object to FILE
  --ready-file FILE         once every connection is established or has
                            failed, write {"connected":N,"requested":N,
                            "seconds":S} to FILE (for scripts that start the
                            next step then)
  --linger SEC              after the report (and --json, which appears
                            complete at once), keep the connections open up
                            to SEC s or until SIGINT/SIGTERM before closing
                            them (default 0), so that processes measuring
                            together are not disturbed by each other's closes
  --help                    show this text

broadcast options:
  --senders S               the first S clients send (default 1); 0 = receive
                            only, see below
  --rate R                  messages/s summed over all senders, evenly paced
                            (default 1000); 0 = as fast as --window allows
  --window W                with --rate 0: each sender's messages in flight,
                            not yet received back by itself (default 16)
  --warmup SEC              load before measuring starts (default 2)
  --duration SEC            measured period (default 10)
  --drain SEC               longest wait for outstanding deliveries after the
                            measured period (default 5)
  --size BYTES              content size; payloads are never shorter than their
                            ~30 byte header (default 64)
  --run-id ID               tag payloads with ID (1-16 of [0-9a-z]) instead of
                            a random id; processes measuring one broadcast
                            together use the same ID
  --listen SEC              with --senders 0: longest wait for the senders'
                            end after connecting (default 600)

Receive only (--senders 0): the clients join and measure every message of
the run id that arrives, counting those the sender marked as sent inside its
measured period. After that period each sender posts one end marker with its
count, so the process knows how many messages every client should receive; it
finishes once they all arrived, --drain seconds after the end marker, after
--listen seconds, or on SIGINT/SIGTERM. Start the receiving processes first
(--ready-file tells when they are connected), then one sending process with
the same --run-id and --room.

idle options:
  --rooms K                 spread clients over rooms NAME-0..NAME-(K-1)
                            (default 1: all in NAME)
  --hold SEC                how long to keep the connections open (default 10)

Clients connect as GET PATH?room=ROOM&user=u<index>. Latency is measured from
the CLOCK_MONOTONIC time embedded in each message to its arrival at each
client; only messages sent during the measured period are counted.

SIGINT or SIGTERM ends the current phase early: the figures so far are
reported and the connections closed.

Exit status: 0 after a completed run (the report shows any failed connections
or lost deliveries), 1 on a fatal error, 2 on a usage error, 3 when not a
single connection could be established.
)";

struct UsageError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

template <typename T> T parse_number(std::string_view flag, std::string_view text, T min_value)
{
    T value{};
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc{} || result.ptr != text.data() + text.size())
        throw UsageError(std::string(flag) + ": not a number: " + std::string(text));
    if (value < min_value)
        throw UsageError(std::string(flag) + ": must be at least " + std::to_string(min_value));
    return value;
}

in_addr parse_ipv4(std::string_view text)
{
    in_addr address{};
    if (inet_pton(AF_INET, std::string(text).c_str(), &address) != 1)
        throw UsageError("not an IPv4 address: " + std::string(text));
    return address;
}

Options::Endpoint parse_url(const std::string &url)
{
    Options::Endpoint endpoint;
    endpoint.url = url;
    constexpr std::string_view scheme = "ws://";
    std::string_view rest = url;
    if (!rest.starts_with(scheme))
        throw UsageError("--url must start with ws:// (TLS is not supported)");
    rest.remove_prefix(scheme.size());

    const size_t slash = rest.find('/');
    const std::string_view authority = rest.substr(0, slash);
    endpoint.path = slash == std::string_view::npos ? "/ws" : std::string(rest.substr(slash));
    endpoint.host_header = std::string(authority);

    std::string_view host = authority;
    uint16_t port = 80;
    if (const size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        port = parse_number<uint16_t>("--url port", authority.substr(colon + 1), 1);
    }

    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (getaddrinfo(std::string(host).c_str(), nullptr, &hints, &found) != 0 || found == nullptr)
        throw UsageError("cannot resolve " + std::string(host) + " to an IPv4 address");
    endpoint.server = *reinterpret_cast<const sockaddr_in *>(found->ai_addr);
    endpoint.server.sin_port = htons(port);
    freeaddrinfo(found);
    return endpoint;
}

} // namespace

std::optional<Options> parse_options(int argc, char **argv, int &exit_code)
{
    Options options;
    try {
        if (argc < 2)
            throw UsageError("missing MODE");
        const std::string_view mode = argv[1];
        if (mode == "--help" || mode == "-h") {
            std::fputs(kUsage.data(), stdout);
            exit_code = 0;
            return std::nullopt;
        }
        if (mode == "broadcast")
            options.mode = Mode::Broadcast;
        else if (mode == "idle")
            options.mode = Mode::Idle;
        else
            throw UsageError("unknown mode: " + std::string(mode));

        using Setter = std::function<void(std::string_view)>;
        const std::map<std::string_view, Setter> setters = {
            {"--url",
             [&](std::string_view v) {
                 options.urls.emplace_back(v);
             }},
            {"--room",
             [&](std::string_view v) {
                 options.room = v;
             }},
            {"--rooms",
             [&](std::string_view v) {
                 options.rooms = parse_number("--rooms", v, 1);
             }},
            {"--clients",
             [&](std::string_view v) {
                 options.clients = parse_number("--clients", v, 1);
             }},
            {"--first-client",
             [&](std::string_view v) {
                 options.first_client = parse_number<uint32_t>("--first-client", v, 0);
             }},
            {"--threads",
             [&](std::string_view v) {
                 options.threads = parse_number("--threads", v, 1);
             }},
            {"--connect-concurrency",
             [&](std::string_view v) {
                 options.connect_concurrency = parse_number("--connect-concurrency", v, 1);
             }},
            {"--connect-timeout",
             [&](std::string_view v) {
                 options.connect_timeout = parse_number("--connect-timeout", v, 0.001);
             }},
            {"--source-ips",
             [&](std::string_view v) {
                 options.source_ips.clear();
                 while (!v.empty()) {
                     const size_t comma = v.find(',');
                     options.source_ips.push_back(parse_ipv4(v.substr(0, comma)));
                     v = comma == std::string_view::npos ? std::string_view{} : v.substr(comma + 1);
                 }
             }},
            {"--server-pid",
             [&](std::string_view v) {
                 options.server_pid = parse_number<pid_t>("--server-pid", v, 1);
             }},
            {"--json",
             [&](std::string_view v) {
                 options.json_file = v;
             }},
            {"--senders",
             [&](std::string_view v) {
                 options.senders = parse_number("--senders", v, 0);
             }},
            {"--rate",
             [&](std::string_view v) {
                 options.rate = parse_number("--rate", v, 0.0);
             }},
            {"--window",
             [&](std::string_view v) {
                 options.window = parse_number("--window", v, 1);
             }},
            {"--warmup",
             [&](std::string_view v) {
                 options.warmup = parse_number("--warmup", v, 0.0);
             }},
            {"--duration",
             [&](std::string_view v) {
                 options.duration = parse_number("--duration", v, 0.001);
             }},
            {"--drain",
             [&](std::string_view v) {
                 options.drain = parse_number("--drain", v, 0.0);
             }},
            {"--size",
             [&](std::string_view v) {
                 options.size = parse_number("--size", v, 0);
             }},
            {"--run-id",
             [&](std::string_view v) {
                 if (v.empty() || v.size() > 16 ||
                     v.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz") != v.npos)
                     throw UsageError("--run-id: 1 to 16 characters of [0-9a-z]");
                 options.run_id = v;
             }},
            {"--listen",
             [&](std::string_view v) {
                 options.listen = parse_number("--listen", v, 0.0);
             }},
            {"--ready-file",
             [&](std::string_view v) {
                 options.ready_file = v;
             }},
            {"--linger",
             [&](std::string_view v) {
                 options.linger = parse_number("--linger", v, 0.0);
             }},
            {"--hold",
             [&](std::string_view v) {
                 options.hold = parse_number("--hold", v, 0.0);
             }},
        };

        for (int i = 2; i < argc; ++i) {
            std::string_view flag = argv[i];
            if (flag == "--help" || flag == "-h") {
                std::fputs(kUsage.data(), stdout);
                exit_code = 0;
                return std::nullopt;
            }
            // Accept both "--flag value" and "--flag=value".
            std::string_view value;
            bool inline_value = false;
            if (const size_t eq = flag.find('='); eq != std::string_view::npos) {
                value = flag.substr(eq + 1);
                flag = flag.substr(0, eq);
                inline_value = true;
            }
            const auto setter = setters.find(flag);
            if (setter == setters.end())
                throw UsageError("unknown option: " + std::string(flag));
            if (!inline_value) {
                if (i + 1 >= argc)
                    throw UsageError(std::string(flag) + " needs a value");
                value = argv[++i];
            }
            setter->second(value);
        }

        if (options.urls.empty())
            options.urls.emplace_back("ws://127.0.0.1:8080/ws");
        for (const std::string &url : options.urls)
            options.endpoints.push_back(parse_url(url));
        if (options.mode == Mode::Broadcast && options.senders > options.clients)
            throw UsageError("--senders cannot exceed --clients");
        // Expected deliveries assume one room of all clients.
        if (options.mode == Mode::Broadcast && options.rooms > 1)
            throw UsageError("--rooms applies to idle mode only");
        if (uint64_t(options.first_client) + uint64_t(options.clients) > uint64_t(std::numeric_limits<uint32_t>::max()))
            throw UsageError("--first-client + --clients is too large");
        if (options.threads > options.clients)
            options.threads = options.clients;
    } catch (const UsageError &error) {
        std::fprintf(stderr, "natter-loadgen: %s\n(see natter-loadgen --help)\n", error.what());
        exit_code = 2;
        return std::nullopt;
    }
    return options;
}

} // namespace loadgen
