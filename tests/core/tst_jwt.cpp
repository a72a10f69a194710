#include "jwt.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace natter;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(natter::jwt::Error)

namespace {

using Result = std::variant<jwt::VerifiedToken, jwt::Error>;

/// What verify() decided, as text, so a failing comparison says which way it went.
QString outcome(const Result &result)
{
    return std::holds_alternative<jwt::Error>(result) ? jwt::errorMessage(std::get<jwt::Error>(result)) : u"accepted"_s;
}

QString refused(jwt::Error error)
{
    return jwt::errorMessage(error);
}

const QString accepted = u"accepted"_s;

// RFC 7515 Appendix A.1: the example HS256 JWS and its symmetric key (JWK "k"). The header and payload
// contain CR LF line breaks; the signature covers those exact bytes.
constexpr QByteArrayView rfcToken =
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
    ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
constexpr QByteArrayView rfcKey =
    "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
constexpr qint64 rfcExp = 1300819380;

/// A fixed 32-byte key; the tests need a known one, not a random one.
QByteArray testKey()
{
    QByteArray key;
    for (int i = 0; i < 32; ++i)
        key.append(char(0xA0 + i));
    return key;
}

/// A token with any header and payload text, correctly signed with HS256 under @p key: the verifier must
/// refuse these on their content, not on their signature.
QByteArray makeToken(QByteArrayView headerJson, QByteArrayView payloadJson, QByteArrayView key = testKey())
{
    const QByteArray input = jwt::base64UrlEncode(headerJson) + '.' + jwt::base64UrlEncode(payloadJson);
    return input + '.' + jwt::base64UrlEncode(jwt::hmacSha256(input, key));
}

constexpr QByteArrayView hs256Header = R"({"alg":"HS256","typ":"JWT"})";

QByteArray payloadWith(const QJsonObject &claims)
{
    return QJsonDocument(claims).toJson(QJsonDocument::Compact);
}

constexpr qint64 now = 1'700'000'000;

jwt::TokenClaims sampleClaims()
{
    jwt::TokenClaims claims;
    claims.subject = u"alice"_s;
    claims.role = u"admin"_s;
    claims.issuedAt = now;
    claims.notBefore = now;
    claims.expiresAt = now + 3600;
    claims.tokenId = u"5f1c2a"_s;
    return claims;
}

QList<QByteArray> parts(const QByteArray &token)
{
    return token.split('.');
}

} // namespace

namespace natter::jwt {
// Lets QCOMPARE print the reason rather than a number.
char *toString(Error error)
{
    return qstrdup(errorMessage(error).toUtf8().constData());
}
} // namespace natter::jwt

class TestJwt : public QObject
{
    Q_OBJECT

private slots:
    void signedTokenVerifiesWithAllClaims();
    void signedTokenHasTheFixedHeaderAndNoPadding();
    void signLeavesOutEmptyClaims();
    void signRefusesShortKeys();

    void rfc7515ExampleSignatureVerifies();
    void rfc7515ExampleIsExpiredNowButValidBeforeItsExpiry();
    void hmacMatchesRfc4231();

    void algorithmIsPinned_data();
    void algorithmIsPinned();
    void critHeaderIsRefused();
    void typMustSayJwt_data();
    void typMustSayJwt();
    void unknownKidIsIgnored();

    void tamperedPayloadIsRefused();
    void tamperedSignatureIsRefused();
    void wrongKeyIsRefused();
    void shortKeyNeverVerifies();

    void expiryHonoursLeeway();
    void notBeforeHonoursLeeway();
    void issuedInTheFutureIsRefused();
    void fractionalTimesRoundTowardsStricter();
    void missingExpiryIsRefused();
    void invalidClaims_data();
    void invalidClaims();

    void malformedTokens_data();
    void malformedTokens();
    void nonCanonicalEncodingIsRefusedEvenWhenSigned();
    void oversizedTokensAreRefusedBeforeWork();

    void base64UrlRoundTrip();
    void base64UrlDecodingIsStrict_data();
    void base64UrlDecodingIsStrict();
    void constantTimeEqualsCompares();
    void errorMessagesAreDistinct();

