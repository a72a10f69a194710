import QtQuick
import QtTest

import Natter.Ui

// The message list's scrolling rules, with a plain ListModel standing in for MessageModel.
Item {
    id: root
    width: 600
    height: 400

    ListModel {
        id: messages
    }

    Component {
        id: viewComponent
        MessageView {
            anchors.fill: parent
            roomName: "general"
            model: messages
        }
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "MessageView"
        when: windowShown

        property int nextSeq: 1

        function message(user, content, extra) {
            const m = {
                messageId: "m" + nextSeq, seq: nextSeq, user: user, content: content,
                timestamp: new Date(2026, 0, 1, 12, 0, nextSeq), pending: false, failed: false, errorText: "",
                clientId: "", own: false, firstInGroup: true, daySeparator: ""
            };
            ++nextSeq;
            for (const key in extra)
                m[key] = extra[key];
            return m;
        }

        function fill(count) {
            for (let i = 0; i < count; ++i)
                messages.append(message(i % 2 ? "Alice" : "Bob", "Message number " + i));
        }

        function makeView(count) {
            messages.clear();
            nextSeq = 1;
            fill(count);
            const view = createTemporaryObject(viewComponent, root);
            view.open(0);
            waitForItemPolished(findChild(view, "messageList"));
            wait(50);
            return view;
        }

        function test_startsAtTheBottom() {
            const view = makeView(60);
            verify(view.atBottom);
            const list = findChild(view, "messageList");
            verify(list.distanceFromBottom <= 1, list.distanceFromBottom);
        }

        function test_followsNewMessagesAtTheBottom() {
            const view = makeView(60);
            const list = findChild(view, "messageList");
            messages.append(message("Bob", "A new one"));
            wait(100);
            verify(view.atBottom);
            verify(list.distanceFromBottom <= 1);
            compare(view.newCount, 0);
        }

        function test_scrolledUpStaysAndCounts() {
            const view = makeView(60);
            const list = findChild(view, "messageList");
            mouseWheel(list, list.width / 2, list.height / 2, 0, 360);
            tryVerify(() => !list.moving, 3000);
            verify(!view.atBottom);
            const item = list.itemAt(list.width / 2, list.contentY + list.height / 2);
            const offset = item.y - list.contentY;
            messages.append(message("Bob", "While you were reading"));
            messages.append(message("Alice", "And another"));
            wait(100);
            compare(item.y - list.contentY, offset, "the view did not move");
            compare(view.newCount, 2);
            const jump = findChild(view, "jumpToLatest");
            verify(jump.visible);
            mouseClick(jump);
            tryVerify(() => view.atBottom);
            compare(view.newCount, 0);
            verify(!jump.visible);
        }

        function test_olderHistoryKeepsThePosition() {
            const view = makeView(40);
            const list = findChild(view, "messageList");
            const older = createTemporaryObject(spyComponent, root, { target: view, signalName: "loadOlderRequested" });
            view.hasOlder = true;
            compare(older.count, 0, "nothing asked for while the top is far away");
            list.forceActiveFocus();
            keyClick(Qt.Key_Home); // The user goes to the top: the view asks for more.
            tryVerify(() => older.count > 0);
            verify(!view.atBottom);
            const item = list.itemAt(list.width / 2, list.contentY + list.height / 2);
            const offset = item.y - list.contentY;
            view.loadingOlder = true;
            const page = [];
            for (let i = 0; i < 20; ++i)
                page.push(message("Carol", "Older " + i, { seq: -100 + i }));
            messages.insert(0, page);
            view.loadingOlder = false;
            wait(100);
            compare(item.y - list.contentY, offset, "what the user was reading stays in place");
        }

        function test_unreadDivider() {
            const view = makeView(30);
            view.open(5);
            wait(50);
            compare(view.unreadFromSeq, 26);
            const list = findChild(view, "messageList");
            const first = list.itemAtIndex(25);
            verify(first.showUnreadDivider);
            verify(!list.itemAtIndex(26).showUnreadDivider);
            view.clearUnreadDivider();
            verify(!first.showUnreadDivider);
        }

        function test_keyboardScrolling() {
            const view = makeView(60);
            const list = findChild(view, "messageList");
            list.forceActiveFocus();
            keyClick(Qt.Key_PageUp);
            wait(50);
            verify(!view.atBottom);
            keyClick(Qt.Key_End);
            wait(50);
            verify(view.atBottom);
        }

        function test_failedMessageOffersRetry() {
            messages.clear();
            nextSeq = 1;
            messages.append(message("Dana", "Could not go", { failed: true, errorText: "Message too large", clientId: "c1", own: true }));
            const view = createTemporaryObject(viewComponent, root);
            const retry = createTemporaryObject(spyComponent, root, { target: view, signalName: "retryRequested" });
            const discard = createTemporaryObject(spyComponent, root, { target: view, signalName: "discardRequested" });
            wait(50);
            const list = findChild(view, "messageList");
            const row = list.itemAtIndex(0);
            const retryButton = findChild(row, "retryButton");
            const discardButton = findChild(row, "discardButton");
            verify(retryButton.visible);
            mouseClick(retryButton);
            compare(retry.signalArguments[0][0], "c1");
            mouseClick(discardButton);
            compare(discard.signalArguments[0][0], "c1");
        }

        function test_linksAreEscaped() {
            messages.clear();
            nextSeq = 1;
            messages.append(message("Mallory", "<img src=x> see https://example.org"));
            const view = createTemporaryObject(viewComponent, root);
            wait(50);
            const row = findChild(view, "messageList").itemAtIndex(0);
            const text = findChild(row, "messageText");
            verify(text.text.indexOf("<img") < 0, text.text);
            verify(text.text.indexOf('<a href="https://example.org"') >= 0, text.text);
        }
    }
}
