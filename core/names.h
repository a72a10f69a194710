#pragma once

#include <QString>

namespace natter::names {

constexpr int maxRoomNameLength = 64;
constexpr int maxUserNameLength = 64;

/// The room that always exists and cannot be deleted.
inline const QString defaultRoom = QStringLiteral("general");

/**
 * Room names are 1 to 64 letters, digits, '-', '_' or '.', in Unicode normalisation form C so that two
 * spellings of one name cannot become two rooms. Checked after URL decoding.
 */
bool isValidRoomName(const QString &name);

/**
 * User names are 1 to 64 printable characters, without control characters and without leading or
 * trailing white space (inner spaces are allowed: "Ada Lovelace").
 */
bool isValidUserName(const QString &name);

/// Human-readable explanations used in error frames and REST errors.
QString roomNameRule();
QString userNameRule();

} // namespace natter::names