    void redactsTokensForLogs_data();
    void redactsTokensForLogs();
};

void TestJwt::signedTokenVerifiesWithAllClaims()
{
    const jwt::TokenClaims claims = sampleClaims();
    const QByteArray token = jwt::sign(claims, testKey());
    const Result result = jwt::verify(token, testKey(), now + 60);
    QCOMPARE(outcome(result), accepted);
    const jwt::TokenClaims &read = std::get<jwt::VerifiedToken>(result).claims;
    QCOMPARE(read.subject, claims.subject);
    QCOMPARE(read.role, claims.role);
    QCOMPARE(read.issuedAt, claims.issuedAt);
    QCOMPARE(read.notBefore, claims.notBefore);
    QCOMPARE(read.expiresAt, claims.expiresAt);
    QCOMPARE(read.tokenId, claims.tokenId);
    QCOMPARE(std::get<jwt::VerifiedToken>(result).payload.value("sub"_L1).toString(), u"alice"_s);
}

void TestJwt::signedTokenHasTheFixedHeaderAndNoPadding()
{
    const QByteArray token = jwt::sign(sampleClaims(), testKey());
    const QList<QByteArray> segments = parts(token);
    QCOMPARE(segments.size(), 3);
    QCOMPARE(jwt::base64UrlDecode(segments[0]).value(), QByteArray(R"({"alg":"HS256","typ":"JWT"})"));
    QVERIFY(!token.contains('='));
    QVERIFY(!token.contains('+'));
    QVERIFY(!token.contains('/'));
    QCOMPARE(jwt::base64UrlDecode(segments[2])->size(), 32);
    QVERIFY(jwt::verifyHs256Signature(token, testKey()));
}

void TestJwt::signLeavesOutEmptyClaims()
{
    jwt::TokenClaims claims;
    claims.expiresAt = now + 10;
    const QByteArray payload = jwt::base64UrlDecode(parts(jwt::sign(claims, testKey()))[1]).value();
    QCOMPARE(QJsonDocument::fromJson(payload).object(), QJsonObject({{u"exp"_s, now + 10}}));
}

void TestJwt::signRefusesShortKeys()
{
    QVERIFY(jwt::sign(sampleClaims(), QByteArray()).isEmpty());
    QVERIFY(jwt::sign(sampleClaims(), QByteArray(31, 'k')).isEmpty());
    QVERIFY(!jwt::sign(sampleClaims(), QByteArray(32, 'k')).isEmpty());
}

