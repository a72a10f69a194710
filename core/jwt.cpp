#include "jwt.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonValue>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace natter::jwt {

namespace {

/// The one header Natter writes; QJsonObject would sort the keys the same way, this just skips the work.
constexpr QByteArrayView issuedHeader = R"({"alg":"HS256","typ":"JWT"})";
constexpr qsizetype macBytes = 32;
/// 9999-12-31T23:59:59Z: later (or negative) times are not dates a token can sensibly carry.
constexpr double latestNumericDate = 253402300799.0;

/// The three dot-separated parts of a compact JWS, still encoded.
struct Parts
{
    QByteArrayView header;
    QByteArrayView payload;
    QByteArrayView signature;
    QByteArrayView signingInput; ///< "header.payload": what the MAC covers.
};

std::optional<Parts> split(QByteArrayView token)
{
    const qsizetype first = token.indexOf('.');
    if (first < 0)
        return std::nullopt;
    const qsizetype second = token.indexOf('.', first + 1);
    if (second < 0 || token.indexOf('.', second + 1) >= 0)
        return std::nullopt;
    return Parts{token.first(first), token.sliced(first + 1, second - first - 1), token.sliced(second + 1),
                 token.first(second)};
}

/// Decodes one part and parses it as a JSON object.
std::optional<QJsonObject> decodeObject(QByteArrayView part)
{
    const std::optional<QByteArray> json = base64UrlDecode(part);
    if (!json)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

/// @p presented (the decoded signature part) is HMAC-SHA256 of the signing input under @p key.
bool signatureMatches(const Parts &parts, const QByteArray &presented, QByteArrayView key)
{
    // A short (or empty) key makes forgery easy; fail closed rather than check against it.
    if (key.size() < minimumKeyBytes || presented.size() != macBytes)
        return false;
    return constantTimeEquals(hmacSha256(parts.signingInput, key), presented);
}

/// A NumericDate claim (RFC 7519 2): absent, a usable number, or something else.
struct NumericDate
{
    bool present = false;
    bool valid = true;
    double value = 0;
};

NumericDate numericDate(const QJsonObject &payload, QLatin1StringView name)
{
    const auto it = payload.constFind(name);
    if (it == payload.constEnd())
        return {};
    // RFC 7519 allows fractional seconds; a string, null or out-of-range number is not a date.
    const QJsonValue value = *it;
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < 0 ||
        value.toDouble() > latestNumericDate)
        return {true, false, 0};
    return {true, true, value.toDouble()};
}

/// An optional string claim: false if present with another JSON type.
bool readString(const QJsonObject &payload, QLatin1StringView name, QString &out)
{
    const auto it = payload.constFind(name);
    if (it == payload.constEnd())
        return true;
    if (!it->isString())
        return false;
    out = it->toString();
    return true;
}

std::variant<VerifiedToken, Error> checkClaims(const QJsonObject &payload, qint64 now, qint64 leeway)
{
    const NumericDate exp = numericDate(payload, "exp"_L1);
    const NumericDate nbf = numericDate(payload, "nbf"_L1);
    const NumericDate iat = numericDate(payload, "iat"_L1);
    if (!exp.present)
        return Error::MissingClaim;
    if (!exp.valid || !nbf.valid || !iat.valid)
        return Error::InvalidClaim;

    VerifiedToken result;
    TokenClaims &claims = result.claims;
    if (!readString(payload, "sub"_L1, claims.subject) || !readString(payload, "role"_L1, claims.role) ||
        !readString(payload, "jti"_L1, claims.tokenId))
        return Error::InvalidClaim;
    // Round fractional times towards the stricter side: expiry earlier, start later.
    claims.expiresAt = qint64(std::floor(exp.value));
    claims.notBefore = qint64(std::ceil(nbf.value));
    claims.issuedAt = qint64(std::floor(iat.value));

    // RFC 7519 4.1.4: the token must not be accepted "on or after" its expiry time.
    if (now >= claims.expiresAt + leeway)
        return Error::Expired;
    if (nbf.present && now + leeway < claims.notBefore)
        return Error::NotYetValid;
    if (iat.present && claims.issuedAt > now + leeway)
        return Error::IssuedInFuture;
    result.payload = payload;
    return result;
}

int base64UrlValue(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

} // namespace

QString errorMessage(Error error)
{
    switch (error) {
    case Error::TooLarge:
        return u"the token is too long"_s;
    case Error::Malformed:
        return u"the token is not a well-formed JSON Web Token"_s;
    case Error::UnsupportedAlgorithm:
        return u"the token is not signed with HS256"_s;
    case Error::UnsupportedHeader:
        return u"the token's header asks for something this server does not support"_s;
    case Error::BadSignature:
        return u"the token's signature is not valid"_s;
    case Error::MissingClaim:
        return u"the token has no expiry time"_s;
    case Error::InvalidClaim:
        return u"the token has a claim with an invalid value"_s;
    case Error::Expired:
        return u"the token has expired"_s;
    case Error::NotYetValid:
        return u"the token is not valid yet"_s;
    case Error::IssuedInFuture:
        return u"the token claims to be issued in the future"_s;
    }
    Q_UNREACHABLE();
    return {};
}

QByteArray sign(const TokenClaims &claims, QByteArrayView secret)
{
    if (secret.size() < minimumKeyBytes)
        return {};
    QJsonObject payload;
    if (!claims.subject.isEmpty())
        payload.insert("sub"_L1, claims.subject);
    if (!claims.role.isEmpty())
        payload.insert("role"_L1, claims.role);
    if (claims.issuedAt != 0)
        payload.insert("iat"_L1, claims.issuedAt);
    if (claims.notBefore != 0)
        payload.insert("nbf"_L1, claims.notBefore);
    payload.insert("exp"_L1, claims.expiresAt);
    if (!claims.tokenId.isEmpty())
        payload.insert("jti"_L1, claims.tokenId);

    QByteArray token =
        base64UrlEncode(issuedHeader) + '.' + base64UrlEncode(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    token += '.' + base64UrlEncode(hmacSha256(token, secret));
    return token;
}

std::variant<VerifiedToken, Error> verify(QByteArrayView token, QByteArrayView secret, qint64 nowSeconds,
                                          qint64 leewaySeconds)
{
    if (token.size() > maxTokenBytes)
        return Error::TooLarge;
    const std::optional<Parts> parts = split(token);
    if (!parts)
        return Error::Malformed;

    const std::optional<QJsonObject> header = decodeObject(parts->header);
    if (!header)
        return Error::Malformed;
    // Pinned: the header may not pick the algorithm (RFC 8725 3.1). Exactly the string "HS256", so
    // "none", "hs256", "HS512", "RS256" and non-strings all end here.
    const QJsonValue alg = header->value("alg"_L1);
    if (!alg.isString() || alg.toString() != "HS256"_L1)
        return Error::UnsupportedAlgorithm;
    // RFC 7515 4.1.11: extensions listed in "crit" must be understood; this verifier understands none.
    if (header->contains("crit"_L1))
        return Error::UnsupportedHeader;
    // "typ" is optional, but if present it must say this is a JWT (case-insensitive, RFC 7519 5.1), so
    // other kinds of JWS signed with the same key are not taken for login tokens.
    if (header->contains("typ"_L1)) {
        const QJsonValue typ = header->value("typ"_L1);
        if (!typ.isString() || typ.toString().compare("JWT"_L1, Qt::CaseInsensitive) != 0)
            return Error::UnsupportedHeader;
    }

    const std::optional<QByteArray> signature = base64UrlDecode(parts->signature);
    if (!signature)
        return Error::Malformed;
    if (!signatureMatches(*parts, *signature, secret))
        return Error::BadSignature;

    // Only now, authenticated, is the payload decoded and read.
    const std::optional<QJsonObject> payload = decodeObject(parts->payload);
    if (!payload)
        return Error::Malformed;
    return checkClaims(*payload, nowSeconds, qMax<qint64>(0, leewaySeconds));
}

bool verifyHs256Signature(QByteArrayView token, QByteArrayView key)
{
    if (token.size() > maxTokenBytes)
        return false;
    const std::optional<Parts> parts = split(token);
    if (!parts || !base64UrlDecode(parts->header) || !base64UrlDecode(parts->payload))
        return false;
    const std::optional<QByteArray> signature = base64UrlDecode(parts->signature);
    return signature && signatureMatches(*parts, *signature, key);
}

QByteArray hmacSha256(QByteArrayView message, QByteArrayView key)
{
    // Qt 6.4 takes QByteArray only; fromRawData avoids copying the message.
    return QMessageAuthenticationCode::hash(QByteArray::fromRawData(message.data(), message.size()), key.toByteArray(),
                                            QCryptographicHash::Sha256);
}

QByteArray base64UrlEncode(QByteArrayView data)
{
    return QByteArray::fromRawData(data.data(), data.size())
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    // 4n+1 characters would leave 6 bits, not enough for a byte.
    if (text.size() % 4 == 1)
        return std::nullopt;
    QByteArray out;
    out.reserve(text.size() * 3 / 4);
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int value = base64UrlValue(c);
        if (value < 0)
            return std::nullopt;
        buffer = (buffer << 6) | quint32(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xFF));
            buffer &= (1u << bits) - 1;
        }
    }
    // The last character's unused low bits must be zero, or "AB" and "AC" would both decode to the same
    // byte and a token could be altered without changing what it says.
    if (buffer != 0)
        return std::nullopt;
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    // Accumulate every difference and decide once at the end; volatile keeps the compiler from turning the
    // loop back into an early-exit comparison.
    volatile unsigned char difference = 0;
    const auto *x = reinterpret_cast<const unsigned char *>(a.data());
    const auto *y = reinterpret_cast<const unsigned char *>(b.data());
    for (qsizetype i = 0; i < a.size(); ++i)
        difference = difference | (x[i] ^ y[i]);
    return difference == 0;
}

QString redactForLog(QStringView text)
{
    static const QRegularExpression parameter(
        uR"(((?:^|[?&#\s])(?:access_token|refresh_token|id_token|token|jwt|password)=)[^&#\s]*)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bearer(uR"((\bbearer\s+)[^\s,;"']+)"_s, QRegularExpression::CaseInsensitiveOption);
    // A JWT's header is a JSON object, so its base64url always starts with "eyJ" ('{"').
    static const QRegularExpression jwtShaped(uR"(eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)"_s);

    QString result = text.toString();
    result.replace(parameter, u"\\1[redacted]"_s);
    result.replace(bearer, u"\\1[redacted]"_s);
    result.replace(jwtShaped, u"[redacted]"_s);
    return result;
}

QByteArray redactForLog(QByteArrayView text)
{
    // Latin-1 maps every byte to one character and back, so bytes that are not UTF-8 survive unchanged.
    return redactForLog(QString::fromLatin1(text)).toLatin1();
}

} // namespace natter::jwt
