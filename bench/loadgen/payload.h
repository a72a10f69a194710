#pragma once

// Message content the senders put in {"content":"..."} and find again in the
// server's broadcast frames, using only [0-9a-z:] so no JSON escaping occurs.
//
//   message:    "<run>:<sender>:<send_ns>:<m|w>" padded with 'x' to the
//               requested size; 'm' marks a message sent inside the measured
//               period, 'w' one sent during the warmup
//   end marker: "<run>:end:<sender>:<measured>:<senders>", posted once by each
//               sender after the measured period: how many measured messages it
//               sent, and how many senders the run has
//
// The run id keeps frames of an earlier run (e.g. replayed history) out of the
// figures. Because the payload itself says whether a message is measured and
// how many there were, receivers in other processes (sharing the run id) can
// measure the same broadcast without knowing the sender's schedule.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loadgen {

struct PayloadInfo
{
    enum class Kind
    {
        Message,
        End
    };
    Kind kind = Kind::Message;
    uint32_t sender = 0;
    // Message only.
    uint64_t send_ns = 0;
    bool measured = false;
    // End marker only.
    uint64_t measured_count = 0;
    uint32_t senders = 0;
};

// Appends the client message text {"content":"<payload>"} to `out`.
void append_message_json(std::string &out, std::string_view run_id, uint32_t sender, uint64_t send_ns, bool measured,
                         size_t payload_size);

// Appends the client message text of a sender's end marker to `out`.
void append_end_json(std::string &out, std::string_view run_id, uint32_t sender, uint64_t measured_count,
                     uint32_t senders);

// Finds this run's payload in a broadcast frame; nullopt for any other frame.
std::optional<PayloadInfo> parse_delivery(std::string_view frame_text, std::string_view run_id);

} // namespace loadgen