void TestJwt::rfc7515ExampleSignatureVerifies()
{
    const std::optional<QByteArray> key = jwt::base64UrlDecode(rfcKey);
    QVERIFY(key);
    QCOMPARE(key->size(), 64);
    // The CR LF inside the JSON is part of what was signed.
    const QList<QByteArray> segments = parts(rfcToken.toByteArray());
    QCOMPARE(jwt::base64UrlDecode(segments[0]).value(), QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"));
    QCOMPARE(jwt::base64UrlDecode(segments[1]).value(),
             QByteArray("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"));

    QVERIFY(jwt::verifyHs256Signature(rfcToken, *key));

    QByteArray otherKey = *key;
    otherKey[0] = char(otherKey[0] ^ 0x01);
    QVERIFY(!jwt::verifyHs256Signature(rfcToken, otherKey));
    // The same token claiming to be from "jon" instead of "joe".
    QByteArray payload = jwt::base64UrlDecode(segments[1]).value();
    payload.replace("\"joe\"", "\"jon\"");
    const QByteArray altered = segments[0] + '.' + jwt::base64UrlEncode(payload) + '.' + segments[2];
    QVERIFY(!jwt::verifyHs256Signature(altered, *key));
}

void TestJwt::rfc7515ExampleIsExpiredNowButValidBeforeItsExpiry()
{
    const QByteArray key = jwt::base64UrlDecode(rfcKey).value();
    QCOMPARE(outcome(jwt::verify(rfcToken, key, QDateTime::currentSecsSinceEpoch())), refused(jwt::Error::Expired));

    const Result before = jwt::verify(rfcToken, key, rfcExp - 60, 0);
    QCOMPARE(outcome(before), accepted);
    const jwt::VerifiedToken &token = std::get<jwt::VerifiedToken>(before);
    QCOMPARE(token.claims.expiresAt, rfcExp);
    QVERIFY(token.claims.subject.isEmpty());
    QCOMPARE(token.payload.value("iss"_L1).toString(), u"joe"_s);
    QCOMPARE(token.payload.value("http://example.com/is_root"_L1), QJsonValue(true));

    QCOMPARE(outcome(jwt::verify(rfcToken, key, rfcExp - 1, 0)), accepted);
    QCOMPARE(outcome(jwt::verify(rfcToken, key, rfcExp, 0)), refused(jwt::Error::Expired));
}

void TestJwt::hmacMatchesRfc4231()
{
    // RFC 4231 test case 2 (a key shorter than the block size).
    QCOMPARE(jwt::hmacSha256("what do ya want for nothing?", "Jefe").toHex(),
             QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
}

void TestJwt::algorithmIsPinned_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("none") << QByteArray(R"({"alg":"none","typ":"JWT"})");
    QTest::newRow("None") << QByteArray(R"({"alg":"None"})");
    QTest::newRow("NONE") << QByteArray(R"({"alg":"NONE"})");
    QTest::newRow("HS384") << QByteArray(R"({"alg":"HS384","typ":"JWT"})");
    QTest::newRow("HS512") << QByteArray(R"({"alg":"HS512","typ":"JWT"})");
    QTest::newRow("RS256") << QByteArray(R"({"alg":"RS256","typ":"JWT"})");
    QTest::newRow("ES256") << QByteArray(R"({"alg":"ES256","typ":"JWT"})");
    QTest::newRow("lower case") << QByteArray(R"({"alg":"hs256","typ":"JWT"})");
    QTest::newRow("trailing space") << QByteArray(R"({"alg":"HS256 ","typ":"JWT"})");
    QTest::newRow("missing") << QByteArray(R"({"typ":"JWT"})");
    QTest::newRow("null") << QByteArray(R"({"alg":null})");
    QTest::newRow("array") << QByteArray(R"({"alg":["HS256"]})");
}

void TestJwt::algorithmIsPinned()
{
    QFETCH(QByteArray, header);
    const QByteArray payload = payloadWith({{u"sub"_s, u"mallory"_s}, {u"exp"_s, now + 3600}});
    // Signed with the right key (HMAC-SHA256), so only the header's claim about the algorithm is wrong.
    QCOMPARE(outcome(jwt::verify(makeToken(header, payload), testKey(), now)),
             refused(jwt::Error::UnsupportedAlgorithm));
    // The classic "none" forgery carries no signature at all.
    const QByteArray unsigned_ = jwt::base64UrlEncode(header) + '.' + jwt::base64UrlEncode(payload) + '.';
    QCOMPARE(outcome(jwt::verify(unsigned_, testKey(), now)), refused(jwt::Error::UnsupportedAlgorithm));
}

void TestJwt::critHeaderIsRefused()
{
    const QByteArray payload = payloadWith({{u"exp"_s, now + 3600}});
    QCOMPARE(outcome(jwt::verify(makeToken(R"({"alg":"HS256","crit":["exp"],"exp":1})", payload), testKey(), now)),
             refused(jwt::Error::UnsupportedHeader));
    QCOMPARE(outcome(jwt::verify(makeToken(R"({"alg":"HS256","crit":[]})", payload), testKey(), now)),
             refused(jwt::Error::UnsupportedHeader));
}

void TestJwt::typMustSayJwt_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("ok");
    QTest::newRow("absent") << QByteArray(R"({"alg":"HS256"})") << true;
    QTest::newRow("JWT") << QByteArray(R"({"alg":"HS256","typ":"JWT"})") << true;
    QTest::newRow("jwt") << QByteArray(R"({"alg":"HS256","typ":"jwt"})") << true;
    QTest::newRow("at+jwt") << QByteArray(R"({"alg":"HS256","typ":"at+jwt"})") << false;
    QTest::newRow("JOSE") << QByteArray(R"({"alg":"HS256","typ":"JOSE"})") << false;
    QTest::newRow("number") << QByteArray(R"({"alg":"HS256","typ":1})") << false;
}

