#pragma once

// Shared by the fuzz targets: an invariant check that stops the run (libFuzzer then saves the input as a
// crash artifact; the replay tests fail), and a small deterministic generator for choices drawn from the input.

#include <QtGlobal>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition);                     \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

namespace natter::fuzz {

/// xorshift64*: the same input always makes the same choices, so every finding reproduces.
class Choices
{
public:
    explicit Choices(quint64 seed)
        : m_state(seed * 0x9E3779B97F4A7C15ULL + 1)
    {}

    quint64 next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545F4914F6CDD1DULL;
    }
    /// A number from 0 to bound - 1 (bound > 0).
    quint64 below(quint64 bound) { return next() % bound; }

private:
    quint64 m_state;
};

/// FNV-1a over the input, to seed Choices.
inline quint64 hashBytes(const uint8_t *data, size_t size)
{
    quint64 hash = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < size; ++i)
        hash = (hash ^ data[i]) * 0x100000001b3ULL;
    return hash;
}

} // namespace natter::fuzz
