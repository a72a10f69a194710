import QtQuick
import QtTest

import Natter.Ui

Item {
    id: root
    width: 400
    height: 200

    Component {
        id: buttonComponent
        JumpToLatestButton {}
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "JumpToLatestButton"
        when: windowShown

        function test_hiddenWithoutNewMessages() {
            const button = createTemporaryObject(buttonComponent, root, { newCount: 0 });
            verify(!button.visible);
        }

        function test_showsCount() {
            const button = createTemporaryObject(buttonComponent, root, { newCount: 3 });
            verify(button.visible);
            verify(button.text.indexOf("3") >= 0, button.text);
            button.newCount = 12;
            verify(button.text.indexOf("12") >= 0, button.text);
            button.newCount = 0;
            verify(!button.visible);
        }

        function test_shownWhenFarFromLatest() {
            const button = createTemporaryObject(buttonComponent, root, { newCount: 0, scrolledAway: true });
            verify(button.visible);
        }

        function test_clicked() {
            const button = createTemporaryObject(buttonComponent, root, { newCount: 2 });
            const spy = createTemporaryObject(spyComponent, root, { target: button, signalName: "clicked" });
            mouseClick(button);
            compare(spy.count, 1);
        }
    }
}