void TestJwt::typMustSayJwt()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, ok);
    const QByteArray token = makeToken(header, payloadWith({{u"exp"_s, now + 3600}}));
    QCOMPARE(outcome(jwt::verify(token, testKey(), now)), ok ? accepted : refused(jwt::Error::UnsupportedHeader));
}

void TestJwt::unknownKidIsIgnored()
{
    // There is one key; a key id cannot select another one, so it is simply not consulted.
    const QByteArray token =
        makeToken(R"({"alg":"HS256","typ":"JWT","kid":"../../etc/passwd"})", payloadWith({{u"exp"_s, now + 60}}));
    QCOMPARE(outcome(jwt::verify(token, testKey(), now)), accepted);
}

void TestJwt::tamperedPayloadIsRefused()
{
    jwt::TokenClaims claims = sampleClaims();
    claims.role = u"user"_s;
    const QList<QByteArray> original = parts(jwt::sign(claims, testKey()));
    claims.role = u"admin"_s;
    const QList<QByteArray> promoted = parts(jwt::sign(claims, testKey()));
    // The promoted payload with the original (valid for "user") signature.
    const QByteArray forged = original[0] + '.' + promoted[1] + '.' + original[2];
    QCOMPARE(outcome(jwt::verify(forged, testKey(), now)), refused(jwt::Error::BadSignature));
    QVERIFY(!jwt::verifyHs256Signature(forged, testKey()));
}

void TestJwt::tamperedSignatureIsRefused()
{
    const QByteArray token = jwt::sign(sampleClaims(), testKey());
    const QList<QByteArray> segments = parts(token);
    const QByteArray mac = jwt::base64UrlDecode(segments[2]).value();
    // Every single-bit change of the MAC, re-encoded canonically, is a bad signature.
    for (int bit = 0; bit < mac.size() * 8; ++bit) {
        QByteArray altered = mac;
        altered[bit / 8] = char(altered[bit / 8] ^ (1 << (bit % 8)));
        const QByteArray forged = segments[0] + '.' + segments[1] + '.' + jwt::base64UrlEncode(altered);
        QCOMPARE(outcome(jwt::verify(forged, testKey(), now)), refused(jwt::Error::BadSignature));
    }
    // A MAC cut short or extended, and no MAC at all.
    const QByteArray prefix = segments[0] + '.' + segments[1] + '.';
    QCOMPARE(outcome(jwt::verify(QByteArray(prefix + jwt::base64UrlEncode(mac.first(31))), testKey(), now)),
             refused(jwt::Error::BadSignature));
    QCOMPARE(outcome(jwt::verify(QByteArray(prefix + jwt::base64UrlEncode(QByteArray(mac + '\0'))), testKey(), now)),
             refused(jwt::Error::BadSignature));
    QCOMPARE(outcome(jwt::verify(prefix, testKey(), now)), refused(jwt::Error::BadSignature));
}

void TestJwt::wrongKeyIsRefused()
{
    const QByteArray token = jwt::sign(sampleClaims(), testKey());
    QByteArray otherKey = testKey();
    otherKey[31] = char(otherKey[31] ^ 0x80);
    QCOMPARE(outcome(jwt::verify(token, otherKey, now)), refused(jwt::Error::BadSignature));
    QCOMPARE(outcome(jwt::verify(token, QByteArray(testKey() + 'x'), now)), refused(jwt::Error::BadSignature));
}

void TestJwt::shortKeyNeverVerifies()
{
    // Even a token correctly signed with a short key is refused: such a key must not be in use at all.
    const QByteArray shortKey(16, 's');
    const QByteArray token = makeToken(hs256Header, payloadWith({{u"exp"_s, now + 60}}), shortKey);
    QCOMPARE(outcome(jwt::verify(token, shortKey, now)), refused(jwt::Error::BadSignature));
    QCOMPARE(outcome(jwt::verify(makeToken(hs256Header, payloadWith({{u"exp"_s, now + 60}}), {}), {}, now)),
             refused(jwt::Error::BadSignature));
    QVERIFY(!jwt::verifyHs256Signature(token, shortKey));
}

