import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

import "Format.js" as Format

// A thin line above the messages while the connection is not up; never blocks typing or reading.
Rectangle {
    id: banner

    property bool connecting: false
    property bool reconnecting: false
    property int reconnectSeconds: 0
    /// Messages written while offline, waiting in the outbox.
    property int pendingCount: 0
    property string serverAddress
    /// The last connection error, as detail.
    property string errorText
    /// Offer "Change server…" (useful when the server has never answered).
    property bool offerChangeServer: false
    /// News about the connection that stays until dismissed (an admin disconnected the user), even once connected.
    property string noticeText

    signal retryRequested()
    signal changeServerRequested()
    signal noticeDismissed()

    readonly property bool shown: connecting || reconnecting || noticeText.length > 0
    readonly property string message: {
        if (connecting)
            return serverAddress.length > 0 ? qsTr("Connecting to %1…").arg(serverAddress) : qsTr("Connecting…");
        if (reconnecting && reconnectSeconds > 0)
            return qsTr("Reconnecting in %n s…", "", reconnectSeconds);
        if (reconnecting)
            return qsTr("Reconnecting…");
        return "";
    }
    readonly property string offlineText: pendingCount > 0
        ? qsTr("Offline: %n message(s) will be sent when the connection returns.", "", pendingCount)
        : qsTr("Offline: messages will be sent when the connection returns.")

    visible: shown
    implicitHeight: row.implicitHeight + Theme.spacingSmall * 2
    color: reconnecting ? Theme.warningBackground : Theme.infoBackground

    Accessible.role: Accessible.AlertMessage
    Accessible.name: message.length > 0 ? message : noticeText

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacingSmall
        anchors.topMargin: Theme.spacingSmall
        anchors.bottomMargin: Theme.spacingSmall
        spacing: Theme.spacing

        BusyIndicator {
            Layout.preferredWidth: Theme.lineHeight
            Layout.preferredHeight: Theme.lineHeight
            running: banner.connecting
            visible: banner.connecting
        }

        // The state in bold, then what it means for the user's messages; wraps rather than cutting words off.
        Label {
            Layout.fillWidth: true
            text: {
                const parts = [];
                if (banner.message.length > 0)
                    parts.push("<b>" + Format.escapeHtml(banner.message) + "</b>");
                if (banner.noticeText.length > 0)
                    parts.push(Format.escapeHtml(banner.noticeText));
                if (banner.reconnecting)
                    parts.push(Format.escapeHtml(banner.offlineText));
                if (banner.errorText.length > 0)
                    parts.push(Format.escapeHtml(banner.errorText));
                return parts.join(" &nbsp;");
            }
            textFormat: Text.StyledText
            wrapMode: Text.Wrap
            color: banner.reconnecting ? Theme.warningText : Theme.infoText
        }

        Button {
            text: qsTr("Retry now")
            visible: banner.reconnecting
            flat: true
            onClicked: banner.retryRequested()
        }
        Button {
            text: qsTr("Change server…")
            visible: banner.offerChangeServer
            flat: true
            onClicked: banner.changeServerRequested()
        }
        Button {
            objectName: "dismissNoticeButton"
            text: qsTr("Dismiss")
            visible: banner.noticeText.length > 0
            flat: true
            onClicked: banner.noticeDismissed()
        }
    }
}
