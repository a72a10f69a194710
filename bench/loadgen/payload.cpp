#include "payload.h"

#include <algorithm>
#include <charconv>

namespace loadgen {

namespace {

constexpr std::string_view kContentKey = "\"content\"";

std::string_view skip_spaces(std::string_view text)
{
    text.remove_prefix(std::min(text.find_first_not_of(" \t\r\n"), text.size()));
    return text;
}

void append_number(std::string &out, uint64_t value)
{
    char digits[24];
    const auto result = std::to_chars(std::begin(digits), std::end(digits), value);
    out.append(digits, result.ptr);
}

} // namespace

void append_message_json(std::string &out, std::string_view run_id, uint32_t sender, uint64_t send_ns,
                         size_t payload_size)
{
    out.append("{").append(kContentKey).append(":\"");
    const size_t start = out.size();
    out.append(run_id).push_back(':');
    append_number(out, sender);
    out.push_back(':');
    append_number(out, send_ns);
    const size_t written = out.size() - start;
    if (written < payload_size)
        out.append(payload_size - written, 'x');
    out.append("\"}");
}

std::optional<PayloadInfo> parse_delivery(std::string_view frame_text, std::string_view run_id)
{
    const size_t key = frame_text.find(kContentKey);
    if (key == std::string_view::npos)
        return std::nullopt;
    // The server writes compact JSON, but tolerate spaces around the colon.
    std::string_view payload = skip_spaces(frame_text.substr(key + kContentKey.size()));
    if (payload.empty() || payload.front() != ':')
        return std::nullopt;
    payload = skip_spaces(payload.substr(1));
    if (payload.empty() || payload.front() != '"')
        return std::nullopt;
    payload.remove_prefix(1);
    if (payload.size() <= run_id.size() || payload.substr(0, run_id.size()) != run_id || payload[run_id.size()] != ':')
        return std::nullopt;
    payload.remove_prefix(run_id.size() + 1);

    PayloadInfo info;
    const char *const end = payload.data() + payload.size();
    const auto sender = std::from_chars(payload.data(), end, info.sender);
    if (sender.ec != std::errc{} || sender.ptr == end || *sender.ptr != ':')
        return std::nullopt;
    const auto sent = std::from_chars(sender.ptr + 1, end, info.send_ns);
    if (sent.ec != std::errc{})
        return std::nullopt;
    return info;
}

} // namespace loadgen
