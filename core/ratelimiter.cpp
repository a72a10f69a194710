#include "ratelimiter.h"

#include <algorithm>

namespace natter {

RateLimiter::RateLimiter(double ratePerSecond, double burst)
    : m_rate(std::max(0.0, ratePerSecond))
    , m_burst(std::max(1.0, burst))
    , m_tokens(m_burst)
{}

bool RateLimiter::tryAcquire(qint64 nowMs)
{
    if (m_rate <= 0)
        return true;
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_tokens = std::min(m_burst, m_tokens + (nowMs - m_lastMs) * m_rate / 1000.0);
    m_lastMs = std::max(m_lastMs, nowMs);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

} // namespace natter
