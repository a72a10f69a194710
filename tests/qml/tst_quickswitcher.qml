import QtQuick
import QtTest

import Natter.Ui

Item {
    id: root
    width: 800
    height: 600

    Component {
        id: switcherComponent
        QuickSwitcher {
            roomNames: ["general", "design-team", "random", "dev-ops"]
            currentRoom: "general"
            isValidRoomName: (name) => /^[\w.-]{1,64}$/.test(name)
        }
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "QuickSwitcher"
        when: windowShown

        function openSwitcher() {
            const switcher = createTemporaryObject(switcherComponent, root);
            switcher.open();
            tryCompare(switcher, "opened", true);
            return switcher;
        }

        function typeText(text) {
            for (const c of text)
                keyClick(c);
        }

        function test_ranking() {
            const switcher = createTemporaryObject(switcherComponent, root);
            compare(switcher.rank(switcher.roomNames, "de"), ["design-team", "dev-ops"]);
            compare(switcher.rank(switcher.roomNames, "team"), ["design-team"]);
            compare(switcher.rank(switcher.roomNames, "dt"), ["design-team"]);
            compare(switcher.rank(switcher.roomNames, "zzz"), []);
            // Nothing typed: every room, the current one last.
            compare(switcher.rank(switcher.roomNames, "").length, 4);
            compare(switcher.rank(switcher.roomNames, "")[3], "general");
        }

        function test_typeAndEnterOpens() {
            const switcher = openSwitcher();
            const chosen = createTemporaryObject(spyComponent, root, { target: switcher, signalName: "roomChosen" });
            typeText("ops");
            keyClick(Qt.Key_Return);
            compare(chosen.count, 1);
            compare(chosen.signalArguments[0][0], "dev-ops");
            tryCompare(switcher, "visible", false);
        }

        function test_arrowKeysChoose() {
            const switcher = openSwitcher();
            const chosen = createTemporaryObject(spyComponent, root, { target: switcher, signalName: "roomChosen" });
            typeText("de");
            keyClick(Qt.Key_Down);
            keyClick(Qt.Key_Return);
            compare(chosen.signalArguments[0][0], "dev-ops");
        }

        function test_offersJoinForUnknownName() {
            const switcher = openSwitcher();
            const joined = createTemporaryObject(spyComponent, root, { target: switcher, signalName: "joinChosen" });
            typeText("lunch");
            verify(switcher.offerJoin);
            keyClick(Qt.Key_Return);
            compare(joined.count, 1);
            compare(joined.signalArguments[0][0], "lunch");
        }

        function test_escapeCloses() {
            const switcher = openSwitcher();
            keyClick(Qt.Key_Escape);
            tryCompare(switcher, "visible", false);
        }
    }
}
