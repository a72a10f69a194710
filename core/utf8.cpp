#include "utf8.h"

#include <cstring>

namespace natter {

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        // Skip ASCII quickly, eight bytes at a time where possible.
        while (end - p >= 8) {
            quint64 chunk;
            memcpy(&chunk, p, sizeof chunk);
            if (chunk & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p == end)
            break;
        const unsigned char lead = *p;
        if (lead < 0x80) {
            ++p;
            continue;
        }
        int continuation;
        unsigned char min = 0x80, max = 0xBF; // allowed range of the first continuation byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
            if (lead == 0xE0)
                min = 0xA0; // overlong
            else if (lead == 0xED)
                max = 0x9F; // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
            if (lead == 0xF0)
                min = 0x90; // overlong
            else if (lead == 0xF4)
                max = 0x8F; // above U+10FFFF
        } else {
            return false;
        }
        if (end - p <= continuation)
            return false;
        if (p[1] < min || p[1] > max)
            return false;
        for (int i = 2; i <= continuation; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
        }
        p += continuation + 1;
    }
    return true;
}

} // namespace natter
