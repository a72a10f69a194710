// Text helpers shared by the views: HTML escaping, safe link detection, argument substitution, stable hashes.
.pragma library

function escapeHtml(text) {
    return String(text)
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;");
}

// Drops punctuation that ends a sentence rather than the address ("see https://a.b/c." or "(https://a.b)").
function trimUrl(url) {
    let end = url.length;
    while (end > 0) {
        const c = url.charAt(end - 1);
        if (".,;:!?'\"*".indexOf(c) >= 0) {
            --end;
        } else if (c === ")" || c === "]" || c === "}") {
            const open = c === ")" ? "(" : (c === "]" ? "[" : "{");
            const head = url.slice(0, end);
            if (head.split(open).length >= head.split(c).length)
                break; // balanced, e.g. a Wikipedia address with parentheses
            --end;
        } else {
            break;
        }
    }
    return url.slice(0, end);
}

// Rich text for a message: everything escaped first, then only http(s), www. and mailto addresses become links.
// Line breaks and runs of spaces are kept (white-space: pre-wrap).
function linkify(text, linkColor) {
    const source = String(text);
    const pattern = /(?:\bhttps?:\/\/|\bwww\.|\bmailto:)[^\s<>"]+/gi;
    const style = linkColor ? ' style="color:' + escapeHtml(String(linkColor)) + '"' : "";
    let out = "";
    let last = 0;
    let match;
    while ((match = pattern.exec(source)) !== null) {
        const url = trimUrl(match[0]);
        const isBareScheme = /^(https?:\/\/|mailto:|www\.)$/i.test(url);
        if (isBareScheme) {
            continue;
        }
        out += escapeHtml(source.slice(last, match.index));
        const href = /^www\./i.test(url) ? "https://" + url : url;
        out += '<a href="' + escapeHtml(href) + '"' + style + ">" + escapeHtml(url) + "</a>";
        last = match.index + url.length;
        pattern.lastIndex = last;
    }
    out += escapeHtml(source.slice(last));
    return '<span style="white-space: pre-wrap">' + out + "</span>";
}

// Only addresses linkify() produces may be opened.
function isSafeLink(link) {
    return /^(https?:\/\/|mailto:)/i.test(String(link));
}

// "%1 and %2" with each placeholder replaced once, so a name that itself contains "%2" stays as it is.
function format(template, args) {
    return String(template).replace(/%(\d)/g, function (whole, digit) {
        const i = Number(digit) - 1;
        return i >= 0 && i < args.length ? String(args[i]) : whole;
    });
}

// Bytes the text takes in UTF-8 (the server's limit is in bytes, not characters).
function utf8Length(text) {
    const s = String(text);
    let bytes = 0;
    for (let i = 0; i < s.length; ++i) {
        const code = s.charCodeAt(i);
        if (code < 0x80) {
            bytes += 1;
        } else if (code < 0x800) {
            bytes += 2;
        } else if (code >= 0xD800 && code <= 0xDBFF && i + 1 < s.length) {
            const next = s.charCodeAt(i + 1);
            if (next >= 0xDC00 && next <= 0xDFFF) {
                bytes += 4;
                ++i;
            } else {
                bytes += 3;
            }
        } else {
            bytes += 3;
        }
    }
    return bytes;
}

// One or two letters for an avatar: the first letters of the first two words, upper-cased.
function initials(name) {
    const words = String(name).trim().split(/[\s._-]+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0)
        return "?";
    const first = firstCharacter(words[0]);
    if (words.length === 1)
        return first.toLocaleUpperCase();
    return (first + firstCharacter(words[1])).toLocaleUpperCase();
}

// The first code point, whole (an emoji is two UTF-16 units).
function firstCharacter(text) {
    const code = text.charCodeAt(0);
    if (code >= 0xD800 && code <= 0xDBFF && text.length > 1)
        return text.slice(0, 2);
    return text.charAt(0);
}

// FNV-1a over the UTF-16 code units: the same number for a name on every machine and in every session.
function stableHash(text) {
    const s = String(text);
    let hash = 0x811c9dc5;
    for (let i = 0; i < s.length; ++i) {
        hash ^= s.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}
