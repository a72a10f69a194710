import QtQuick
import QtTest

import Natter.Ui

Item {
    id: root
    width: 200
    height: 200

    Component {
        id: avatarComponent
        Avatar {}
    }

    TestCase {
        name: "Avatar"
        when: windowShown

        function test_initials_data() {
            return [
                { tag: "one word", name: "Alice", initials: "A" },
                { tag: "lower case", name: "bob", initials: "B" },
                { tag: "two words", name: "Ada Lovelace", initials: "AL" },
                { tag: "three words", name: "Grace Brewster Hopper", initials: "GB" },
                { tag: "separators", name: "jean-luc", initials: "JL" },
                { tag: "accents", name: "émile zola", initials: "ÉZ" },
                { tag: "outside the BMP", name: "😀 smile", initials: "😀S" },
                { tag: "blank", name: "  ", initials: "?" },
                { tag: "empty", name: "", initials: "?" }
            ];
        }

        function test_initials(data) {
            const avatar = createTemporaryObject(avatarComponent, root, { name: data.name });
            compare(avatar.initials, data.initials);
        }

        function test_colourIsStable() {
            const a = createTemporaryObject(avatarComponent, root, { name: "Alice" });
            const b = createTemporaryObject(avatarComponent, root, { name: "Alice" });
            verify(Qt.colorEqual(a.color, b.color));
            // Pinned: the same on every machine and in every release, so people keep recognising each other.
            verify(Qt.colorEqual(a.color, "#7b5e00"), a.color);
            b.name = "Bob";
            verify(Qt.colorEqual(b.color, "#283593"), b.color);
            b.name = "Ada Lovelace";
            verify(Qt.colorEqual(b.color, "#00695c"), b.color);
        }

        function test_colourDependsOnName() {
            const seen = {};
            const names = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy"];
            for (const name of names) {
                const avatar = createTemporaryObject(avatarComponent, root, { name: name });
                seen[avatar.color.toString()] = true;
            }
            verify(Object.keys(seen).length >= 5, "names spread over the palette");
        }

        function test_initialsAreReadable() {
            // White initials on every palette colour reach WCAG AA (4.5:1).
            for (const c of Theme.avatarColors)
                verify(Theme.contrast(c, "#ffffff") >= 4.5, c);
        }

        function test_size() {
            const avatar = createTemporaryObject(avatarComponent, root, { name: "Alice", size: 40 });
            compare(avatar.width, 40);
            compare(avatar.height, 40);
        }
    }
}
