#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace loadgen {

// Log-bucketed histogram in the spirit of HdrHistogram: every power-of-two
// range is split into 128 linear sub-buckets, so a recorded value is reported
// with under 1% relative error while the whole 64-bit range fits in ~7.4k
// counters (58 KiB), however many samples are recorded.
class Histogram
{
public:
    void record(uint64_t value)
    {
        ++counts_[index_of(value)];
        ++count_;
        sum_ += value;
        min_ = std::min(min_, value);
        max_ = std::max(max_, value);
    }

    void merge(const Histogram &other)
    {
        for (size_t i = 0; i < kBucketCount; ++i)
            counts_[i] += other.counts_[i];
        count_ += other.count_;
        sum_ += other.sum_;
        min_ = std::min(min_, other.min_);
        max_ = std::max(max_, other.max_);
    }

    uint64_t count() const { return count_; }
    uint64_t min() const { return count_ ? min_ : 0; }
    uint64_t max() const { return max_; }
    double mean() const { return count_ ? double(sum_) / double(count_) : 0.0; }

    // Value at or below which `percent` of the samples fall (upper edge of the
    // bucket holding that rank, never above the exact maximum).
    uint64_t percentile(double percent) const
    {
        if (count_ == 0)
            return 0;
        const auto wanted = std::max<uint64_t>(1, uint64_t(double(count_) * percent / 100.0 + 0.999999));
        uint64_t seen = 0;
        for (size_t i = 0; i < kBucketCount; ++i) {
            seen += counts_[i];
            if (seen >= wanted)
                return std::min(highest_in_bucket(i), max_);
        }
        return max_;
    }

    uint64_t sum() const { return sum_; }

    // Calls f(highest value in the bucket, count) for every non-empty bucket,
    // in increasing order. Histograms of other processes merge by adding the
    // counts of equal bucket edges, and percentile() of the merged histogram is
    // then the value at the first edge whose running count reaches the rank
    // (capped at the exact maximum).
    template <typename F> void for_each_bucket(F f) const
    {
        for (size_t i = 0; i < kBucketCount; ++i) {
            if (counts_[i] != 0)
                f(highest_in_bucket(i), counts_[i]);
        }
    }

private:
    static constexpr unsigned kSubBits = 7;
    static constexpr uint64_t kSubCount = uint64_t{1} << kSubBits;
    // Values below kSubCount get one exact bucket each; every higher power of
    // two (bit widths 8..64) gets kSubCount buckets.
    static constexpr size_t kBucketCount = kSubCount * (64 - kSubBits + 1);

    static size_t index_of(uint64_t value)
    {
        if (value < kSubCount)
            return size_t(value);
        const unsigned shift = unsigned(std::bit_width(value)) - 1 - kSubBits;
        return size_t(shift + 1) * kSubCount + size_t((value >> shift) - kSubCount);
    }

    static uint64_t highest_in_bucket(size_t index)
    {
        if (index < kSubCount)
            return index;
        const size_t shift = index / kSubCount - 1;
        const uint64_t top = kSubCount + index % kSubCount;
        // For the very last bucket this wraps to UINT64_MAX, which is right.
        return ((top + 1) << shift) - 1;
    }

    std::vector<uint64_t> counts_ = std::vector<uint64_t>(kBucketCount);
    uint64_t count_ = 0;
    uint64_t sum_ = 0;
    uint64_t min_ = std::numeric_limits<uint64_t>::max();
    uint64_t max_ = 0;
};

} // namespace loadgen
