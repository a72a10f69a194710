// natter-wirefloor: what the kernel alone charges a server for one delivery on this machine.
//
// A chat server's CPU per delivery cannot go below the cost of the system call that hands the frame to the
// kernel: on loopback that call also runs the receiving side's TCP input and wakes the reader. This program
// measures that floor with no server logic at all: it opens N loopback TCP connections to a child process that
// only reads (epoll), then writes one pre-built frame of SIZE bytes to each of the N sockets RATE times per
// second, one write() per socket per message, exactly as a server without batching across messages would.
// It prints the writer's CPU time (user + system, getrusage) per write.
//
//   natter-wirefloor [--clients N] [--rate MSG_PER_S] [--size BYTES] [--duration SEC] [--json FILE]

#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Options
{
    int clients = 100;
    int rate = 1000;
    int size = 100; // a 64-byte chat message is about 100 bytes once framed as seed JSON
    double duration = 5;
    std::string json;
};

[[noreturn]] void usage(int status)
{
    std::fprintf(status ? stderr : stdout,
                 "usage: natter-wirefloor [--clients N] [--rate MSG_PER_S] [--size BYTES] [--duration SEC] "
                 "[--json FILE]\n"
                 "Measures the CPU one loopback TCP write of SIZE bytes costs the writer, with a reader process\n"
                 "on the other end: the floor under a chat server's CPU per delivery.\n");
    std::exit(status);
}

Options parse(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help")
            usage(0);
        if (i + 1 >= argc)
            usage(2);
        const char *value = argv[++i];
        if (arg == "--clients")
            options.clients = std::atoi(value);
        else if (arg == "--rate")
            options.rate = std::atoi(value);
        else if (arg == "--size")
            options.size = std::atoi(value);
        else if (arg == "--duration")
            options.duration = std::atof(value);
        else if (arg == "--json")
            options.json = value;
        else
            usage(2);
    }
    if (options.clients < 1 || options.rate < 1 || options.size < 1 || options.duration <= 0)
        usage(2);
    return options;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "natter-wirefloor: %s: %s\n", what, std::strerror(errno));
    std::exit(1);
}

// The reader: drains every socket until the writer closes them all.
[[noreturn]] void readAll(const std::vector<int> &sockets)
{
    const int poller = epoll_create1(0);
    for (const int fd : sockets) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.fd = fd;
        epoll_ctl(poller, EPOLL_CTL_ADD, fd, &event);
    }
    std::vector<char> buffer(64 * 1024);
    size_t open = sockets.size();
    epoll_event ready[256];
    while (open > 0) {
        const int n = epoll_wait(poller, ready, 256, -1);
        for (int i = 0; i < n; ++i) {
            if (read(ready[i].data.fd, buffer.data(), buffer.size()) <= 0) {
                epoll_ctl(poller, EPOLL_CTL_DEL, ready[i].data.fd, nullptr);
                --open;
            }
        }
    }
    _exit(0);
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);

    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (listener < 0 || bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        listen(listener, 4096) != 0 || getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        fail("listen");
    std::vector<int> readers, writers;
    for (int i = 0; i < options.clients; ++i) {
        const int client = socket(AF_INET, SOCK_STREAM, 0);
        if (client < 0 || connect(client, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            fail("connect");
        const int server = accept(listener, nullptr, nullptr);
        if (server < 0)
            fail("accept");
        const int on = 1;
        setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        readers.push_back(client);
        writers.push_back(server);
    }
    const pid_t reader = fork();
    if (reader < 0)
        fail("fork");
    if (reader == 0) {
        for (const int fd : writers)
            close(fd);
        readAll(readers);
    }
    for (const int fd : readers)
        close(fd);

    const std::vector<char> frame(size_t(options.size), 'x');
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const double cpuStart = cpuSeconds();
    long messages = 0;
    for (;;) {
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        if (elapsed >= options.duration)
            break;
        if (messages >= long(elapsed * options.rate)) {
            std::this_thread::sleep_for(std::chrono::microseconds(100));
            continue;
        }
        for (const int fd : writers) {
            if (write(fd, frame.data(), frame.size()) != ssize_t(frame.size()))
                fail("write");
        }
        ++messages;
    }
    const double cpu = cpuSeconds() - cpuStart;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    for (const int fd : writers)
        close(fd);
    waitpid(reader, nullptr, 0);

    const double writes = double(messages) * options.clients;
    const double perWrite = cpu * 1e6 / writes;
    std::printf("wirefloor   %d connections, %d-byte frames, %.0f msg/s = %.0f writes/s for %.1f s\n", options.clients,
                options.size, messages / elapsed, writes / elapsed, elapsed);
    std::printf("writer      cpu %.3f s = %.1f%% of one core, %.3f us per write (one write per delivery)\n", cpu,
                cpu * 100 / elapsed, perWrite);
    if (!options.json.empty()) {
        FILE *out = std::fopen(options.json.c_str(), "w");
        if (!out)
            fail("open --json file");
        std::fprintf(out,
                     "{\"clients\": %d, \"size\": %d, \"messages_per_second\": %.1f, \"writes_per_second\": %.1f, "
                     "\"writer_cpu_seconds\": %.4f, \"us_per_write\": %.4f}\n",
                     options.clients, options.size, messages / elapsed, writes / elapsed, cpu, perWrite);
        std::fclose(out);
    }
    return 0;
}
