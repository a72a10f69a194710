import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

import "Format.js" as Format

// One message row. The first message of a group shows avatar, name and time; later ones only their text, with
// the time on hover. A day separator and the "New messages" divider sit above the row when they apply.
Item {
    id: row

    required property int index
    required property string messageId
    required property real seq
    required property string user
    required property string content
    required property var timestamp
    required property bool pending
    required property bool failed
    required property string errorText
    required property string clientId
    required property bool own
    required property bool firstInGroup
    required property string daySeparator

    /// Whether the "New messages" divider goes above this message.
    property bool showUnreadDivider: false

    signal retryRequested(string clientId)
    signal discardRequested(string clientId)
    /// Right click: @p link is the address under the pointer, if any; @p position is in this item.
    signal contextMenuRequested(string link, point position)

    readonly property bool hasTime: timestamp instanceof Date && !isNaN(timestamp.getTime())
    readonly property string timeText: hasTime ? timestamp.toLocaleTimeString(Qt.locale(), Locale.ShortFormat) : ""
    readonly property string fullTimeText: hasTime ? timestamp.toLocaleString(Qt.locale(), Locale.LongFormat) : ""
    readonly property bool startsGroup: firstInGroup || daySeparator.length > 0 || showUnreadDivider
    readonly property alias hovered: hover.hovered

    implicitHeight: column.implicitHeight

    Accessible.role: Accessible.ListItem
    Accessible.name: Format.format(failed ? qsTr("Not sent: %1 at %2: %3") : pending ? qsTr("Sending: %1 at %2: %3") : qsTr("%1 at %2: %3"),
                                   [user, timeText, content])

    Column {
        id: column
        width: parent.width

        // Day separator: "Today", "Yesterday" or a date.
        Item {
            width: parent.width
            height: visible ? dayLabel.implicitHeight + Theme.spacing * 2 : 0
            visible: row.daySeparator.length > 0

            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: Theme.spacing
                height: 1
                color: Theme.separator
            }
            Label {
                id: dayLabel
                anchors.centerIn: parent
                leftPadding: Theme.spacing
                rightPadding: Theme.spacing
                text: row.daySeparator
                font.bold: true
                font.pointSize: Theme.smallFontSize
                color: Theme.mutedText
                background: Rectangle {
                    color: Theme.window
                    radius: height / 2
                    border.width: 1
                    border.color: Theme.separator
                }
            }
        }

        // Where the user left off.
        Item {
            width: parent.width
            height: visible ? newLabel.implicitHeight + Theme.spacingSmall * 2 : 0
            visible: row.showUnreadDivider

            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                anchors.left: parent.left
                anchors.right: newLabel.left
                anchors.leftMargin: Theme.spacing
                height: 1
                color: Theme.badge
            }
            Label {
                id: newLabel
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacing
                anchors.verticalCenter: parent.verticalCenter
                leftPadding: Theme.spacing
                text: qsTr("New messages")
                color: Theme.badge
                font.bold: true
                font.pointSize: Theme.smallFontSize
            }
        }

        Item {
            id: body
            width: parent.width
            height: bodyLayout.implicitHeight + (row.startsGroup ? Theme.spacing : Theme.unit / 2) + Theme.unit / 2

            Rectangle {
                anchors.fill: parent
                color: row.failed ? Theme.errorBackground : Theme.hover
                visible: row.failed || hover.hovered
                opacity: row.failed ? 0.6 : 1
            }

            HoverHandler {
                id: hover
            }

            TapHandler {
                acceptedButtons: Qt.RightButton
                onTapped: (eventPoint) => row.contextMenuRequested(contentEdit.hoveredLink, body.mapToItem(row, eventPoint.position))
            }

            // Fixed-width column left of the text: the avatar on a group's first line, the time on hover after.
            Item {
                id: gutter
                x: Theme.spacing
                y: row.startsGroup ? Theme.spacing : Theme.unit / 2
                width: Theme.avatarSize
                height: row.startsGroup ? Theme.avatarSize : contentEdit.y + Theme.lineHeight

                Avatar {
                    visible: row.startsGroup
                    name: row.user
                    size: Theme.avatarSize
                }
                Label {
                    visible: !row.startsGroup && hover.hovered
                    anchors.right: parent.right
                    y: contentEdit.y + (Theme.lineHeight - height) / 2
                    text: row.timeText
                    color: Theme.mutedText
                    font.pointSize: Theme.fontSize(0.75)
                }
            }

            ColumnLayout {
                id: bodyLayout
                anchors.left: gutter.right
                anchors.leftMargin: Theme.spacing * 1.5
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacingLarge
                y: gutter.y
                spacing: Theme.unit / 2
                opacity: row.pending ? 0.55 : 1

                RowLayout {
                    visible: row.startsGroup
                    spacing: Theme.spacing
                    Layout.fillWidth: true

                    Label {
                        text: row.user
                        font.bold: true
                        color: Theme.text
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                        Layout.maximumWidth: bodyLayout.width * 0.7
                    }
                    Label {
                        text: row.timeText
                        color: Theme.mutedText
                        font.pointSize: Theme.smallFontSize
                        ToolTip.visible: timeHover.hovered && row.fullTimeText.length > 0
                        ToolTip.delay: 500
                        ToolTip.text: row.fullTimeText
                        HoverHandler {
                            id: timeHover
                        }
                    }
                    Label {
                        visible: row.pending
                        text: qsTr("Sending…")
                        color: Theme.mutedText
                        font.pointSize: Theme.smallFontSize
                        font.italic: true
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                }

                TextEdit {
                    id: contentEdit
                    objectName: "messageText"
                    Layout.fillWidth: true
                    readOnly: true
                    selectByMouse: true
                    persistentSelection: false
                    activeFocusOnPress: false
                    textFormat: TextEdit.RichText
                    // Breaks at word boundaries, and inside words or addresses too long for a line.
                    wrapMode: TextEdit.Wrap
                    text: Format.linkify(row.content, Theme.link)
                    color: Theme.text
                    selectionColor: Theme.accent
                    selectedTextColor: Theme.accentText
                    font: Qt.application.font
                    onLinkActivated: (link) => {
                        if (Format.isSafeLink(link))
                            Qt.openUrlExternally(link);
                    }

                    HoverHandler {
                        cursorShape: contentEdit.hoveredLink.length > 0 ? Qt.PointingHandCursor : Qt.IBeamCursor
                    }
                    ToolTip.visible: hoveredLink.length > 0
                    ToolTip.delay: 800
                    ToolTip.text: hoveredLink
                }

                // A message the server refused: why, and what to do about it.
                RowLayout {
                    visible: row.failed
                    Layout.fillWidth: true
                    spacing: Theme.spacing

                    Label {
                        Layout.fillWidth: true
                        text: row.errorText.length > 0 ? qsTr("Not sent: %1").arg(row.errorText) : qsTr("Not sent")
                        color: Theme.error
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                        font.pointSize: Theme.smallFontSize
                    }
                    Button {
                        objectName: "retryButton"
                        text: qsTr("Retry")
                        onClicked: row.retryRequested(row.clientId)
                    }
                    Button {
                        objectName: "discardButton"
                        text: qsTr("Discard")
                        flat: true
                        onClicked: row.discardRequested(row.clientId)
                    }
                }
            }
        }
    }
}
