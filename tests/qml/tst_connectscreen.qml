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

        function test_passwordWhenTheServerHasAccounts() {
            const screen = createTemporaryObject(screenComponent, root, { address: "chat.example.org", userName: "Ada" });
            const connect = createTemporaryObject(spyComponent, root, { target: screen, signalName: "connectRequested" });
            const logIn = createTemporaryObject(spyComponent, root, { target: screen, signalName: "logInRequested" });
            const create = createTemporaryObject(spyComponent, root, { target: screen, signalName: "createAccountRequested" });
            const password = findChild(screen, "passwordField");
            verify(!password.visible, "no password for a server without accounts");

            // The server said it wants a login: the password takes the cursor; Enter logs in.
            screen.passwordRequired = true;
            tryVerify(() => password.visible && password.activeFocus);
            verify(!findChild(screen, "connectButton").visible);
            verify(!findChild(screen, "newAccountButton").visible, "registration is closed");
            keyClick(Qt.Key_Return);
            compare(logIn.count, 0, "nothing typed yet");
            typeText("secret words");
            keyClick(Qt.Key_Return);
            compare(logIn.count, 1);
            compare(logIn.signalArguments[0][0], "chat.example.org");
            compare(logIn.signalArguments[0][1], "Ada");
            compare(logIn.signalArguments[0][2], "secret words");
            compare(connect.count, 0);

            // Registration open: Tab, Tab reaches "Create an account…"; the password is typed a second time.
            screen.registrationOpen = true;
            password.forceActiveFocus();
            keyClick(Qt.Key_Tab);
            verify(findChild(screen, "logInButton").activeFocus);
            keyClick(Qt.Key_Tab);
            verify(findChild(screen, "newAccountButton").activeFocus);
            keyClick(Qt.Key_Space);
            const confirm = findChild(screen, "confirmPasswordField");
            tryVerify(() => confirm.visible && confirm.activeFocus);
            typeText("secret word");
            keyClick(Qt.Key_Return);
            compare(create.count, 0);
            verify(findChild(screen, "loginFormError").visible, "the passwords differ");
            confirm.text = "";
            typeText("secret words");
            keyClick(Qt.Key_Return);
            compare(create.count, 1);
            compare(create.signalArguments[0][2], "secret words");

            // Another address typed: connect there first.
            const address = findChild(screen, "addressField");
            address.forceActiveFocus();
            typeText(":9000");
            verify(!password.visible);
            verify(findChild(screen, "connectButton").visible);
            keyClick(Qt.Key_Return);
            compare(connect.count, 1);
            compare(connect.signalArguments[0][0], "chat.example.org:9000");
        }

        function test_storageNote() {
            const screen = createTemporaryObject(screenComponent, root, {
                address: "chat.example.org", userName: "Ada", passwordRequired: true,
                loginStorageNote: "Kept until Natter quits."
            });
            const note = findChild(screen, "storageNote");
            tryVerify(() => note.visible);
            compare(note.text, "Kept until Natter quits.");
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
