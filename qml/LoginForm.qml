import QtQuick
import QtQuick.Controls.Fusion
import QtQuick.Layouts

// The password part of the connect screen, for a server with accounts: log in, or create an account (typing the new
// password twice). The name comes from the connect screen's name field.
ColumnLayout {
    id: form

    /// A login is under way.
    property bool busy: false
    /// The server lets anyone create an account.
    property bool registrationOpen: false
    /// Said when the login cannot be kept after the app quits (no keychain).
    property string storageNote
    /// Creating an account rather than logging in.
    property bool creating: false
    /// Where Shift+Tab goes from the password field (the connect screen's name field).
    property Item backtabItem: null

    /// The first field, for the connect screen's Tab order.
    readonly property Item passwordInput: passwordField

    signal logInRequested(string password)
    signal createAccountRequested(string password)

    readonly property string mismatchText: qsTr("The two passwords differ. Type the new password twice.")
    property string localError

    function focusPassword() {
        passwordField.forceActiveFocus();
        passwordField.selectAll();
    }

    function submit() {
        localError = "";
        if (passwordField.text.length === 0) {
            passwordField.forceActiveFocus();
            return;
        }
        if (busy)
            return;
        if (!creating) {
            logInRequested(passwordField.text);
            return;
        }
        if (confirmField.text.length === 0) {
            confirmField.forceActiveFocus();
            return;
        }
        if (confirmField.text !== passwordField.text) {
            localError = mismatchText;
            confirmField.forceActiveFocus();
            confirmField.selectAll();
            return;
        }
        createAccountRequested(passwordField.text);
    }

    function setCreating(on: bool) {
        creating = on;
        localError = "";
        confirmField.text = "";
        // A password typed already is kept: it only needs repeating.
        if (on && passwordField.text.length > 0)
            confirmField.forceActiveFocus();
        else
            passwordField.forceActiveFocus();
    }

    onRegistrationOpenChanged: if (!registrationOpen) creating = false

    spacing: Theme.spacing

    Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingSmall
        text: form.creating
              ? qsTr("Create an account on this server with the name above.")
              : form.registrationOpen
              ? qsTr("This server uses accounts. Log in, or create an account.")
              : qsTr("This server uses accounts. Log in with the password you were given.")
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }

    Label {
        text: form.creating ? qsTr("New password") : qsTr("Password")
        font.bold: true
    }
    TextField {
        id: passwordField
        objectName: "passwordField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        passwordCharacter: "\u2022"
        inputMethodHints: Qt.ImhHiddenText | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        enabled: !form.busy
        Accessible.name: form.creating ? qsTr("New password") : qsTr("Password")
        Accessible.passwordEdit: true
        KeyNavigation.backtab: form.backtabItem
        KeyNavigation.tab: form.creating ? confirmField : primaryButton
        Keys.onReturnPressed: form.submit()
        Keys.onEnterPressed: form.submit()
    }

    Label {
        visible: form.creating
        Layout.topMargin: Theme.spacingSmall
        text: qsTr("Repeat the password")
        font.bold: true
    }
    TextField {
        id: confirmField
        objectName: "confirmPasswordField"
        visible: form.creating
        Layout.fillWidth: true
        echoMode: TextInput.Password
        passwordCharacter: "\u2022"
        inputMethodHints: Qt.ImhHiddenText | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        enabled: !form.busy
        Accessible.name: qsTr("Repeat the password")
        Accessible.passwordEdit: true
        KeyNavigation.backtab: passwordField
        KeyNavigation.tab: primaryButton
        Keys.onReturnPressed: form.submit()
        Keys.onEnterPressed: form.submit()
    }

    Label {
        objectName: "loginFormError"
        Layout.fillWidth: true
        visible: form.localError.length > 0
        text: form.localError
        color: Theme.error
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
    }

    Label {
        objectName: "storageNote"
        Layout.fillWidth: true
        visible: form.storageNote.length > 0
        text: form.storageNote
        color: Theme.warningText
        font.pointSize: Theme.smallFontSize
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingSmall
        spacing: Theme.spacing

        Button {
            id: primaryButton
            objectName: form.creating ? "createAccountButton" : "logInButton"
            text: form.creating
                  ? (form.busy ? qsTr("Creating account…") : qsTr("Create account"))
                  : (form.busy ? qsTr("Logging in…") : qsTr("Log in"))
            highlighted: true
            enabled: !form.busy && passwordField.text.length > 0
            KeyNavigation.backtab: form.creating ? confirmField : passwordField
            KeyNavigation.tab: secondaryButton.visible ? secondaryButton : null
            onClicked: form.submit()
            Keys.onReturnPressed: form.submit()
            Keys.onEnterPressed: form.submit()
        }
        Button {
            id: secondaryButton
            objectName: form.creating ? "backToLogInButton" : "newAccountButton"
            visible: form.creating || form.registrationOpen
            enabled: !form.busy
            flat: true
            text: form.creating ? qsTr("I have an account") : qsTr("Create an account…")
            KeyNavigation.backtab: primaryButton
            onClicked: form.setCreating(!form.creating)
            Keys.onReturnPressed: form.setCreating(!form.creating)
            Keys.onEnterPressed: form.setCreating(!form.creating)
        }
    }
}
