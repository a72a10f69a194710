import QtQuick
import QtTest

import "qrc:/qt/qml/Natter/Ui/Format.js" as Format

TestCase {
    name: "Format"

    function body(html) {
        // linkify() wraps everything in one span that keeps line breaks.
        const prefix = '<span style="white-space: pre-wrap">';
        verify(html.startsWith(prefix), html);
        verify(html.endsWith("</span>"), html);
        return html.slice(prefix.length, html.length - "</span>".length);
    }

    function test_escapesHtmlBeforeAnythingElse() {
        compare(body(Format.linkify("<b>bold</b> & <script>alert(1)</script>")),
                "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;");
        compare(body(Format.linkify("\"quoted\" 'single'")), "&quot;quoted&quot; &#39;single&#39;");
    }

    function test_links_data() {
        return [
            { tag: "plain", text: "see https://example.org/a?b=1&c=2 now",
              html: 'see <a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a> now' },
            { tag: "trailing dot", text: "Go to http://x.io/page.",
              html: 'Go to <a href="http://x.io/page">http://x.io/page</a>.' },
            { tag: "in parentheses", text: "(https://x.io/a)",
              html: '(<a href="https://x.io/a">https://x.io/a</a>)' },
            { tag: "balanced parentheses kept", text: "https://en.wikipedia.org/wiki/Qt_(software)",
              html: '<a href="https://en.wikipedia.org/wiki/Qt_(software)">https://en.wikipedia.org/wiki/Qt_(software)</a>' },
            { tag: "www", text: "www.natter.chat",
              html: '<a href="https://www.natter.chat">www.natter.chat</a>' },
            { tag: "mailto", text: "mailto:ada@example.org",
              html: '<a href="mailto:ada@example.org">mailto:ada@example.org</a>' },
            { tag: "quote cannot break out", text: 'https://x.io/"onmouseover="alert(1)',
              html: '<a href="https://x.io/">https://x.io/</a>&quot;onmouseover=&quot;alert(1)' },
            { tag: "angle brackets end the address", text: "https://x.io/<script>",
              html: '<a href="https://x.io/">https://x.io/</a>&lt;script&gt;' },
            { tag: "javascript is not a link", text: "javascript:alert(1)", html: "javascript:alert(1)" },
            { tag: "data is not a link", text: "data:text/html,<b>x</b>", html: "data:text/html,&lt;b&gt;x&lt;/b&gt;" },
            { tag: "bare scheme", text: "https:// nothing", html: "https:// nothing" },
            { tag: "two links", text: "https://a.io and https://b.io",
              html: '<a href="https://a.io">https://a.io</a> and <a href="https://b.io">https://b.io</a>' }
        ];
    }

    function test_links(data) {
        compare(body(Format.linkify(data.text)), data.html);
    }

    function test_linkColour() {
        compare(body(Format.linkify("https://a.io", "#0b57d0")), '<a href="https://a.io" style="color:#0b57d0">https://a.io</a>');
    }

    function test_safeLinks() {
        verify(Format.isSafeLink("https://example.org"));
        verify(Format.isSafeLink("HTTP://EXAMPLE.ORG"));
        verify(Format.isSafeLink("mailto:a@b.c"));
        verify(!Format.isSafeLink("javascript:alert(1)"));
        verify(!Format.isSafeLink("file:///etc/passwd"));
        verify(!Format.isSafeLink(""));
    }

    function test_format() {
        compare(Format.format("%1 and %2 are typing…", ["Alice", "Bob"]), "Alice and Bob are typing…");
        compare(Format.format("%1 and %2", ["%2", "x"]), "%2 and x");
        compare(Format.format("%1 %3", ["a"]), "a %3");
    }

    function test_utf8Length_data() {
        return [
            { tag: "empty", text: "", bytes: 0 },
            { tag: "ascii", text: "hello", bytes: 5 },
            { tag: "latin", text: "é", bytes: 2 },
            { tag: "euro", text: "€", bytes: 3 },
            { tag: "emoji", text: "😀", bytes: 4 },
            { tag: "mixed", text: "aé€😀", bytes: 10 },
            { tag: "lone surrogate", text: "\ud800", bytes: 3 }
        ];
    }

    function test_utf8Length(data) {
        compare(Format.utf8Length(data.text), data.bytes);
    }

    function test_stableHash() {
        // FNV-1a: a fixed function, never a per-process seeded hash.
        compare(Format.stableHash(""), 2166136261);
        compare(Format.stableHash("Alice"), 752715143);
        compare(Format.stableHash("Bob"), 3955990900);
    }
}
