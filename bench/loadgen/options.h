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
    int threads = 1;
    int connect_concurrency = 256;
    double connect_timeout = 10;
    std::vector<in_addr> source_ips;

    int senders = 1;
    double rate = 1000; // messages/s across all senders; 0 = window-limited
    int window = 16;
    double duration = 10;
    double warmup = 2;
    double drain = 5;
    int size = 64;

    double hold = 10;

    std::string json_file;
    pid_t server_pid = 0;
};

// Parses the command line. On --help or an error, prints to stdout/stderr and
// returns nullopt with the process exit code in `exit_code`.
std::optional<Options> parse_options(int argc, char **argv, int &exit_code);

} // namespace loadgen
