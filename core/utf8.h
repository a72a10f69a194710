#pragma once

#include <QByteArrayView>

namespace natter {

/// Strict UTF-8 check (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(QByteArrayView bytes);

} // namespace natter
