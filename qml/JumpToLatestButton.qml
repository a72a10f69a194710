import QtQuick
import QtQuick.Controls.Fusion

// Floats over the message list while the user reads older messages: "Jump to latest (3 new)".
// Shown when there are new messages below, or when `scrolledAway` says the latest ones are far out of sight.
Button {
    id: button

    property int newCount: 0
    property bool scrolledAway: false

    visible: newCount > 0 || scrolledAway
    text: newCount > 0 ? qsTr("Jump to latest (%n new)", "", newCount) : qsTr("Jump to latest")
    focusPolicy: Qt.TabFocus
    padding: Theme.spacing
    leftPadding: Theme.spacingLarge
    rightPadding: Theme.spacingLarge

    ToolTip.visible: hovered
    ToolTip.delay: 600
    ToolTip.text: qsTr("Scroll to the newest message (Ctrl+End)")

    contentItem: Label {
        text: "\u2193  " + button.text
        color: Theme.accentText
        font.bold: button.newCount > 0
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }

    background: Rectangle {
        radius: height / 2
        color: button.down ? Qt.darker(Theme.strongAccent, 1.2) : (button.hovered ? Qt.darker(Theme.strongAccent, 1.1) : Theme.strongAccent)
        border.width: button.visualFocus ? Theme.focusWidth : 0
        border.color: Theme.text

        // A soft edge so the button reads as floating above the messages.
        Rectangle {
            z: -1
            anchors.fill: parent
            anchors.topMargin: 2
            anchors.bottomMargin: -2
            radius: parent.radius
            color: Qt.rgba(0, 0, 0, 0.18)
        }
    }
}
