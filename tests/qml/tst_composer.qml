import QtQuick
import QtTest

import Natter.Ui

Item {
    id: root
    width: 640
    height: 400

    Component {
        id: composerComponent
        Composer {
            width: 500
            maxBytes: 4096
        }
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "Composer"
        when: windowShown

        function makeComposer(properties) {
            const composer = createTemporaryObject(composerComponent, root, properties || {});
            verify(composer);
            composer.forceActiveFocus();
            tryVerify(() => findChild(composer, "composerInput").activeFocus);
            return composer;
        }

        function spyOn(target, signalName) {
            return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName });
        }

        function typeText(text) {
            for (const c of text)
                keyClick(c);
        }

        function test_enterSendsAndClears() {
            const composer = makeComposer();
            const sent = spyOn(composer, "sendRequested");
            typeText("hello");
            compare(composer.text, "hello");
            keyClick(Qt.Key_Return);
            compare(sent.count, 1);
            compare(sent.signalArguments[0][0], "hello");
            compare(composer.text, "");
        }

        function test_keypadEnterSends() {
            const composer = makeComposer();
            const sent = spyOn(composer, "sendRequested");
            typeText("hi");
            keyClick(Qt.Key_Enter, Qt.KeypadModifier);
            compare(sent.count, 1);
            compare(sent.signalArguments[0][0], "hi");
        }

        function test_shiftEnterInsertsNewline() {
            const composer = makeComposer();
            const sent = spyOn(composer, "sendRequested");
            typeText("first");
            keyClick(Qt.Key_Return, Qt.ShiftModifier);
            compare(sent.count, 0);
            compare(composer.text, "first\n");
            typeText("second");
            keyClick(Qt.Key_Return);
            compare(sent.count, 1);
            compare(sent.signalArguments[0][0], "first\nsecond");
            compare(composer.text, "");
        }

        function test_shiftEnterReplacesSelection() {
            const composer = makeComposer();
            typeText("abc");
            const input = findChild(composer, "composerInput");
            input.select(1, 2);
            keyClick(Qt.Key_Return, Qt.ShiftModifier);
            compare(composer.text, "a\nc");
        }

        function test_emptyOrBlankDoesNotSend_data() {
            return [
                { tag: "empty", text: "" },
                { tag: "spaces", text: "   " },
                { tag: "newlines and tabs", text: "\n\t \n" }
            ];
        }

        function test_emptyOrBlankDoesNotSend(data) {
            const composer = makeComposer();
            const sent = spyOn(composer, "sendRequested");
            composer.replaceText(data.text);
            keyClick(Qt.Key_Return);
            compare(sent.count, 0);
            verify(!composer.canSend);
        }

        function test_trailingBlankLinesAreTrimmed() {
            const composer = makeComposer();
            const sent = spyOn(composer, "sendRequested");
            composer.replaceText("\n\n  indented\nline  \n\n");
            keyClick(Qt.Key_Return);
            compare(sent.count, 1);
            compare(sent.signalArguments[0][0], "  indented\nline");
        }

        function test_sendButton() {
            const composer = makeComposer();
            const sent = spyOn(composer, "sendRequested");
            const button = findChild(composer, "sendButton");
            verify(!button.enabled);
            typeText("via button");
            verify(button.enabled);
            mouseClick(button);
            compare(sent.count, 1);
            compare(sent.signalArguments[0][0], "via button");
            compare(composer.text, "");
        }

        function test_errorTextShown() {
            const composer = makeComposer();
            const label = findChild(composer, "composerError");
            verify(label);
            verify(!label.visible);
            composer.errorText = "Message too long (4096 bytes at most)";
            verify(label.visible);
            compare(label.text, "Message too long (4096 bytes at most)");

            const dismissed = spyOn(composer, "errorDismissed");
            mouseClick(findChild(composer, "dismissError"));
            compare(dismissed.count, 1);
        }

        function test_byteLimit() {
            const composer = makeComposer({ maxBytes: 10 });
            const sent = spyOn(composer, "sendRequested");
            const counter = findChild(composer, "byteCounter");
            typeText("abcd");
            verify(!counter.visible);
            composer.replaceText("ééééé"); // 5 characters, 10 bytes: at the limit
            compare(composer.byteCount, 10);
            verify(counter.visible);
            verify(!composer.tooLong);
            composer.replaceText("ééééé!");
            verify(composer.tooLong);
            keyClick(Qt.Key_Return);
            compare(sent.count, 0);
            compare(composer.text, "ééééé!"); // Nothing the user typed is lost.
        }

        function test_editedOnlyForTyping() {
            const composer = makeComposer();
            const edited = spyOn(composer, "edited");
            composer.replaceText("draft from another room");
            compare(edited.count, 0);
            typeText("x");
            compare(edited.count, 1);
        }

        function test_disabledDoesNotSend() {
            const composer = makeComposer();
            const sent = spyOn(composer, "sendRequested");
            composer.replaceText("hello");
            composer.enabled = false;
            verify(!composer.canSend);
            verify(!composer.send());
            compare(sent.count, 0);
        }

        function test_growsThenScrolls() {
            const composer = makeComposer();
            waitForItemPolished(composer);
            const oneLine = composer.height;
            composer.replaceText("1\n2\n3");
            tryVerify(() => composer.height > oneLine, 1000, "grows with the text");
            wait(20);
            const lineHeight = (composer.height - oneLine) / 2;
            verify(lineHeight > 0);
            composer.replaceText("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12");
            tryVerify(() => composer.height > oneLine + 3 * lineHeight, 1000);
            wait(20);
            const capped = composer.height;
            compare(Math.round((capped - oneLine) / lineHeight), 4, "five lines at most");
            composer.replaceText("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20");
            wait(20);
            compare(composer.height, capped, "then scrolls instead of growing");
        }
    }
}
