#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <optional>
#include <variant>

/**
 * Credentials at rest: account passwords hashed with Argon2id (libsodium's crypto_pwhash_str), and the
 * secret that signs login tokens, generated on first start and kept in a file only its owner can read.
 *
 * Hashing is deliberately slow and memory-hungry (passwordHashMemoryBytes per call, around a tenth of a
 * second of one core): run it off the I/O threads and bound how many run at once.
 */
namespace natter {

/// Shortest password accepted for a new account, in characters (Unicode code points, after normalisation).
inline constexpr int minPasswordLength = 8;
/// Longest, in UTF-8 bytes: anything longer is refused before hashing, so a request cannot buy unbounded work.
inline constexpr int maxPasswordBytes = 1024;
/// Argon2id passes and memory for new hashes: libsodium's "interactive" profile (passwords.cpp says why).
inline constexpr unsigned long long passwordHashPasses = 2;
inline constexpr std::size_t passwordHashMemoryBytes = 64 * 1024 * 1024;

/**
 * Why @p password cannot be set as a new password, as a sentence for the user, or std::nullopt if it can.
 * At least minPasswordLength characters and at most maxPasswordBytes of UTF-8; every character is allowed.
 */
std::optional<QString> passwordPolicyViolation(const QString &password);

/**
 * A self-describing Argon2id hash ("$argon2id$v=19$m=...,t=...,p=1$salt$hash") of @p password with a fresh
 * random salt. Empty if the policy refuses the password or the memory for hashing cannot be allocated.
 */
QByteArray hashPassword(const QString &password);

/**
 * Whether @p password matches @p hash (any parameters recorded in the hash). The minimum length is not
 * applied, so passwords set under an older policy still work; over-long input is refused without hashing.
 */
bool verifyPassword(const QByteArray &hash, const QString &password);

/// True if @p hash is not Argon2id with today's parameters: after a successful login, store a new hash.
bool passwordNeedsRehash(const QByteArray &hash);

/// @p bytes from the operating system's cryptographic random generator.
QByteArray generateSecret(qsizetype bytes = 32);

/// Size of the token signing key (HS256: as long as the SHA-256 output, RFC 7518 3.2).
inline constexpr qsizetype signingKeyBytes = 32;

struct SigningKey
{
    QByteArray key;
    bool created = false; ///< Generated just now: earlier tokens (signed with another key) are void.
};

/**
 * The token signing key kept in @p path: read it, or on first start generate one and write it.
 *
 * A new file is written in full under a temporary name created with mode 0600, then linked into place only if
 * no file is there yet, so no other user can ever read it, no reader sees it half-written, and two servers
 * starting together end up with the same key.
 *
 * An existing file must be a regular file (not a symbolic link) of signingKeyBytes bytes that neither group
 * nor others can access. If it is readable by others the key is refused, not repaired: it may already have
 * been copied, and only the administrator can decide whether to restrict it or to replace it (signing
 * everyone out). The error says how to do either.
 */
std::variant<SigningKey, QString> loadOrCreateSigningKey(const QString &path);

} // namespace natter
