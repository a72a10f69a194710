#pragma once

// CPU and memory figures of this process (getrusage) and of the server under
// test (/proc/PID/stat and /proc/PID/status).

#include <cstdint>
#include <optional>

#include <sys/types.h>

namespace loadgen {

struct ProcessSample
{
    double cpu_seconds = 0; // user + system
    uint64_t rss_kb = 0;    // VmRSS
};

// nullopt when the process does not exist (or /proc is unreadable).
std::optional<ProcessSample> sample_process(pid_t pid);

// User + system CPU of all threads of this process.
double self_cpu_seconds();

uint64_t self_max_rss_kb();

} // namespace loadgen
