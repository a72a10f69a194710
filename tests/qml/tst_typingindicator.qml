import QtQuick
import QtTest

import Natter.Ui

Item {
    id: root
    width: 400
    height: 100

    Component {
        id: indicatorComponent
        TypingIndicator {
            width: 300
        }
    }

    TestCase {
        name: "TypingIndicator"
        when: windowShown

        function test_text_data() {
            return [
                { tag: "nobody", users: [], text: "" },
                { tag: "one", users: ["Alice"], text: "Alice is typing…" },
                { tag: "two", users: ["Alice", "Bob"], text: "Alice and Bob are typing…" },
                { tag: "three", users: ["Alice", "Bob", "Carol"], text: "Several people are typing…" },
                { tag: "many", users: ["A", "B", "C", "D", "E"], text: "Several people are typing…" },
                // A name that looks like a placeholder stays as it is.
                { tag: "placeholder-like names", users: ["%2", "Bob"], text: "%2 and Bob are typing…" }
            ];
        }

        function test_text(data) {
            const indicator = createTemporaryObject(indicatorComponent, root, { users: data.users });
            compare(indicator.text, data.text);
        }

        function test_keepsItsHeight() {
            const indicator = createTemporaryObject(indicatorComponent, root, { users: [] });
            const idle = indicator.height;
            verify(idle > 0);
            indicator.users = ["Alice"];
            compare(indicator.height, idle);
            indicator.users = [];
            compare(indicator.text, "");
            compare(indicator.height, idle);
        }
    }
}
