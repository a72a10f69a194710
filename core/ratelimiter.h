#pragma once

#include <QtGlobal>

namespace natter {

/**
 * @brief A token bucket: @p ratePerSecond tokens refill continuously up to @p burst.
 *
 * A rate of 0 means unlimited. Time is passed in so callers can use one clock reading per event batch.
 */
class RateLimiter
{
public:
    RateLimiter(double ratePerSecond, double burst);

    /// Takes one token if one is available at @p nowMs (a monotonic clock in milliseconds).
    bool tryAcquire(qint64 nowMs);

private:
    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = -1;
};

} // namespace natter