void TestJwt::expiryHonoursLeeway()
{
    jwt::TokenClaims claims = sampleClaims();
    claims.issuedAt = claims.notBefore = now - 3600;
    claims.expiresAt = now;
    const QByteArray token = jwt::sign(claims, testKey());
    QCOMPARE(outcome(jwt::verify(token, testKey(), now - 1, 0)), accepted);
    QCOMPARE(outcome(jwt::verify(token, testKey(), now, 0)), refused(jwt::Error::Expired));
    QCOMPARE(outcome(jwt::verify(token, testKey(), now + 29, 30)), accepted);
    QCOMPARE(outcome(jwt::verify(token, testKey(), now + 30, 30)), refused(jwt::Error::Expired));
    QCOMPARE(outcome(jwt::verify(token, testKey(), now + 100)), refused(jwt::Error::Expired));
    // A negative leeway is no leeway, not a shorter lifetime.
    QCOMPARE(outcome(jwt::verify(token, testKey(), now - 1, -10)), accepted);
}

void TestJwt::notBeforeHonoursLeeway()
{
    jwt::TokenClaims claims = sampleClaims();
    claims.issuedAt = now - 10;
    claims.notBefore = now + 100;
    claims.expiresAt = now + 3600;
    const QByteArray token = jwt::sign(claims, testKey());
    QCOMPARE(outcome(jwt::verify(token, testKey(), now)), refused(jwt::Error::NotYetValid));
    QCOMPARE(outcome(jwt::verify(token, testKey(), now + 99, 0)), refused(jwt::Error::NotYetValid));
    QCOMPARE(outcome(jwt::verify(token, testKey(), now + 100, 0)), accepted);
    QCOMPARE(outcome(jwt::verify(token, testKey(), now + 70, 30)), accepted);
    QCOMPARE(outcome(jwt::verify(token, testKey(), now + 69, 30)), refused(jwt::Error::NotYetValid));
}

void TestJwt::issuedInTheFutureIsRefused()
{
    jwt::TokenClaims claims;
    claims.issuedAt = now + 3600;
    claims.expiresAt = now + 7200;
    const QByteArray token = jwt::sign(claims, testKey());
    QCOMPARE(outcome(jwt::verify(token, testKey(), now)), refused(jwt::Error::IssuedInFuture));
    QCOMPARE(outcome(jwt::verify(token, testKey(), now + 3600 - 30)), accepted);
}

void TestJwt::fractionalTimesRoundTowardsStricter()
{
    const QByteArray token = makeToken(hs256Header, R"({"exp":1700000000.5,"nbf":1699999990.5})");
    const Result result = jwt::verify(token, testKey(), now - 1, 0);
    QCOMPARE(outcome(result), accepted);
    QCOMPARE(std::get<jwt::VerifiedToken>(result).claims.expiresAt, now);
    QCOMPARE(std::get<jwt::VerifiedToken>(result).claims.notBefore, now - 9);
    QCOMPARE(outcome(jwt::verify(token, testKey(), now, 0)), refused(jwt::Error::Expired));
    QCOMPARE(outcome(jwt::verify(token, testKey(), now - 10, 0)), refused(jwt::Error::NotYetValid));
}

void TestJwt::missingExpiryIsRefused()
{
    const QByteArray token = makeToken(hs256Header, payloadWith({{u"sub"_s, u"alice"_s}, {u"iat"_s, now}}));
    QCOMPARE(outcome(jwt::verify(token, testKey(), now)), refused(jwt::Error::MissingClaim));
    QCOMPARE(outcome(jwt::verify(makeToken(hs256Header, "{}"), testKey(), now)), refused(jwt::Error::MissingClaim));
}

