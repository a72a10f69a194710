#pragma once

#include <QString>

namespace natter::names {

constexpr int maxRoomNameLength = 64;
constexpr int maxUserNameLength = 64;

/// The room that always exists and cannot be deleted.
inline const QString defaultRoom = QStringLiteral("general");

/**
 * Room names are 1 to 64 letters, digits, '-', '_' or '.', in Unicode normalisation form C so that two
 * spellings of one name cannot become two rooms, or the reserved form of a direct conversation
 * (isDirectRoomName). Checked after URL decoding.
 */
bool isValidRoomName(const QString &name);

/**
 * The private room of a direct conversation between @p a and @p b: the same whichever of them starts it and
 * whatever letter case they type ("@" and 24 hex digits of a hash of both names). Such names are reserved:
 * no one creates a public room by them.
 */
QString directRoomName(const QString &a, const QString &b);
/// What two spellings of one user name share ("Alice" and "alice"): names are compared by this key everywhere.
inline QString userKey(const QString &name)
{
    return name.toCaseFolded();
}

/// "@" followed by 24 lowercase hex digits, the form of directRoomName().
bool isDirectRoomName(QStringView name);

/**
 * User names are 1 to 64 printable characters, without control characters and without leading or
 * trailing white space (inner spaces are allowed: "Ada Lovelace").
 */
bool isValidUserName(const QString &name);

/// Human-readable explanations used in error frames and REST errors.
QString roomNameRule();
QString userNameRule();

} // namespace natter::names
