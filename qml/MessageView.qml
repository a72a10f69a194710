import QtQuick
import QtQuick.Controls.Fusion

// The conversation: stays pinned to the newest message while the user is at the bottom; when they scroll up,
// new messages do not move the view and a "Jump to latest" button counts them. Reaching the top asks for older
// history and keeps what the user was looking at in place while it is prepended.
FocusScope {
    id: view

    /// A MessageModel (or any model with its roles).
    property var model: null
    property string roomName
    /// How the room is called: "#general", or the other person of a direct conversation.
    property string roomLabel: "#" + roomName
    property bool direct: false
    property bool hasOlder: false
    property bool loadingOlder: false
    /// Messages below the "New messages" divider: set by open(), cleared by clearUnreadDivider().
    property real unreadFromSeq: -1
    readonly property alias atBottom: list.stick
    readonly property alias newCount: list.newCount
    readonly property alias count: list.count

    signal loadOlderRequested()
    signal retryRequested(string clientId)
    signal discardRequested(string clientId)
    /// The newest message is in view (the room can be marked read).
    signal latestSeen()

    /// Shows a freshly opened room: at the first of @p unread messages (with the divider), else at the end.
    function open(unread: int) {
        list.anchorItem = null;
        list.holdAtEnd = false;
        list.newCount = 0;
        list.olderRequested = false;
        unreadFromSeq = -1;
        list.forceLayout();
        if (unread > 0 && list.count > 0) {
            const index = Math.max(0, list.count - unread);
            list.positionViewAtIndex(index, ListView.Beginning);
            const item = list.itemAtIndex(index);
            if (item) {
                unreadFromSeq = item.seq;
                // Leave a little of what was already read in sight above the divider.
                list.contentY = Math.max(list.originY - list.topMargin, list.contentY - Theme.lineHeight * 3);
            }
            list.stick = list.distanceToEnd() <= Theme.lineHeight;
            if (list.stick)
                list.positionViewAtEnd();
        } else {
            scrollToEnd();
        }
    }

    function scrollToEnd() {
        list.stick = true;
        list.newCount = 0;
        list.positionViewAtEnd();
        Qt.callLater(list.keepAtEnd);
    }

    function clearUnreadDivider() {
        unreadFromSeq = -1;
    }

    /// Scrolls by pages (Page Up/Down from anywhere in the conversation).
    function scrollPages(pages: real) {
        list.scrollBy(pages * list.height * 0.9);
    }

    ListView {
        id: list
        objectName: "messageList"

        property bool stick: true
        property int newCount: 0
        property Item anchorItem: null
        property bool holdAtEnd: false
        property bool userScrolling: false
        property real lastContentY: 0
        property real anchorOffset: 0
        property bool olderRequested: false
        readonly property real endY: originY + contentHeight + bottomMargin - height
        readonly property real distanceFromBottom: endY - contentY

        // Computed on the spot: in a contentY change handler, the bindings above may not be updated yet.
        function distanceToEnd(): real {
            return originY + contentHeight + bottomMargin - height - contentY;
        }

        // Pinned to the bottom: released only by the user scrolling up (wheel, drag, scroll bar, keys), never by the
        // list re-estimating its height; regained whenever the view reaches the end.
        function updateStick() {
            const userDriven = moving || scrollBar.pressed || userScrolling;
            if (userDriven && contentY < lastContentY - 0.5) {
                stick = false;
            } else if (distanceToEnd() <= Theme.lineHeight) {
                newCount = 0;
                if (!stick) {
                    stick = true;
                    view.latestSeen();
                }
            }
            lastContentY = contentY;
        }

        function keepAtEnd() {
            if (stick && !moving && !scrollBar.pressed)
                positionViewAtEnd();
        }

        function showNewAtEnd() {
            holdAtEnd = false;
            stick = true;
            positionViewAtEnd();
            view.latestSeen();
        }

        function scrollBy(delta: real) {
            userScrolling = true;
            contentY = Math.max(originY - topMargin, Math.min(contentY + delta, contentY + distanceToEnd()));
            userScrolling = false;
            if (delta > 0 && distanceToEnd() <= Theme.lineHeight)
                view.scrollToEnd();
        }

        function maybeLoadOlder() {
            if (!view.hasOlder || view.loadingOlder || olderRequested)
                return;
            // Within a screen of the top, or nothing to scroll yet: fetch the next page before the user hits the top.
            if (contentY - originY < height || contentHeight < height) {
                olderRequested = true;
                olderRetry.restart();
                view.loadOlderRequested();
            }
        }

        function restoreAnchor() {
            if (!anchorItem)
                return;
            forceLayout();
            // The bottom edge, because the message's own top can change (its day separator may go away).
            contentY = anchorItem.y + anchorItem.height - anchorOffset;
            anchorItem = null;
        }

        anchors.fill: parent
        // Few messages sit at the bottom, next to the composer, as in every chat.
        topMargin: Math.max(0, height - contentHeight)
        model: view.model
        clip: true
        focus: true
        activeFocusOnTab: true
        boundsBehavior: Flickable.StopAtBounds
        cacheBuffer: Math.max(0, height * 2)
        keyNavigationEnabled: false
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Messages in %1").arg(view.roomLabel)

        ScrollBar.vertical: ScrollBar {
            id: scrollBar
            policy: ScrollBar.AsNeeded
        }

        header: Column {
            width: list.width
            bottomPadding: Theme.spacing
            topPadding: Theme.spacingLarge
            visible: !view.hasOlder
            height: visible ? implicitHeight : 0

            Label {
                x: Theme.spacingLarge
                width: parent.width - Theme.spacingLarge * 2
                text: view.direct ? qsTr("This is the beginning of your conversation with %1.").arg(view.roomLabel)
                                  : qsTr("This is the beginning of %1.").arg(view.roomLabel)
                font.bold: true
                font.pointSize: Theme.headingFontSize
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
            }
            Label {
                x: Theme.spacingLarge
                width: parent.width - Theme.spacingLarge * 2
                visible: list.count === 0
                text: qsTr("No messages yet. Say hello!")
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
        }

        delegate: MessageDelegate {
            id: messageRow
            width: list.width
            showUnreadDivider: view.unreadFromSeq > 0 && messageRow.seq === view.unreadFromSeq
            onRetryRequested: (clientId) => view.retryRequested(clientId)
            onDiscardRequested: (clientId) => view.discardRequested(clientId)
            onContextMenuRequested: (link, position) => {
                messageMenu.link = link;
                messageMenu.content = messageRow.content;
                messageMenu.popup(messageRow, position);
            }
        }

        onContentYChanged: {
            if (anchorItem || holdAtEnd)
                return; // Rows are coming in; restoreAnchor() or showNewAtEnd() puts the view where it belongs.
            updateStick();
            maybeLoadOlder();
        }
        onContentHeightChanged: keepAtEnd()
        onMovementEnded: keepAtEnd()
        onEndYChanged: {
            if (!stick && !anchorItem && !holdAtEnd)
                Qt.callLater(updateStick);
        }
        onHeightChanged: keepAtEnd()
        onCountChanged: {
            olderRequested = false;
            maybeLoadOlder();
        }
        onModelChanged: {
            anchorItem = null;
            holdAtEnd = false;
            newCount = 0;
            stick = true;
            olderRequested = false;
        }

        Connections {
            target: list.model
            ignoreUnknownSignals: true

            function onRowsAboutToBeInserted(parent: var, first: int, last: int) {
                if (list.stick) {
                    list.holdAtEnd = true;
                } else if (first === 0 && list.count > 0) {
                    // Older history: remember where the first visible message ends, relative to the view.
                    list.anchorItem = list.itemAt(list.width / 2, list.contentY + 1);
                    if (list.anchorItem)
                        list.anchorOffset = list.anchorItem.y + list.anchorItem.height - list.contentY;
                }
            }
            function onRowsInserted(parent: var, first: int, last: int) {
                if (list.holdAtEnd) {
                    Qt.callLater(list.showNewAtEnd);
                } else if (first === 0 && list.anchorItem) {
                    Qt.callLater(list.restoreAnchor);
                } else if (first > 0) {
                    list.newCount += last - first + 1;
                }
            }
            function onModelReset() {
                view.scrollToEnd();
            }
        }

        Keys.onPressed: (event) => {
            switch (event.key) {
            case Qt.Key_Up:
                list.scrollBy(-Theme.lineHeight * 2);
                break;
            case Qt.Key_Down:
                list.scrollBy(Theme.lineHeight * 2);
                break;
            case Qt.Key_PageUp:
                view.scrollPages(-1);
                break;
            case Qt.Key_PageDown:
                view.scrollPages(1);
                break;
            case Qt.Key_Home:
                list.stick = false;
                list.positionViewAtBeginning();
                break;
            case Qt.Key_End:
                view.scrollToEnd();
                break;
            default:
                return;
            }
            event.accepted = true;
        }

        Timer {
            id: olderRetry
            interval: 3000
            onTriggered: {
                list.olderRequested = false;
                list.maybeLoadOlder();
            }
        }
    }

    onHasOlderChanged: list.maybeLoadOlder()
    onLoadingOlderChanged: {
        if (!loadingOlder) {
            list.olderRequested = false;
            Qt.callLater(list.maybeLoadOlder);
        }
    }

    // Keyboard focus on the list is shown as a ring, like on any other control.
    Rectangle {
        anchors.fill: parent
        color: "transparent"
        border.width: Theme.focusWidth
        border.color: Theme.focusRing
        visible: list.activeFocus
    }

    BusyIndicator {
        anchors.top: parent.top
        anchors.topMargin: Theme.spacing
        anchors.horizontalCenter: parent.horizontalCenter
        width: Theme.lineHeight * 2
        height: width
        running: view.loadingOlder
        visible: running
        Accessible.name: qsTr("Loading older messages")
    }

    JumpToLatestButton {
        objectName: "jumpToLatest"
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacingLarge
        anchors.horizontalCenter: parent.horizontalCenter
        newCount: list.newCount
        scrolledAway: !list.stick && list.distanceFromBottom > list.height * 2
        onClicked: view.scrollToEnd()
    }

    Menu {
        id: messageMenu

        property string link
        property string content

        MenuItem {
            text: qsTr("Copy text")
            onTriggered: clipboard.copyText(messageMenu.content)
        }
        MenuItem {
            text: qsTr("Copy link address")
            enabled: messageMenu.link.length > 0
            onTriggered: clipboard.copyText(messageMenu.link)
        }
    }

    // QML has no clipboard API; a hidden text field's copy() is the portable way.
    TextEdit {
        id: clipboard
        visible: false
        textFormat: TextEdit.PlainText

        function copyText(value: string) {
            text = value;
            selectAll();
            copy();
            text = "";
        }
    }
}
