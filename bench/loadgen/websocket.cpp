#include "websocket.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <algorithm>
#include <array>
#include <cctype>

namespace loadgen::ws {

namespace {

constexpr std::string_view kAcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
// Far above anything the chat server sends; guards against a corrupt length.
constexpr uint64_t kMaxFramePayload = 16u << 20;

bool iequals(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

HandshakeKey make_handshake_key(Rng &rng)
{
    std::array<char, 16> nonce{};
    for (size_t i = 0; i < nonce.size(); i += 8) {
        const uint64_t r = rng.next();
        for (size_t j = 0; j < 8; ++j)
            nonce[i + j] = char(r >> (8 * j));
    }
    HandshakeKey result;
    result.key = QByteArray(nonce.data(), qsizetype(nonce.size())).toBase64().toStdString();
    const std::string concatenated = result.key + std::string(kAcceptGuid);
    result.expected_accept = QCryptographicHash::hash(QByteArray::fromStdString(concatenated), QCryptographicHash::Sha1)
                                 .toBase64()
                                 .toStdString();
    return result;
}

std::string upgrade_request(std::string_view host_header, std::string_view target, std::string_view key)
{
    std::string request;
    request.reserve(256);
    request.append("GET ").append(target).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(host_header).append("\r\n");
    request.append("Upgrade: websocket\r\n");
    request.append("Connection: Upgrade\r\n");
    request.append("Sec-WebSocket-Key: ").append(key).append("\r\n");
    request.append("Sec-WebSocket-Version: 13\r\n\r\n");
    return request;
}

HandshakeResult parse_upgrade_response(std::string_view input, std::string_view expected_accept)
{
    HandshakeResult result;
    const size_t end = input.find("\r\n\r\n");
    if (end == std::string_view::npos) {
        if (input.size() > 16 * 1024) {
            result.status = HandshakeStatus::Rejected;
            result.error = "oversized HTTP response";
        }
        return result;
    }

    std::string_view head = input.substr(0, end + 2);
    const size_t status_end = head.find("\r\n");
    const std::string_view status_line = head.substr(0, status_end);
    head.remove_prefix(status_end + 2);

    result.status = HandshakeStatus::Rejected;
    // "HTTP/1.1 101 Switching Protocols": the code is the second token.
    const size_t space = status_line.find(' ');
    if (space == std::string_view::npos || status_line.substr(space + 1, 3) != "101") {
        result.error = "HTTP " + std::string(status_line.substr(space == std::string_view::npos ? 0 : space + 1, 3));
        return result;
    }

    bool accept_ok = false;
    while (!head.empty()) {
        const size_t line_end = head.find("\r\n");
        const std::string_view line = head.substr(0, line_end);
        head.remove_prefix(line_end + 2);
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        if (iequals(trim(line.substr(0, colon)), "Sec-WebSocket-Accept"))
            accept_ok = trim(line.substr(colon + 1)) == expected_accept;
    }
    if (!accept_ok) {
        result.error = "bad Sec-WebSocket-Accept";
        return result;
    }
    result.status = HandshakeStatus::Accepted;
    result.header_size = end + 4;
    return result;
}

FrameStatus parse_frame(std::string_view input, Frame &frame)
{
    if (input.size() < 2)
        return FrameStatus::Incomplete;
    const auto b0 = static_cast<uint8_t>(input[0]);
    const auto b1 = static_cast<uint8_t>(input[1]);
    // No extension was negotiated, so RSV bits must be clear; servers never mask.
    if ((b0 & 0x70) != 0 || (b1 & 0x80) != 0)
        return FrameStatus::ProtocolError;

    uint64_t length = b1 & 0x7f;
    size_t header = 2;
    if (length == 126) {
        if (input.size() < 4)
            return FrameStatus::Incomplete;
        length = uint64_t(static_cast<uint8_t>(input[2])) << 8 | static_cast<uint8_t>(input[3]);
        header = 4;
    } else if (length == 127) {
        if (input.size() < 10)
            return FrameStatus::Incomplete;
        length = 0;
        for (size_t i = 2; i < 10; ++i)
            length = length << 8 | static_cast<uint8_t>(input[i]);
        header = 10;
    }
    if (length > kMaxFramePayload)
        return FrameStatus::ProtocolError;

    const auto opcode = Opcode(b0 & 0x0f);
    const bool fin = (b0 & 0x80) != 0;
    const bool control = (b0 & 0x08) != 0;
    if (control && (!fin || length > 125))
        return FrameStatus::ProtocolError;
    if (input.size() - header < length)
        return FrameStatus::Incomplete;

    frame.opcode = opcode;
    frame.fin = fin;
    frame.payload = input.substr(header, size_t(length));
    frame.size = header + size_t(length);
    return FrameStatus::Complete;
}

void append_frame(std::string &out, Opcode opcode, std::string_view payload, uint32_t mask)
{
    const size_t length = payload.size();
    out.push_back(char(0x80 | uint8_t(opcode)));
    if (length < 126) {
        out.push_back(char(0x80 | length));
    } else if (length <= 0xffff) {
        out.push_back(char(0x80 | 126));
        out.push_back(char(length >> 8));
        out.push_back(char(length));
    } else {
        out.push_back(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.push_back(char(uint64_t(length) >> shift));
    }
    const std::array<char, 4> key{char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
    out.append(key.data(), key.size());

    const size_t offset = out.size();
    out.resize(offset + length);
    char *dst = out.data() + offset;
    for (size_t i = 0; i < length; ++i)
        dst[i] = char(payload[i] ^ key[i & 3]);
}

std::string close_payload(int code)
{
    return {char(code >> 8), char(code & 0xff)};
}

int close_code(std::string_view payload)
{
    if (payload.size() < 2)
        return kCloseNoStatus;
    return static_cast<uint8_t>(payload[0]) << 8 | static_cast<uint8_t>(payload[1]);
}

} // namespace loadgen::ws
