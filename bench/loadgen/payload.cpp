#include "payload.h"

#include <algorithm>
#include <charconv>

namespace loadgen {

namespace {

constexpr std::string_view kContentKey = "\"content\"";
constexpr std::string_view kEndTag = "end:";

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

// Parses a decimal number at the start of `text` and the ':' after it (when
// `colon`), advancing `text` past both.
template <typename T> bool take_number(std::string_view &text, T &value, bool colon)
{
    const char *const end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (result.ec != std::errc{})
        return false;
    if (colon && (result.ptr == end || *result.ptr != ':'))
        return false;
    text.remove_prefix(size_t(result.ptr - text.data()) + (colon ? 1 : 0));
    return true;
}

} // namespace

void append_message_json(std::string &out, std::string_view run_id, uint32_t sender, uint64_t send_ns, bool measured,
                         size_t payload_size)
{
    out.append("{").append(kContentKey).append(":\"");
    const size_t start = out.size();
    out.append(run_id).push_back(':');
    append_number(out, sender);
    out.push_back(':');
    append_number(out, send_ns);
    out.push_back(':');
    out.push_back(measured ? 'm' : 'w');
    const size_t written = out.size() - start;
    if (written < payload_size)
        out.append(payload_size - written, 'x');
    out.append("\"}");
}

void append_end_json(std::string &out, std::string_view run_id, uint32_t sender, uint64_t measured_count,
                     uint32_t senders)
{
    out.append("{").append(kContentKey).append(":\"");
    out.append(run_id).push_back(':');
    out.append(kEndTag);
    append_number(out, sender);
    out.push_back(':');
    append_number(out, measured_count);
    out.push_back(':');
    append_number(out, senders);
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
    if (payload.starts_with(kEndTag)) {
        payload.remove_prefix(kEndTag.size());
        info.kind = PayloadInfo::Kind::End;
        if (!take_number(payload, info.sender, true) || !take_number(payload, info.measured_count, true) ||
            !take_number(payload, info.senders, false))
            return std::nullopt;
        return info;
    }
    if (!take_number(payload, info.sender, true) || !take_number(payload, info.send_ns, true) || payload.empty())
        return std::nullopt;
    if (payload.front() == 'm')
        info.measured = true;
    else if (payload.front() != 'w')
        return std::nullopt;
    return info;
}

} // namespace loadgen
