import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

// A wss:// server's certificate did not verify: what is known about it, and the user's choice. Trusting pins this
// exact certificate for this server; a later, different one comes back here as "changed", with a louder warning.
ModalDialog {
    id: dialog

    /// ChatClient.certificateProblem: server, subject, issuer, fingerprint, validFrom, validUntil, errors (list of
    /// sentences), selfSigned, changed, pinnedFingerprint.
    property var problem: ({})
    readonly property bool changed: problem.changed === true

    signal trustRequested()
    signal cancelRequested()

    function dateText(date: var): string {
        return date instanceof Date && !isNaN(date.getTime()) ? date.toLocaleDateString(Qt.locale(), Locale.ShortFormat) : "–";
    }

    title: changed ? qsTr("The server's certificate has changed") : qsTr("The server's certificate could not be verified")
    preferredWidth: Theme.lineHeight * 30
    closePolicy: Popup.CloseOnEscape

    onAccepted: trustRequested()
    onRejected: cancelRequested()
    // The safe choice has the focus: Enter or Space right away does not trust anything.
    onOpened: cancelButton.forceActiveFocus()

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing

            Rectangle {
                Layout.fillWidth: true
                visible: dialog.changed
                implicitHeight: changedLabel.implicitHeight + Theme.spacing * 2
                radius: Theme.radius
                color: Theme.errorBackground

                Label {
                    id: changedLabel
                    objectName: "certificateChangedWarning"
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    text: qsTr("%1 shows a different certificate from the one you trusted for it. That happens when its certificate is replaced, but it is also what someone intercepting the connection would cause. Trust the new certificate only if you know why it changed.").arg(dialog.problem.server ?? "")
                    color: Theme.error
                    font.bold: true
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    Accessible.role: Accessible.AlertMessage
                }
            }
            Label {
                Layout.fillWidth: true
                visible: !dialog.changed
                text: qsTr("Natter cannot confirm that %1 is the server it claims to be. For a server on your own network with a self-signed certificate this is expected: compare the fingerprint below with the one the server shows (it logs it at start) before you trust it.").arg(dialog.problem.server ?? "")
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
            }

            Repeater {
                model: dialog.problem.errors ?? []
                delegate: Label {
                    required property string modelData
                    Layout.fillWidth: true
                    text: "• " + modelData
                    color: Theme.error
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
            }

            GridLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingSmall
                columns: 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacingSmall

                Label {
                    text: qsTr("Issued to")
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    text: dialog.problem.subject || "–"
                    wrapMode: Text.WrapAnywhere
                    textFormat: Text.PlainText
                }
                Label {
                    text: qsTr("Issued by")
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    text: dialog.problem.selfSigned === true ? qsTr("%1 (itself: self-signed)").arg(dialog.problem.issuer || "–") : (dialog.problem.issuer || "–")
                    wrapMode: Text.WrapAnywhere
                    textFormat: Text.PlainText
                }
                Label {
                    text: qsTr("Valid")
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1 to %2").arg(dialog.dateText(dialog.problem.validFrom)).arg(dialog.dateText(dialog.problem.validUntil))
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.alignment: Qt.AlignTop
                    text: qsTr("SHA-256 fingerprint")
                    font.bold: true
                }
                TextEdit {
                    objectName: "certificateFingerprint"
                    Layout.fillWidth: true
                    text: dialog.problem.fingerprint ?? ""
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.WrapAnywhere
                    font.family: "monospace"
                    color: Theme.text
                    selectionColor: Theme.system.highlight
                    selectedTextColor: Theme.system.highlightedText
                    Accessible.name: qsTr("SHA-256 fingerprint")
                }
                Label {
                    Layout.alignment: Qt.AlignTop
                    visible: dialog.changed
                    text: qsTr("Trusted before")
                    font.bold: true
                }
                TextEdit {
                    Layout.fillWidth: true
                    visible: dialog.changed
                    text: dialog.problem.pinnedFingerprint ?? ""
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.WrapAnywhere
                    font.family: "monospace"
                    color: Theme.mutedText
                    Accessible.name: qsTr("Fingerprint trusted before")
                }
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            id: trustButton
            objectName: "trustCertificateButton"
            text: dialog.changed ? qsTr("Trust the new certificate") : qsTr("Trust this certificate")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            id: cancelButton
            objectName: "cancelCertificateButton"
            text: qsTr("Cancel")
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