void TestJwt::invalidClaims_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("exp string") << QByteArray(R"({"exp":"1700003600"})");
    QTest::newRow("exp null") << QByteArray(R"({"exp":null})");
    QTest::newRow("exp negative") << QByteArray(R"({"exp":-1})");
    QTest::newRow("exp beyond 9999") << QByteArray(R"({"exp":1e300})");
    QTest::newRow("exp bool") << QByteArray(R"({"exp":true})");
    QTest::newRow("nbf string") << QByteArray(R"({"exp":1700003600,"nbf":"0"})");
    QTest::newRow("iat object") << QByteArray(R"({"exp":1700003600,"iat":{}})");
    QTest::newRow("sub number") << QByteArray(R"({"exp":1700003600,"sub":42})");
    QTest::newRow("role array") << QByteArray(R"({"exp":1700003600,"role":["admin"]})");
    QTest::newRow("jti object") << QByteArray(R"({"exp":1700003600,"jti":{"a":1}})");
}

void TestJwt::invalidClaims()
{
    QFETCH(QByteArray, payload);
    QCOMPARE(outcome(jwt::verify(makeToken(hs256Header, payload), testKey(), now)), refused(jwt::Error::InvalidClaim));
}

void TestJwt::malformedTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    const QByteArray good = jwt::sign(sampleClaims(), testKey());
    const QList<QByteArray> segments = parts(good);
    const QByteArray validPayload = payloadWith({{u"exp"_s, now + 60}});

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one part") << segments[0];
    // (The signature is checked before the payload is decoded, so damage to the payload text alone shows
    // up as a bad signature; these damage the header or the signature.)
    QTest::newRow("two parts") << QByteArray(segments[0] + '.' + segments[1]);
    QTest::newRow("four parts") << QByteArray(good + '.' + segments[2]);
    QTest::newRow("trailing dot") << QByteArray(good + '.');
    QTest::newRow("only dots") << QByteArray("..");
    QTest::newRow("trailing newline") << QByteArray(good + '\n');
    QTest::newRow("space in header") << QByteArray(' ' + good);
    QTest::newRow("header bad base64") << QByteArray("eyJ!" + segments[0].mid(4) + '.' + segments[1] + '.' +
                                                     segments[2]);
    QTest::newRow("header standard base64")
        << QByteArray(QByteArray(segments[0]).replace('J', '+') + '.' + segments[1] + '.' + segments[2]);
    QTest::newRow("header padded") << QByteArray(jwt::base64UrlEncode(R"({"alg":"HS256"})") + "==." + segments[1] +
                                                 '.' + segments[2]);
    QTest::newRow("signature padded") << QByteArray(good + '=');
    QTest::newRow("signature bad base64")
        << QByteArray(segments[0] + '.' + segments[1] + ".dBjftJeZ4CVP/mB92K27uhbUJU1p1r");
    QTest::newRow("header not JSON") << makeToken("not json", validPayload);
    QTest::newRow("header JSON array") << makeToken(R"(["alg","HS256"])", validPayload);
    QTest::newRow("header empty") << makeToken("", validPayload);
    QTest::newRow("payload array") << makeToken(hs256Header, R"([{"exp":1700000060}])");
    QTest::newRow("payload not JSON") << makeToken(hs256Header, "exp=1700000060");
    QTest::newRow("payload empty") << makeToken(hs256Header, "");
    QTest::newRow("payload truncated JSON") << makeToken(hs256Header, R"({"exp":1700000060)");
}

void TestJwt::malformedTokens()
{
    QFETCH(QByteArray, token);
    QCOMPARE(outcome(jwt::verify(token, testKey(), now)), refused(jwt::Error::Malformed));
}

