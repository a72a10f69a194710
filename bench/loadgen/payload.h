#pragma once

// Message content the senders put in {"content":"..."} and find again in the
// server's broadcast frames. Layout: "<run>:<sender>:<send_ns>" padded with
// 'x' to the requested size, using only [0-9a-z:] so no JSON escaping occurs.
// The run id keeps frames of an earlier run (e.g. replayed history) out of the
// figures.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loadgen {

struct PayloadInfo
{
    uint32_t sender = 0;
    uint64_t send_ns = 0;
};

// Appends the client message text {"content":"<payload>"} to `out`.
void append_message_json(std::string &out, std::string_view run_id, uint32_t sender, uint64_t send_ns,
                         size_t payload_size);

// Finds this run's payload in a broadcast frame; nullopt for any other frame.
std::optional<PayloadInfo> parse_delivery(std::string_view frame_text, std::string_view run_id);

} // namespace loadgen
