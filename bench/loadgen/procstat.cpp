#include "procstat.h"

#include <fstream>
#include <sstream>
#include <string>

#include <sys/resource.h>
#include <unistd.h>

namespace loadgen {

std::optional<ProcessSample> sample_process(pid_t pid)
{
    const std::string base = "/proc/" + std::to_string(pid);
    std::ifstream stat_file(base + "/stat");
    std::string stat;
    if (!std::getline(stat_file, stat))
        return std::nullopt;
    // The command name (field 2) may contain spaces; fields after it are
    // plain. utime and stime are fields 14 and 15, i.e. the 12th and 13th
    // after the closing parenthesis.
    const size_t paren = stat.rfind(')');
    if (paren == std::string::npos)
        return std::nullopt;
    std::istringstream fields(stat.substr(paren + 2));
    std::string skip;
    for (int i = 0; i < 11; ++i)
        fields >> skip;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    if (!(fields >> utime >> stime))
        return std::nullopt;

    ProcessSample sample;
    sample.cpu_seconds = double(utime + stime) / double(sysconf(_SC_CLK_TCK));

    std::ifstream status(base + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with("VmRSS:")) {
            sample.rss_kb = std::stoull(line.substr(6));
            break;
        }
    }
    return sample;
}

double self_cpu_seconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &tv) {
        return double(tv.tv_sec) + double(tv.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

uint64_t self_max_rss_kb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return uint64_t(usage.ru_maxrss);
}

} // namespace loadgen
