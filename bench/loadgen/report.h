#pragma once

#include "options.h"
#include "procstat.h"
#include "worker.h"

#include <cstdint>
#include <optional>
#include <string>

namespace loadgen {

struct Summary
{
    WorkerResult totals;     // merged over all workers
    uint64_t started_ns = 0; // CLOCK_MONOTONIC when connecting began (comparable between processes)
    double connect_seconds = 0;
    double connect_cpu_seconds = 0;     // this process's CPU while connecting
    uint32_t receivers = 0;             // broadcast: room members when sending began
    uint32_t open_at_end = 0;           // idle: connections still open after the hold
    bool receive_only = false;          // broadcast with --senders 0
    uint64_t expected_per_receiver = 0; // receive only: measured messages the end markers announced
    bool stopped_by_signal = false;

    double window_seconds = 0;     // broadcast: measured period (receive only: listening); idle: connect + hold
    double window_cpu_seconds = 0; // this process's CPU over window_seconds
    double total_wall_seconds = 0;
    double total_cpu_seconds = 0;
    uint64_t max_rss_kb = 0;

    // broadcast: start and end of the measured period;
    // idle: before connecting and at the end of the hold.
    std::optional<ProcessSample> server_before;
    std::optional<ProcessSample> server_after;
};

void print_config(const Options &options, const std::string &run_id);
void print_connect(const Options &options, const Summary &summary);
void print_results(const Options &options, const Summary &summary);

// Returns false (after printing why) when the file cannot be written.
bool write_json(const Options &options, const std::string &run_id, const Summary &summary, const std::string &path);

} // namespace loadgen
