#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <variant>

/**
 * JSON Web Tokens (RFC 7519) signed with HMAC-SHA256 (JWS "HS256", RFC 7515): the login tokens the
 * server hands out and checks.
 *
 * Only what Natter issues is accepted: the algorithm is pinned to HS256 (the header cannot choose
 * "none", another HMAC size or a public-key algorithm), the signature is checked before the payload is
 * even decoded, and `exp` is mandatory. Base64url is decoded strictly so one token has exactly one
 * spelling. Tokens are credentials: never log one, pass log text through redactForLog().
 */
namespace natter::jwt {

/// Tokens longer than this are refused before any decoding or hashing (ours are a few hundred bytes).
inline constexpr qsizetype maxTokenBytes = 8 * 1024;
/// RFC 7518 3.2: an HS256 key must be at least as long as the hash output.
inline constexpr qsizetype minimumKeyBytes = 32;
/// Clock difference tolerated between the issuing and the checking machine when comparing times.
inline constexpr qint64 defaultLeewaySeconds = 30;

/// Why a token was refused. Only append: callers may map these to response codes.
enum class Error
{
    TooLarge,             ///< Longer than maxTokenBytes.
    Malformed,            ///< Not three base64url parts of JSON objects.
    UnsupportedAlgorithm, ///< The header's "alg" is anything but exactly "HS256" (including "none").
    UnsupportedHeader,    ///< The header asks for something not understood ("crit", a foreign "typ").
    BadSignature,         ///< The MAC does not match (wrong key, altered token) or the key is too short.
    MissingClaim,         ///< No "exp".
    InvalidClaim,         ///< A registered claim has the wrong JSON type or an impossible value.
    Expired,              ///< Now is at or past "exp" (plus leeway).
    NotYetValid,          ///< Now is before "nbf" (minus leeway).
    IssuedInFuture,       ///< "iat" lies ahead of now (plus leeway): the issuer's clock or the token is wrong.
};

/// A sentence for people (log lines, error responses); it never contains token material.
QString errorMessage(Error error);

/// The claims Natter reads and writes. Times are seconds since the Unix epoch; 0 means "absent".
struct TokenClaims
{
    QString subject; ///< "sub": the user name.
    QString role;    ///< "role": "user" or "admin".
    qint64 issuedAt = 0;
    qint64 notBefore = 0;
    qint64 expiresAt = 0;
    QString tokenId; ///< "jti": lets a server revoke one token.
};

/// A token that passed verify(): its claims, and the whole payload for anything beyond them.
struct VerifiedToken
{
    TokenClaims claims; ///< Absent string claims are empty; callers check what they need (e.g. a subject).
    QJsonObject payload;
};

/**
 * Issues a token with header {"alg":"HS256","typ":"JWT"} and the claims given; empty strings and zero
 * times other than "exp" are left out. Returns an empty array if @p secret is shorter than minimumKeyBytes.
 */
QByteArray sign(const TokenClaims &claims, QByteArrayView secret);

/**
 * Checks @p token completely: size, structure, header (HS256 only, no "crit"), signature, then claims
 * against @p nowSeconds with @p leewaySeconds of tolerance. The signature is verified before the payload
 * is decoded, so unauthenticated input never reaches the claim parser.
 */
std::variant<VerifiedToken, Error> verify(QByteArrayView token, QByteArrayView secret, qint64 nowSeconds,
                                          qint64 leewaySeconds = defaultLeewaySeconds);

/**
 * Only the HS256 signature of a compact JWS (three strict base64url parts, at most maxTokenBytes): true if
 * the third part is the HMAC-SHA256 of the first two with @p key. No header or claim checks, which is what
 * RFC 7515's example needs; use verify() for tokens presented by clients.
 */
bool verifyHs256Signature(QByteArrayView token, QByteArrayView key);

/// HMAC-SHA256 of @p message (32 bytes).
QByteArray hmacSha256(QByteArrayView message, QByteArrayView key);

/// Base64url without padding (RFC 7515 2).
QByteArray base64UrlEncode(QByteArrayView data);

/**
 * Strict base64url: only A-Z a-z 0-9 - _, no padding, no length of 4n+1, and unused trailing bits zero,
 * so every byte string has exactly one accepted spelling. std::nullopt for anything else.
 */
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

/**
 * Compares two byte strings without leaving early at the first difference, so the time taken says
 * nothing about how many leading bytes matched. Different lengths compare unequal at once: the lengths
 * compared here (MACs) are public.
 */
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

/**
 * Text safe to log: the values of `token`, `access_token`, `refresh_token`, `id_token`, `jwt` and
 * `password` parameters (query string, fragment or form body), `Bearer` credentials and anything shaped like
 * a JWT become "[redacted]". Meant for request targets and header lines; everything else is unchanged.
 */
QByteArray redactForLog(QByteArrayView text);
QString redactForLog(QStringView text);

} // namespace natter::jwt
