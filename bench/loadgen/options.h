#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <netinet/in.h>
#include <sys/types.h>

namespace loadgen {

enum class Mode
{
    Broadcast,
    Idle
};

struct Options
{
    Mode mode = Mode::Broadcast;

    // One server, or several (a cluster): client i connects to endpoints[i % endpoints.size()].
    struct Endpoint
    {
        std::string url;
        std::string host_header; // host[:port] as written in the URL
        std::string path;        // request path, without query
        sockaddr_in server{};
    };
    std::vector<std::string> urls;
    std::vector<Endpoint> endpoints;

    std::string room = "bench";
    int rooms = 1;
    int clients = 100;
    // Global index of this process's first client: client k of the process is client first_client + k of the whole
    // measurement (user name, server, source address and sender id), so several processes can share one room.
    uint32_t first_client = 0;
    int threads = 1;
    int connect_concurrency = 256;
    double connect_timeout = 10;
    std::vector<in_addr> source_ips;

    int senders = 1;    // 0 = receive only: measure the broadcasts of a run that other processes send
    std::string run_id; // empty = a random one
    double rate = 1000; // messages/s across all senders; 0 = window-limited
    int window = 16;
    double duration = 10;
    double warmup = 2;
    double drain = 5;
    int size = 64;

    double listen = 600; // receive only: longest wait for the senders' end markers after connecting

    double hold = 10;
    double linger = 0; // after the report: keep the connections open this long (or until a signal)

    std::string json_file;
    std::string ready_file; // written once the connect phase is over
    pid_t server_pid = 0;
};

// Parses the command line. On --help or an error, prints to stdout/stderr and
// returns nullopt with the process exit code in `exit_code`.
std::optional<Options> parse_options(int argc, char **argv, int &exit_code);

} // namespace loadgen