void TestJwt::nonCanonicalEncodingIsRefusedEvenWhenSigned()
{
    // A payload whose encoding ends in a partial group: the last character carries unused low bits. Setting
    // one gives a different token text with the same decoded payload; even signed, it is refused so that
    // each token has one spelling (and a revocation list keyed on token text cannot be sidestepped).
    const QByteArray payload = payloadWith({{u"exp"_s, now + 60}, {u"sub"_s, u"ab"_s}});
    QByteArray encoded = jwt::base64UrlEncode(payload);
    QVERIFY(encoded.size() % 4 != 0);
    const char last = encoded.back();
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    encoded.back() = alphabet[(QByteArrayView(alphabet).indexOf(last)) | 1];
    QVERIFY(!jwt::base64UrlDecode(encoded));

    const QByteArray input = jwt::base64UrlEncode(hs256Header) + '.' + encoded;
    const QByteArray token = input + '.' + jwt::base64UrlEncode(jwt::hmacSha256(input, testKey()));
    QCOMPARE(outcome(jwt::verify(token, testKey(), now)), refused(jwt::Error::Malformed));
    QVERIFY(!jwt::verifyHs256Signature(token, testKey()));
}

void TestJwt::oversizedTokensAreRefusedBeforeWork()
{
    QCOMPARE(outcome(jwt::verify(QByteArray(jwt::maxTokenBytes + 1, 'a'), testKey(), now)),
             refused(jwt::Error::TooLarge));
    QVERIFY(!jwt::verifyHs256Signature(QByteArray(jwt::maxTokenBytes + 1, 'a'), testKey()));

    // A correctly signed token just over the limit is refused; one at the limit is fine.
    const qsizetype overhead =
        makeToken(hs256Header, payloadWith({{u"exp"_s, now + 60}, {u"sub"_s, QString()}})).size();
    const qsizetype fits = (jwt::maxTokenBytes - overhead) / 4 * 3;
    jwt::TokenClaims claims;
    claims.expiresAt = now + 60;
    claims.subject = QString(fits, u'x');
    const QByteArray largest = jwt::sign(claims, testKey());
    QVERIFY(largest.size() <= jwt::maxTokenBytes);
    QVERIFY(largest.size() > jwt::maxTokenBytes - 4);
    QCOMPARE(outcome(jwt::verify(largest, testKey(), now)), accepted);
    claims.subject += u"xxxx"_s;
    const QByteArray tooLarge = jwt::sign(claims, testKey());
    QVERIFY(tooLarge.size() > jwt::maxTokenBytes);
    QCOMPARE(outcome(jwt::verify(tooLarge, testKey(), now)), refused(jwt::Error::TooLarge));
}

void TestJwt::base64UrlRoundTrip()
{
    QRandomGenerator random(7);
    for (int length = 0; length < 70; ++length) {
        QByteArray data(length, Qt::Uninitialized);
        for (char &c : data)
            c = char(random.bounded(256));
        const QByteArray encoded = jwt::base64UrlEncode(data);
        QCOMPARE(encoded, data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        const std::optional<QByteArray> decoded = jwt::base64UrlDecode(encoded);
        QVERIFY(decoded);
        QCOMPARE(*decoded, data);
    }
}

void TestJwt::base64UrlDecodingIsStrict_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("QQ") << QByteArray("QQ") << true;
    QTest::newRow("QR: stray low bits") << QByteArray("QR") << false;
    QTest::newRow("QUI") << QByteArray("QUI") << true;
    QTest::newRow("QUJ: stray low bits") << QByteArray("QUJ") << false;
    QTest::newRow("QUJD") << QByteArray("QUJD") << true;
    QTest::newRow("padding") << QByteArray("QQ==") << false;
    QTest::newRow("one padding") << QByteArray("QUI=") << false;
    QTest::newRow("4n+1 length") << QByteArray("QUJDR") << false;
    QTest::newRow("plus") << QByteArray("a+bc") << false;
    QTest::newRow("slash") << QByteArray("a/bc") << false;
    QTest::newRow("space") << QByteArray("ab c") << false;
    QTest::newRow("newline") << QByteArray("abcd\n") << false;
    QTest::newRow("NUL") << QByteArray("ab\0c", 4) << false;
    QTest::newRow("high byte") << QByteArray("ab\xc3\xa9") << false;
    QTest::newRow("url alphabet") << QByteArray("-_-_") << true;
}

void TestJwt::base64UrlDecodingIsStrict()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QCOMPARE(jwt::base64UrlDecode(text).has_value(), valid);
}

