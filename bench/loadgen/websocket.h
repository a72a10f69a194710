#pragma once

// Client side of RFC 6455: the HTTP/1.1 upgrade and frame encoding/decoding.

#include "common.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace loadgen::ws {

enum class Opcode : uint8_t
{
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// Close status used when no code was present in a close frame (RFC 6455 7.4.1).
constexpr int kCloseNoStatus = 1005;
constexpr int kCloseNormal = 1000;

struct HandshakeKey
{
    std::string key;             // Sec-WebSocket-Key sent to the server
    std::string expected_accept; // Sec-WebSocket-Accept the server must answer
};

HandshakeKey make_handshake_key(Rng &rng);

std::string upgrade_request(std::string_view host_header, std::string_view target, std::string_view key);

enum class HandshakeStatus
{
    Incomplete,
    Accepted,
    Rejected
};

struct HandshakeResult
{
    HandshakeStatus status = HandshakeStatus::Incomplete;
    size_t header_size = 0; // bytes of `input` taken by the response head when accepted
    std::string error;      // why the upgrade was rejected
};

// Examines the start of the server's response for a complete HTTP head.
HandshakeResult parse_upgrade_response(std::string_view input, std::string_view expected_accept);

struct Frame
{
    Opcode opcode = Opcode::Continuation;
    bool fin = false;
    std::string_view payload; // points into the parsed input
    size_t size = 0;          // header plus payload bytes
};

enum class FrameStatus
{
    Incomplete,
    Complete,
    ProtocolError
};

// Decodes one server frame from the start of `input`.
FrameStatus parse_frame(std::string_view input, Frame &frame);

// Appends one complete (FIN) client frame, masked with `mask` as clients must.
void append_frame(std::string &out, Opcode opcode, std::string_view payload, uint32_t mask);

// Payload of a close frame carrying `code`.
std::string close_payload(int code);

// Status code of a received close frame's payload.
int close_code(std::string_view payload);

} // namespace loadgen::ws
