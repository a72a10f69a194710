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
    /// A RoomListModel: roles name, unread, memberCount, draft.
    property var model: null
    property string currentRoom

    signal roomSelected(string name)
    signal joinRequested()
    signal browseRequested()
    signal leaveRequested(string name)
    signal markReadRequested(string name)
    signal hostingDetailsRequested()

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
                text: "+"
                font.bold: true
                font.pointSize: Theme.headingFontSize
                focusPolicy: Qt.TabFocus
                Accessible.name: qsTr("Join or create a room")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Join or create a room")
                onClicked: sidebar.joinRequested()
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

            Keys.onReturnPressed: if (currentItem) sidebar.roomSelected(sidebar.model.nameAt(currentIndex))
            Keys.onEnterPressed: if (currentItem) sidebar.roomSelected(sidebar.model.nameAt(currentIndex))
            Keys.onSpacePressed: if (currentItem) sidebar.roomSelected(sidebar.model.nameAt(currentIndex))
            Keys.onPressed: (event) => {
                if (event.key === Qt.Key_Menu && currentItem) {
                    roomMenu.room = sidebar.model.nameAt(currentIndex);
                    roomMenu.popup(currentItem, currentItem.width / 2, currentItem.height / 2);
                    event.accepted = true;
                }
            }

            delegate: ItemDelegate {
                id: roomRow

                required property int index
                required property string name
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
                Accessible.name: unread > 0 ? qsTr("%1, %n unread", "", unread).arg(name) : name
                Accessible.role: Accessible.ListItem

                onClicked: sidebar.roomSelected(name)

                TapHandler {
                    acceptedButtons: Qt.RightButton
                    onTapped: (eventPoint) => {
                        roomMenu.room = roomRow.name;
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
                        text: "#"
                        color: Theme.mutedText
                        font.bold: roomRow.unread > 0
                    }
                    Label {
                        Layout.fillWidth: true
                        text: roomRow.name
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
        id: roomMenu

        property string room

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
            text: qsTr("Leave room")
            onTriggered: sidebar.leaveRequested(roomMenu.room)
        }
    }
}
