import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Templates as T
import QtQuick.Layouts

import Natter.Client

// The main screen: rooms | conversation | members, wired to the ChatClient.
Item {
    id: screen

    property ChatClient client
    property ServerHost host
    /// The window has focus (for read marks).
    property bool windowActive: true
    property bool showMembers: true
    property real sidebarWidth: Theme.lineHeight * 14
    /// Offer "Change server…" in the banner (the server has not answered since the user picked it).
    property bool offerChangeServer: false

    readonly property string room: client ? client.currentRoom : ""
    /// "" (public), "group" or "direct"; and how the room is called ("#general", or the other person).
    readonly property string roomKind: client && client.rooms.revision >= 0 ? client.rooms.kindOf(room) : ""
    readonly property string roomLabel: client && client.rooms.revision >= 0 ? client.rooms.labelOf(room) : ""
    /// A dialog that shows the client's actionError itself is open (no passing note for it then).
    property bool actionDialogOpen: false
    /// Room for the member list next to a readable conversation; below this it stays hidden.
    readonly property bool wideEnough: width >= Theme.lineHeight * 50
    readonly property bool hasRoom: room.length > 0
    readonly property bool connected: client !== null && client.state === ChatClient.Connected
    readonly property string hostingText: {
        if (!host || !host.running)
            return "";
        const where = host.addresses.length > 0 ? host.addresses[0] : qsTr("port %1").arg(host.port);
        return qsTr("Hosting on %1 · %n connected", "", host.connectionCount).arg(where);
    }

    signal joinRoomRequested()
    signal browseRoomsRequested()
    signal changeServerRequested()
    signal hostingDetailsRequested()
    signal showMembersToggled(bool show)
    signal sidebarResized(real width)
    signal newMessageRequested()
    signal newGroupRequested()
    signal inviteRequested(string name)
    signal leaveGroupRequested(string name)

    // The room whose draft is in the composer right now.
    property string shownRoom
    // Unread counts as they were before the client marked a room read on opening it: name -> count. Kept for the
    // "New messages" divider; dropped when the room is read some other way.
    property var unreadBeforeOpening: ({})

    function noteUnread(name: string, unread: int) {
        if (unread > 0)
            unreadBeforeOpening[name] = unread;
        else if (!client || name !== client.currentRoom)
            delete unreadBeforeOpening[name];
    }

    function focusComposer() {
        composer.forceActiveFocus();
    }

    function unreadOf(name: string): int {
        const row = client ? client.rooms.indexOf(name) : -1;
        const info = row >= 0 ? roomInfo.objectAt(row) : null;
        return info ? info.unread : 0;
    }

    function roomNames(): var {
        const names = [];
        if (!client)
            return names;
        for (let i = 0; i < client.rooms.count; ++i)
            names.push(client.rooms.nameAt(i));
        return names;
    }

    function openRoom(name: string) {
        if (client && name.length > 0)
            client.currentRoom = name;
    }

    /// Alt+Up / Alt+Down.
    function stepRoom(direction: int) {
        const count = client ? client.rooms.count : 0;
        if (count === 0)
            return;
        const row = client.rooms.indexOf(room);
        const next = row < 0 ? 0 : (row + direction + count) % count;
        openRoom(client.rooms.nameAt(next));
    }

    /// Alt+Shift+Up / Alt+Shift+Down.
    function stepUnread(direction: int) {
        if (!client)
            return;
        const next = client.rooms.nextUnread(client.rooms.indexOf(room), direction);
        if (next >= 0)
            openRoom(client.rooms.nameAt(next));
    }

    /// Esc with nothing else to close: the room counts as read.
    function markCurrentRead() {
        if (!hasRoom)
            return;
        client.markRead(room);
        messageView.clearUnreadDivider();
        messageView.scrollToEnd();
    }

    function saveDraft() {
        if (client && shownRoom.length > 0 && client.rooms.indexOf(shownRoom) >= 0)
            client.rooms.setDraft(shownRoom, composer.text);
    }

    function switchShownRoom() {
        saveDraft();
        delete unreadBeforeOpening[shownRoom];
        shownRoom = room;
        composer.replaceText(hasRoom ? client.rooms.draft(room) : "");
        const unread = Math.max(unreadOf(room), unreadBeforeOpening[room] || 0);
        delete unreadBeforeOpening[room];
        // The message list binds to the new room's model in this same change; open it once that is done.
        Qt.callLater(() => {
            messageView.open(unread);
            if (screen.windowActive && messageView.atBottom)
                screen.markSeen();
        });
        if (hasRoom)
            composer.forceActiveFocus();
    }

    function markSeen() {
        if (hasRoom && windowActive)
            client.markRead(room);
    }

    onWindowActiveChanged: {
        if (windowActive && messageView.atBottom)
            markSeen();
    }

    Component.onCompleted: switchShownRoom()

    Connections {
        target: screen.client
        function onCurrentRoomChanged() {
            screen.switchShownRoom();
        }
        function onRoomClosed(name: string) {
            if (name === screen.shownRoom)
                screen.shownRoom = ""; // Its draft has nowhere to go.
        }
        function onActionSucceeded(text: string) {
            toast.say(text);
        }
        function onRemovedFromGroup(name: string, by: string) {
            toast.say(qsTr("%1 removed you from the group #%2.").arg(by).arg(name));
        }
        function onActionErrorChanged() {
            if (screen.client.actionError.length > 0 && !screen.actionDialogOpen)
                toast.say(screen.client.actionError);
        }
    }

    // A passing note about what just happened (an invitation sent, a removal), over the conversation.
    ToolTip {
        id: toast
        objectName: "toast"

        function say(text: string) {
            toast.text = text;
            toast.open();
        }

        parent: screen
        x: (screen.width - width) / 2
        y: Theme.spacingLarge * 2
        timeout: 5000
    }

    // Per-room unread counts, readable by name (the switcher and the unread divider need them).
    Instantiator {
        id: roomInfo
        model: screen.client ? screen.client.rooms : null
        delegate: QtObject {
            required property string name
            required property int unread

            onUnreadChanged: screen.noteUnread(name, unread)
            Component.onCompleted: screen.noteUnread(name, unread)
        }
    }

    SplitView {
        id: split
        anchors.fill: parent
        orientation: Qt.Horizontal

        // A hairline that is still easy to grab: the line is drawn thin inside a wider handle.
        handle: Item {
            id: handle

            readonly property bool active: T.SplitHandle.pressed || T.SplitHandle.hovered

            implicitWidth: Math.max(5, Theme.unit * 1.5)

            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                width: handle.active ? Math.max(2, Theme.unit / 2) : 1
                height: parent.height
                color: handle.active ? Theme.accent : Theme.separator
            }
        }

        RoomSidebar {
            id: sidebar
            objectName: "roomSidebar"
            SplitView.preferredWidth: screen.sidebarWidth
            SplitView.minimumWidth: Theme.lineHeight * 9
            SplitView.maximumWidth: Theme.lineHeight * 26
            serverName: screen.client ? screen.client.serverName : ""
            userName: screen.client ? screen.client.userName : ""
            loginNote: screen.client ? screen.client.tokenStorageWarning : ""
            connected: screen.connected
            hostingText: screen.hostingText
            model: screen.client ? screen.client.rooms : null
            currentRoom: screen.room
            onRoomSelected: (name) => screen.openRoom(name)
            onJoinRequested: screen.joinRoomRequested()
            onBrowseRequested: screen.browseRoomsRequested()
            onLeaveRequested: (name) => screen.client.leaveRoom(name)
            onMarkReadRequested: (name) => screen.client.markRead(name)
            onHostingDetailsRequested: screen.hostingDetailsRequested()
            onWidthChanged: if (split.resizing) screen.sidebarResized(width)
            privateRoomsAvailable: screen.client !== null && screen.client.privateRoomsAvailable
            invitations: screen.client ? screen.client.invitations : []
            onNewMessageRequested: screen.newMessageRequested()
            onNewGroupRequested: screen.newGroupRequested()
            onInviteRequested: (name) => screen.inviteRequested(name)
            onLeaveGroupRequested: (name) => screen.leaveGroupRequested(name)
            onInvitationAccepted: (name) => screen.client.acceptInvitation(name)
            onInvitationDeclined: (name) => screen.client.declineInvitation(name)
        }

        // The conversation.
        Rectangle {
            id: conversation
            SplitView.fillWidth: true
            SplitView.minimumWidth: Theme.lineHeight * 18
            color: Theme.window

            ColumnLayout {
                anchors.fill: parent
                spacing: 0
                visible: screen.hasRoom

                // Header: room name and members. Anchors rather than a layout: the name elides, the count follows it.
                Item {
                    id: header
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingLarge
                    Layout.rightMargin: Theme.spacing
                    Layout.topMargin: Theme.spacing
                    Layout.bottomMargin: Theme.spacing
                    implicitHeight: Math.max(roomTitle.implicitHeight, membersButton.implicitHeight)

                    Label {
                        id: roomTitle
                        anchors.left: parent.left
                        anchors.verticalCenter: parent.verticalCenter
                        width: Math.min(implicitWidth, parent.width - memberCountLabel.implicitWidth - membersButton.width - Theme.spacing * 3)
                        text: screen.roomLabel
                        font.bold: true
                        font.pointSize: Theme.titleFontSize
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                        Accessible.role: Accessible.Heading
                    }
                    Label {
                        id: memberCountLabel
                        anchors.left: roomTitle.right
                        anchors.leftMargin: Theme.spacing
                        anchors.baseline: roomTitle.baseline
                        text: screen.client && screen.client.members ? qsTr("%n member(s)", "", screen.client.members.count) : ""
                        color: Theme.mutedText
                    }
                    ToolButton {
                        id: membersButton
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("Members")
                        checkable: true
                        checked: memberPanel.visible
                        enabled: screen.wideEnough
                        focusPolicy: Qt.TabFocus
                        ToolTip.visible: hovered
                        ToolTip.delay: 600
                        ToolTip.text: !screen.wideEnough ? qsTr("Make the window wider to see the member list")
                                      : screen.showMembers ? qsTr("Hide the member list (Ctrl+Shift+M)") : qsTr("Show the member list (Ctrl+Shift+M)")
                        onToggled: screen.showMembersToggled(checked)
                    }
                }

                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: 1
                    color: Theme.separator
                }

                ConnectionBanner {
                    Layout.fillWidth: true
                    connecting: screen.client !== null && screen.client.state === ChatClient.Connecting
                    reconnecting: screen.client !== null && screen.client.state === ChatClient.Reconnecting
                    reconnectSeconds: screen.client ? screen.client.reconnectSeconds : 0
                    pendingCount: screen.client ? screen.client.pendingCount : 0
                    serverAddress: screen.client ? screen.client.serverAddress : ""
                    errorText: screen.client ? screen.client.connectionError : ""
                    noticeText: screen.client ? screen.client.notice : ""
                    offerChangeServer: screen.offerChangeServer
                    onRetryRequested: screen.client.retryNow()
                    onChangeServerRequested: screen.changeServerRequested()
                    onNoticeDismissed: screen.client.dismissNotice()
                }

                MessageView {
                    id: messageView
                    objectName: "messageView"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: screen.client ? screen.client.messages : null
                    roomName: screen.room
                    roomLabel: screen.roomLabel
                    direct: screen.roomKind === "direct"
                    hasOlder: screen.client && screen.client.messages ? screen.client.messages.hasOlder : false
                    loadingOlder: screen.client && screen.client.messages ? screen.client.messages.loadingOlder : false
                    onLoadOlderRequested: screen.client.loadOlder(screen.room)
                    onRetryRequested: (clientId) => screen.client.retryMessage(screen.room, clientId)
                    onDiscardRequested: (clientId) => screen.client.discardMessage(screen.room, clientId)
                    onLatestSeen: screen.markSeen()
                }

                Composer {
                    id: composer
                    objectName: "composer"
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingLarge
                    Layout.rightMargin: Theme.spacingLarge
                    Layout.topMargin: Theme.spacingSmall
                    enabled: screen.hasRoom
                    placeholderText: screen.connected ? qsTr("Message %1").arg(screen.roomLabel)
                                                      : qsTr("Message %1 (sent when back online)").arg(screen.roomLabel)
                    errorText: screen.client ? screen.client.roomError : ""
                    maxBytes: screen.client ? screen.client.maxContentBytes : 0
                    onSendRequested: (text) => {
                        if (screen.client.sendMessage(screen.room, text)) {
                            screen.client.rooms.setDraft(screen.room, "");
                            messageView.scrollToEnd();
                        } else {
                            composer.replaceText(text); // Refused here; never lose what was typed.
                        }
                    }
                    onEdited: screen.client.userTyping(screen.room)
                    onErrorDismissed: screen.client.clearRoomError()
                    onScrollRequested: (direction) => {
                        if (direction === 2)
                            messageView.scrollToEnd();
                        else
                            messageView.scrollPages(direction);
                    }
                }

                TypingIndicator {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingLarge
                    Layout.rightMargin: Theme.spacingLarge
                    Layout.topMargin: Theme.unit / 2
                    Layout.bottomMargin: Theme.spacingSmall
                    users: screen.client ? screen.client.typingUsers : []
                }
            }

            // No room open (the user left every room, or the first join is under way).
            ColumnLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - Theme.spacingLarge * 2, Theme.lineHeight * 24)
                visible: !screen.hasRoom
                spacing: Theme.spacing

                ConnectionBanner {
                    Layout.fillWidth: true
                    connecting: screen.client !== null && screen.client.state === ChatClient.Connecting
                    reconnecting: screen.client !== null && screen.client.state === ChatClient.Reconnecting
                    reconnectSeconds: screen.client ? screen.client.reconnectSeconds : 0
                    pendingCount: screen.client ? screen.client.pendingCount : 0
                    serverAddress: screen.client ? screen.client.serverAddress : ""
                    errorText: screen.client ? screen.client.connectionError : ""
                    noticeText: screen.client ? screen.client.notice : ""
                    offerChangeServer: screen.offerChangeServer
                    radius: Theme.radius
                    onRetryRequested: screen.client.retryNow()
                    onChangeServerRequested: screen.changeServerRequested()
                    onNoticeDismissed: screen.client.dismissNotice()
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("You are not in any room.")
                    font.bold: true
                    font.pointSize: Theme.headingFontSize
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Join a room to start talking, or see which rooms exist on this server.")
                    color: Theme.mutedText
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    Layout.alignment: Qt.AlignHCenter
                    spacing: Theme.spacing
                    Button {
                        text: qsTr("Join or create a room…")
                        highlighted: true
                        onClicked: screen.joinRoomRequested()
                    }
                    Button {
                        text: qsTr("Browse rooms…")
                        onClicked: screen.browseRoomsRequested()
                    }
                }
            }
        }

        MemberPanel {
            id: memberPanel
            visible: screen.showMembers && screen.hasRoom && screen.wideEnough
            SplitView.preferredWidth: Theme.lineHeight * 12
            SplitView.minimumWidth: Theme.lineHeight * 8
            SplitView.maximumWidth: Theme.lineHeight * 22
            model: screen.client ? screen.client.members : null
            canMessage: screen.client !== null && screen.client.privateRoomsAvailable
            canRemove: screen.roomKind === "group" && screen.client.rooms.ownerOf(screen.room) === screen.client.userName
            onCloseRequested: screen.showMembersToggled(false)
            onMessageRequested: (user) => screen.client.openDirect(user) // opens it here if it is open already
            onRemoveRequested: (user) => screen.client.removeFromGroup(screen.room, user)
        }
    }

    QuickSwitcher {
        id: switcher
        objectName: "switcher"
        currentRoom: screen.room
        unreadOf: (name) => screen.unreadOf(name)
        labelOf: (name) => screen.client ? screen.client.rooms.labelOf(name) : "#" + name
        isValidRoomName: (name) => screen.client !== null && screen.client.isValidRoomName(name)
        onRoomChosen: (name) => screen.openRoom(name)
        onJoinChosen: (name) => {
            if (screen.client.joinRoom(name))
                screen.openRoom(name);
        }
        onClosed: if (screen.hasRoom) composer.forceActiveFocus()
    }

    function openSwitcher() {
        switcher.roomNames = roomNames();
        switcher.open();
    }
}