void TestJwt::constantTimeEqualsCompares()
{
    QVERIFY(jwt::constantTimeEquals(QByteArrayView(), QByteArrayView()));
    QVERIFY(!jwt::constantTimeEquals("a", ""));
    QVERIFY(!jwt::constantTimeEquals("abc", "abcd"));
    const QByteArray mac = jwt::hmacSha256("message", testKey());
    QVERIFY(jwt::constantTimeEquals(mac, QByteArray(mac.constData(), mac.size())));
    // A difference in any bit of any byte, first to last, is found.
    for (int bit = 0; bit < mac.size() * 8; ++bit) {
        QByteArray other = mac;
        other[bit / 8] = char(other[bit / 8] ^ (1 << (bit % 8)));
        QVERIFY2(!jwt::constantTimeEquals(mac, other), qPrintable(QString::number(bit)));
        QVERIFY(!jwt::constantTimeEquals(other, mac));
    }
    QVERIFY(jwt::constantTimeEquals("\x80\xff", "\x80\xff"));
    QVERIFY(!jwt::constantTimeEquals("\x80\xff", "\x80\x7f"));
}

void TestJwt::errorMessagesAreDistinct()
{
    const QList<jwt::Error> all{
        jwt::Error::TooLarge,          jwt::Error::Malformed,    jwt::Error::UnsupportedAlgorithm,
        jwt::Error::UnsupportedHeader, jwt::Error::BadSignature, jwt::Error::MissingClaim,
        jwt::Error::InvalidClaim,      jwt::Error::Expired,      jwt::Error::NotYetValid,
        jwt::Error::IssuedInFuture};
    QSet<QString> messages;
    for (jwt::Error error : all) {
        QVERIFY(!jwt::errorMessage(error).isEmpty());
        messages.insert(jwt::errorMessage(error));
    }
    QCOMPARE(messages.size(), all.size());
    QVERIFY(!messages.contains(accepted));
}

void TestJwt::redactsTokensForLogs_data()
{
    const QByteArray token = jwt::sign(sampleClaims(), testKey());
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("query token") << QByteArray("/ws?room=general&token=" + token + "&x=1")
                                 << QByteArray("/ws?room=general&token=[redacted]&x=1");
    QTest::newRow("first parameter") << QByteArray("/ws?token=" + token) << QByteArray("/ws?token=[redacted]");
    QTest::newRow("access_token, any case") << QByteArray("/api/rooms?ACCESS_TOKEN=abc%2Edef&room=x")
                                            << QByteArray("/api/rooms?ACCESS_TOKEN=[redacted]&room=x");
    QTest::newRow("fragment") << QByteArray("/cb#id_token=abc&state=1")
                              << QByteArray("/cb#id_token=[redacted]&state=1");
    QTest::newRow("form body") << QByteArray("user=alice&password=hunter22")
                               << QByteArray("user=alice&password=[redacted]");
    QTest::newRow("empty value") << QByteArray("/ws?token=&a=b") << QByteArray("/ws?token=[redacted]&a=b");
    QTest::newRow("bearer header") << QByteArray("Authorization: Bearer " + token)
                                   << QByteArray("Authorization: Bearer [redacted]");
    QTest::newRow("bare token in a path")
        << QByteArray("/api/sessions/" + token + "/end") << QByteArray("/api/sessions/[redacted]/end");
    QTest::newRow("similar names stay") << QByteArray("/api/rooms?tokens=3&mytoken=x&token_count=2")
                                        << QByteArray("/api/rooms?tokens=3&mytoken=x&token_count=2");
    QTest::newRow("nothing secret") << QByteArray("/api/rooms/general/messages?before=42")
                                    << QByteArray("/api/rooms/general/messages?before=42");
    QTest::newRow("non-UTF-8 bytes survive")
        << QByteArray("/r\xff\xfe?token=x") << QByteArray("/r\xff\xfe?token=[redacted]");
}

void TestJwt::redactsTokensForLogs()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(jwt::redactForLog(text), expected);
    QCOMPARE(jwt::redactForLog(QString::fromLatin1(text)), QString::fromLatin1(expected));
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
