import QtQuick
import QtTest

import Natter.Ui

Item {
    id: root
    width: 200
    height: 100

    Component {
        id: badgeComponent
        UnreadBadge {}
    }

    TestCase {
        name: "UnreadBadge"
        when: windowShown

        function test_hiddenAtZero() {
            const badge = createTemporaryObject(badgeComponent, root, { count: 0 });
            verify(!badge.visible);
        }

        function test_text_data() {
            return [
                { tag: "one", count: 1, text: "1" },
                { tag: "seven", count: 7, text: "7" },
                { tag: "99", count: 99, text: "99" },
                { tag: "100", count: 100, text: "99+" },
                { tag: "12345", count: 12345, text: "99+" }
            ];
        }

        function test_text(data) {
            const badge = createTemporaryObject(badgeComponent, root, { count: data.count });
            verify(badge.visible);
            compare(badge.text, data.text);
            verify(badge.width >= badge.height); // A circle for one digit, a pill for more.
        }

        function test_updatesWithCount() {
            const badge = createTemporaryObject(badgeComponent, root, { count: 3 });
            verify(badge.visible);
            badge.count = 0;
            verify(!badge.visible);
            badge.count = 150;
            verify(badge.visible);
            compare(badge.text, "99+");
        }
    }
}
