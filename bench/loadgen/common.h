#pragma once

#include <cstdint>
#include <ctime>

namespace loadgen {

inline uint64_t monotonic_ns()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return uint64_t(ts.tv_sec) * 1'000'000'000u + uint64_t(ts.tv_nsec);
}

inline uint64_t seconds_to_ns(double seconds)
{
    return uint64_t(seconds * 1e9);
}

// splitmix64: fast and good enough for frame masks and handshake keys. The
// load generator is not a security boundary, so no CSPRNG is needed here.
class Rng
{
public:
    explicit Rng(uint64_t seed)
        : state_(seed)
    {}

    uint64_t next()
    {
        uint64_t z = (state_ += 0x9e3779b97f4a7c15u);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
        return z ^ (z >> 31);
    }

private:
    uint64_t state_;
};

} // namespace loadgen
