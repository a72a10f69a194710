import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

import "Format.js" as Format

// Where the user writes: Enter sends, Shift+Enter adds a line; the box grows to about five lines, then scrolls.
// Knows nothing about the connection; the screen wires it to the client.
FocusScope {
    id: composer

    property alias text: input.text
    property alias placeholderText: input.placeholderText
    /// An error from the server about what was sent (too long, rate limited…), shown under the box.
    property string errorText
    /// A quieter note under the box, e.g. that messages wait for the connection.
    property string statusText
    /// The server's limit for one message, in UTF-8 bytes; 0 for none.
    property int maxBytes: 0
    property int maxVisibleLines: 5
    readonly property int byteCount: Format.utf8Length(input.text)
    readonly property bool tooLong: maxBytes > 0 && byteCount > maxBytes
    readonly property bool canSend: enabled && !tooLong && input.text.trim().length > 0
    // Only near the limit: a counter that is always there is noise.
    readonly property bool showByteCount: maxBytes > 0 && byteCount > maxBytes * 0.8
    // Set while replaceText() runs, so that a programmatic change is not reported as typing.
    property bool replacing: false

    /// The user pressed Enter on something worth sending; the box is already cleared.
    signal sendRequested(string text)
    /// The user changed the text (not emitted for replaceText()).
    signal edited()
    signal errorDismissed()
    /// Page Up / Page Down / Ctrl+End pressed in the box, for the message list: -1 up, 1 down, 2 to the end.
    signal scrollRequested(int direction)

    /// Replaces the text without counting as typing (switching rooms, restoring a draft).
    function replaceText(newText: string) {
        replacing = true;
        input.text = newText;
        input.cursorPosition = input.length;
        replacing = false;
    }

    function send(): bool {
        if (!canSend)
            return false;
        // Trailing white space and leading empty lines are never meant; inner layout is kept.
        const message = input.text.replace(/^(\s*\n)+/, "").replace(/\s+$/, "");
        replaceText("");
        sendRequested(message);
        return true;
    }

    function insertNewline() {
        if (input.selectedText.length > 0)
            input.remove(input.selectionStart, input.selectionEnd);
        input.insert(input.cursorPosition, "\n");
    }

    implicitWidth: column.implicitWidth
    implicitHeight: column.implicitHeight

    ColumnLayout {
        id: column
        anchors.fill: parent
        spacing: Theme.spacingSmall

        Rectangle {
            id: frame
            Layout.fillWidth: true
            // Room for the thicker focus border is always kept, so focusing does not make the box jump.
            Layout.preferredHeight: scroll.Layout.preferredHeight + 2 * Theme.focusWidth
            radius: Theme.radius
            color: composer.enabled ? Theme.base : Theme.window
            border.width: input.activeFocus ? Theme.focusWidth : 1
            border.color: composer.tooLong ? Theme.error : (input.activeFocus ? Theme.focusRing : Theme.separator)

            RowLayout {
                anchors.fill: parent
                anchors.margins: Theme.focusWidth
                spacing: 0

                ScrollView {
                    id: scroll
                    focus: true // A control is a focus scope: pass the composer's focus on to the text.
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: Math.min(input.implicitHeight,
                                                     fontMetrics.lineSpacing * composer.maxVisibleLines
                                                     + input.topPadding + input.bottomPadding)
                    ScrollBar.horizontal.policy: ScrollBar.AlwaysOff

                    TextArea {
                        id: input
                        objectName: "composerInput"
                        focus: true
                        wrapMode: TextEdit.Wrap
                        textFormat: TextEdit.PlainText
                        selectByMouse: true
                        persistentSelection: true
                        color: Theme.baseText
                        placeholderTextColor: Theme.mutedText
                        padding: Theme.spacing
                        background: null
                        Accessible.name: composer.placeholderText.length > 0 ? composer.placeholderText : qsTr("Message")
                        Accessible.description: qsTr("Enter sends; Shift+Enter starts a new line")

                        onTextChanged: {
                            if (!composer.replacing && activeFocus && length > 0)
                                composer.edited();
                        }

                        Keys.onPressed: (event) => {
                            if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                                if (input.inputMethodComposing)
                                    return; // Enter confirms what the input method is composing.
                                if (event.modifiers & Qt.ShiftModifier) {
                                    composer.insertNewline();
                                } else {
                                    composer.send();
                                }
                                event.accepted = true;
                            } else if (event.key === Qt.Key_Tab || event.key === Qt.Key_Backtab) {
                                // Tab moves on, as everywhere else; a chat message has no use for tab characters.
                                const forward = event.key === Qt.Key_Tab && !(event.modifiers & Qt.ShiftModifier);
                                const next = input.nextItemInFocusChain(forward);
                                if (next)
                                    next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason);
                                event.accepted = true;
                            } else if (event.key === Qt.Key_PageUp) {
                                composer.scrollRequested(-1);
                                event.accepted = true;
                            } else if (event.key === Qt.Key_PageDown) {
                                composer.scrollRequested(1);
                                event.accepted = true;
                            } else if (event.key === Qt.Key_End && (event.modifiers & Qt.ControlModifier)
                                       && input.cursorPosition === input.length) {
                                composer.scrollRequested(2);
                                event.accepted = true;
                            }
                        }
                    }
                }

                ToolButton {
                    id: sendButton
                    objectName: "sendButton"
                    Layout.alignment: Qt.AlignBottom
                    Layout.margins: Theme.spacingSmall
                    enabled: composer.canSend
                    focusPolicy: Qt.TabFocus
                    text: qsTr("Send")
                    display: AbstractButton.TextOnly
                    font.bold: true
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Send (Enter)")
                    onClicked: {
                        composer.send();
                        input.forceActiveFocus();
                    }
                }
            }
        }

        // Errors from the server, right where the user looks.
        Rectangle {
            Layout.fillWidth: true
            visible: composer.errorText.length > 0
            implicitHeight: errorRow.implicitHeight + Theme.spacingSmall * 2
            radius: Theme.radius
            color: Theme.errorBackground

            RowLayout {
                id: errorRow
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: Theme.spacingSmall
                spacing: Theme.spacing

                Label {
                    id: errorLabel
                    objectName: "composerError"
                    Layout.fillWidth: true
                    text: composer.errorText
                    color: Theme.error
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    Accessible.role: Accessible.AlertMessage
                }
                ToolButton {
                    objectName: "dismissError"
                    text: "\u2715"
                    focusPolicy: Qt.TabFocus
                    Accessible.name: qsTr("Dismiss error")
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Dismiss")
                    onClicked: {
                        composer.errorDismissed();
                        input.forceActiveFocus();
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: composer.statusText.length > 0 || composer.showByteCount

            Label {
                id: statusLabel
                Layout.fillWidth: true
                text: composer.statusText
                color: Theme.mutedText
                font.pointSize: Theme.smallFontSize
                elide: Text.ElideRight
            }
            Label {
                id: counter
                objectName: "byteCounter"
                visible: composer.showByteCount
                text: composer.tooLong
                      ? qsTr("Too long: %1 / %2 bytes").arg(composer.byteCount).arg(composer.maxBytes)
                      : qsTr("%1 / %2 bytes").arg(composer.byteCount).arg(composer.maxBytes)
                color: composer.tooLong ? Theme.error : Theme.mutedText
                font.pointSize: Theme.smallFontSize
                font.bold: composer.tooLong
            }
        }
    }

    FontMetrics {
        id: fontMetrics
        font: input.font
    }
}
