import QtQuick
import QtTest

import Natter.Ui

Item {
    id: root
    width: 800
    height: 600

    ListModel {
        id: servers
        ListElement { name: "Office chat"; address: "192.168.1.20:8082"; version: "0.1.0" }
    }

    Component {
        id: screenComponent
        ConnectScreen {
            anchors.fill: parent
            discoveryModel: servers
        }
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "ConnectScreen"
        when: windowShown

        function typeText(text) {
            for (const c of text)
                keyClick(c);
        }

        function test_keyboardOnly() {
            const screen = createTemporaryObject(screenComponent, root);
            const requested = createTemporaryObject(spyComponent, root, { target: screen, signalName: "connectRequested" });
            const address = findChild(screen, "addressField");
            tryVerify(() => address.activeFocus, 1000, "the address field has the focus");
            typeText("chat.example.org");
            keyClick(Qt.Key_Return); // No name yet: moves there instead of connecting.
            compare(requested.count, 0);
            const name = findChild(screen, "nameField");
            verify(name.activeFocus);
            typeText("Ada");
            keyClick(Qt.Key_Tab);
            verify(findChild(screen, "connectButton").activeFocus, "Tab order: address, name, Connect");
            keyClick(Qt.Key_Space);
            compare(requested.count, 1);
            compare(requested.signalArguments[0][0], "chat.example.org");
            compare(requested.signalArguments[0][1], "Ada");
        }

        function test_enterInNameConnects() {
            const screen = createTemporaryObject(screenComponent, root, { address: "localhost:8082", userName: "Ada" });
            const requested = createTemporaryObject(spyComponent, root, { target: screen, signalName: "connectRequested" });
            tryVerify(() => findChild(screen, "addressField").activeFocus);
            keyClick(Qt.Key_Tab);
            keyClick(Qt.Key_Enter, Qt.KeypadModifier);
            compare(requested.count, 1);
            compare(requested.signalArguments[0][0], "localhost:8082");
        }

        function test_showsError() {
            const screen = createTemporaryObject(screenComponent, root, { errorText: "Connection refused" });
            const label = findChild(screen, "connectError");
            verify(label.visible);
            compare(label.text, "Connection refused");
        }

        function test_discoveredServerFillsTheAddress() {
            const screen = createTemporaryObject(screenComponent, root, { userName: "Ada" });
            const requested = createTemporaryObject(spyComponent, root, { target: screen, signalName: "connectRequested" });
            const button = findChild(screen, "discoveredConnect");
            verify(button);
            mouseClick(button);
            compare(requested.count, 1);
            compare(requested.signalArguments[0][0], "192.168.1.20:8082");
        }
    }
}
