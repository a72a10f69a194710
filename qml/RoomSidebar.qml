import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

// Left column: which server, whether this machine hosts it, and the joined rooms with their unread counts.
Rectangle {
    id: sidebar

    property string serverName
    property string userName
    /// Said under the name when the login is kept only until the app quits.
    property string loginNote
    property bool connected: false
    /// "Hosting on 192.168.1.5:8082 · 3 connected", or empty when not hosting.
    property string hostingText
    /// A RoomListModel: roles name, title, kind, section, unread, memberCount, draft.
    property var model: null
    property string currentRoom
    /// The server has accounts: direct messages and groups can be started from here.
    property bool privateRoomsAvailable: false
    /// Invitations to groups waiting for an answer: [{room, by}].
    property var invitations: []

    signal roomSelected(string name)
    signal joinRequested()
    signal browseRequested()
    signal leaveRequested(string name)
    signal markReadRequested(string name)
    signal hostingDetailsRequested()
    signal newMessageRequested()
    signal newGroupRequested()
    signal inviteRequested(string name)
    signal leaveGroupRequested(string name)
    signal invitationAccepted(string room)
    signal invitationDeclined(string room)

    function focusRooms() {
        roomList.forceActiveFocus();
    }

    color: Theme.sidebar
    implicitWidth: Theme.lineHeight * 14

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Server and identity.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing * 1.5
            spacing: Theme.unit

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                Rectangle {
                    Layout.alignment: Qt.AlignVCenter
                    width: Theme.unit * 2
                    height: width
                    radius: width / 2
                    color: sidebar.connected ? Theme.online : Theme.mutedText
                    Accessible.ignored: true
                }
                Label {
                    Layout.fillWidth: true
                    text: sidebar.serverName.length > 0 ? sidebar.serverName : qsTr("Natter")
                    font.bold: true
                    font.pointSize: Theme.titleFontSize
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    Accessible.name: sidebar.connected ? qsTr("%1, connected").arg(text) : qsTr("%1, offline").arg(text)
                }
            }
            Label {
                Layout.fillWidth: true
                visible: sidebar.userName.length > 0
                text: qsTr("Signed in as %1").arg(sidebar.userName)
                color: Theme.mutedText
                font.pointSize: Theme.smallFontSize
                elide: Text.ElideRight
                textFormat: Text.PlainText
            }
            Label {
                objectName: "loginNote"
                Layout.fillWidth: true
                visible: sidebar.loginNote.length > 0
                text: sidebar.loginNote
                color: Theme.warningText
                font.pointSize: Theme.smallFontSize
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
            }
            AbstractButton {
                id: hostingLine
                Layout.fillWidth: true
                visible: sidebar.hostingText.length > 0
                focusPolicy: Qt.TabFocus
                implicitHeight: hostingLabel.implicitHeight
                Accessible.name: sidebar.hostingText
                Accessible.description: qsTr("Shows the addresses others can use")
                onClicked: sidebar.hostingDetailsRequested()

                contentItem: Label {
                    id: hostingLabel
                    text: "\u25CF " + sidebar.hostingText
                    color: Theme.online
                    font.pointSize: Theme.smallFontSize
                    font.underline: hostingLine.hovered || hostingLine.visualFocus
                    wrapMode: Text.Wrap
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.separator
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing * 1.5
            Layout.rightMargin: Theme.spacingSmall
            Layout.topMargin: Theme.spacingSmall
            spacing: 0

            Label {
                Layout.fillWidth: true
                text: qsTr("Rooms")
                font.bold: true
                font.pointSize: Theme.smallFontSize
                color: Theme.mutedText
            }
            ToolButton {
                text: qsTr("Browse")
                font.pointSize: Theme.smallFontSize
                focusPolicy: Qt.TabFocus
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Browse the rooms on this server")
                onClicked: sidebar.browseRequested()
            }
            ToolButton {
                id: addButton
                objectName: "addButton"
                text: "+"
                font.bold: true
                font.pointSize: Theme.headingFontSize
                focusPolicy: Qt.TabFocus
                Accessible.name: sidebar.privateRoomsAvailable ? qsTr("New conversation") : qsTr("Join or create a room")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: sidebar.privateRoomsAvailable ? qsTr("Join a room, write to someone, or start a group")
                                                            : qsTr("Join or create a room")
                onClicked: {
                    if (sidebar.privateRoomsAvailable)
                        addMenu.popup(addButton, 0, addButton.height);
                    else
                        sidebar.joinRequested();
                }
            }
        }

        // Invitations to groups, each waiting for an answer.
        Repeater {
            model: sidebar.invitations

            delegate: Rectangle {
                id: invitationCard

                required property var modelData

                objectName: "invitation_" + modelData.room
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacing
                Layout.rightMargin: Theme.spacing
                Layout.topMargin: Theme.spacingSmall
                implicitHeight: invitationColumn.implicitHeight + Theme.spacing * 2
                radius: Theme.radius
                color: Theme.selected
                Accessible.role: Accessible.Grouping
                Accessible.name: invitationText.text

                ColumnLayout {
                    id: invitationColumn
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: Theme.unit

                    Label {
                        id: invitationText
                        Layout.fillWidth: true
                        text: qsTr("%1 invited you to the group #%2").arg(invitationCard.modelData.by).arg(invitationCard.modelData.room)
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                    }
                    RowLayout {
                        spacing: Theme.spacingSmall
                        Button {
                            objectName: "acceptInvitation"
                            text: qsTr("Accept")
                            highlighted: true
                            onClicked: sidebar.invitationAccepted(invitationCard.modelData.room)
                        }
                        Button {
                            objectName: "declineInvitation"
                            text: qsTr("Decline")
                            onClicked: sidebar.invitationDeclined(invitationCard.modelData.room)
                        }
                    }
                }
            }
        }

        ListView {
            id: roomList
            objectName: "roomList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: sidebar.model
            activeFocusOnTab: true
            keyNavigationEnabled: true
            keyNavigationWraps: true
            boundsBehavior: Flickable.StopAtBounds
            currentIndex: sidebar.model ? sidebar.model.indexOf(sidebar.currentRoom) : -1
            highlightFollowsCurrentItem: false
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Rooms")

            ScrollBar.vertical: ScrollBar {}

            // Groups and direct conversations under their own headings; public rooms sit under "Rooms" above.
            section.property: "section"
            section.delegate: Item {
                id: sectionHeading

                required property string section

                width: roomList.width
                // ListView shows and hides section items itself: "rooms" gets no height rather than visible: false.
                height: section === "rooms" ? 0 : headingLabel.implicitHeight
                Accessible.role: Accessible.Heading
                Accessible.name: headingLabel.text

                Label {
                    id: headingLabel
                    visible: sectionHeading.section !== "rooms"
                    leftPadding: Theme.spacing * 1.5
                    topPadding: Theme.spacing
                    bottomPadding: Theme.unit
                    text: sectionHeading.section === "groups" ? qsTr("Groups") : qsTr("Direct messages")
                    font.bold: true
                    font.pointSize: Theme.smallFontSize
                    color: Theme.mutedText
                }
            }

            Keys.onReturnPressed: if (currentItem) sidebar.roomSelected(sidebar.model.nameAt(currentIndex))
            Keys.onEnterPressed: if (currentItem) sidebar.roomSelected(sidebar.model.nameAt(currentIndex))
            Keys.onSpacePressed: if (currentItem) sidebar.roomSelected(sidebar.model.nameAt(currentIndex))
            Keys.onPressed: (event) => {
                if (event.key === Qt.Key_Menu && currentItem) {
                    roomMenu.room = sidebar.model.nameAt(currentIndex);
                    roomMenu.kind = sidebar.model.kindOf(roomMenu.room);
                    roomMenu.popup(currentItem, currentItem.width / 2, currentItem.height / 2);
                    event.accepted = true;
                }
            }

            delegate: ItemDelegate {
                id: roomRow

                required property int index
                required property string name
                required property string title
                required property string kind
                required property int unread
                required property int memberCount
                required property string draft

                readonly property bool isCurrent: name === sidebar.currentRoom
                readonly property bool hasFocusCursor: roomList.activeFocus && ListView.isCurrentItem

                width: roomList.width
                focusPolicy: Qt.NoFocus
                leftPadding: Theme.spacing * 1.5
                rightPadding: Theme.spacing * 1.5
                topPadding: Theme.unit * 1.5
                bottomPadding: Theme.unit * 1.5
                Accessible.name: unread > 0 ? qsTr("%1, %n unread", "", unread).arg(title) : title
                Accessible.role: Accessible.ListItem

                onClicked: sidebar.roomSelected(name)

                TapHandler {
                    acceptedButtons: Qt.RightButton
                    onTapped: (eventPoint) => {
                        roomMenu.room = roomRow.name;
                        roomMenu.kind = roomRow.kind;
                        roomMenu.popup(roomRow, eventPoint.position);
                    }
                }

                background: Rectangle {
                    color: roomRow.isCurrent ? Theme.selected : (roomRow.hovered ? Theme.hover : "transparent")
                    border.width: roomRow.hasFocusCursor ? Theme.focusWidth : 0
                    border.color: Theme.focusRing
                    radius: Theme.radius
                    anchors.fill: parent
                    anchors.leftMargin: Theme.unit
                    anchors.rightMargin: Theme.unit
                }

                contentItem: RowLayout {
                    spacing: Theme.spacing

                    Label {
                        visible: roomRow.kind !== "direct"
                        text: "#"
                        color: Theme.mutedText
                        font.bold: roomRow.unread > 0
                    }
                    Avatar {
                        visible: roomRow.kind === "direct"
                        name: roomRow.title
                        size: Theme.smallAvatarSize * 0.8
                    }
                    Label {
                        Layout.fillWidth: true
                        text: roomRow.title
                        font.bold: roomRow.unread > 0 || roomRow.isCurrent
                        color: roomRow.unread > 0 || roomRow.isCurrent ? Theme.text : Theme.mutedText
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                    }
                    Label {
                        // A draft waits in this room.
                        visible: roomRow.draft.length > 0 && !roomRow.isCurrent
                        text: "\u270E"
                        color: Theme.mutedText
                        Accessible.name: qsTr("Draft")
                        ToolTip.visible: draftHover.hovered
                        ToolTip.text: qsTr("Unsent draft")
                        HoverHandler {
                            id: draftHover
                        }
                    }
                    UnreadBadge {
                        count: roomRow.unread
                    }
                    Label {
                        visible: roomRow.unread === 0 && roomRow.memberCount > 0
                        text: String(roomRow.memberCount)
                        color: Theme.mutedText
                        font.pointSize: Theme.smallFontSize
                        ToolTip.visible: countHover.hovered
                        ToolTip.text: qsTr("%n member(s) online", "", roomRow.memberCount)
                        HoverHandler {
                            id: countHover
                        }
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - Theme.spacingLarge * 2
                visible: roomList.count === 0
                text: qsTr("No rooms yet. Press + to join or create one.")
                color: Theme.mutedText
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
            }
        }
    }

    Menu {
        id: addMenu

        MenuItem {
            text: qsTr("Join or create a room…")
            onTriggered: sidebar.joinRequested()
        }
        MenuItem {
            objectName: "newMessageItem"
            text: qsTr("New direct message…")
            onTriggered: sidebar.newMessageRequested()
        }
        MenuItem {
            objectName: "newGroupItem"
            text: qsTr("New group…")
            onTriggered: sidebar.newGroupRequested()
        }
    }

    Menu {
        id: roomMenu

        property string room
        property string kind

        MenuItem {
            text: qsTr("Open")
            onTriggered: sidebar.roomSelected(roomMenu.room)
        }
        MenuItem {
            text: qsTr("Mark as read")
            onTriggered: sidebar.markReadRequested(roomMenu.room)
        }
        MenuSeparator {}
        MenuItem {
            visible: roomMenu.kind === "group"
            height: visible ? implicitHeight : 0
            text: qsTr("Invite people…")
            onTriggered: sidebar.inviteRequested(roomMenu.room)
        }
        MenuItem {
            text: roomMenu.kind === "direct" ? qsTr("Close conversation")
                : roomMenu.kind === "group" ? qsTr("Leave group…") : qsTr("Leave room")
            onTriggered: {
                if (roomMenu.kind === "group")
                    sidebar.leaveGroupRequested(roomMenu.room);
                else
                    sidebar.leaveRequested(roomMenu.room);
            }
        }
    }
}
