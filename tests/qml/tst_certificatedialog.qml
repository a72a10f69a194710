import QtQuick
import QtTest

import Natter.Ui

Item {
    id: root
    width: 900
    height: 700

    readonly property string fingerprint: "3F:0A:91:5C:D2:77:1B:E4:08:6D:C3:A9:52:10:FE:84:6B:2D:99:C7:E1:40:3A:5B:86:0F:D4:21:7C:E8:93:B6"
    readonly property var problem: ({
        server: "192.168.1.20:8082",
        subject: "office-pc",
        issuer: "office-pc",
        fingerprint: root.fingerprint,
        validFrom: new Date(2025, 0, 1),
        validUntil: new Date(2027, 3, 1),
        selfSigned: true,
        errors: ["The certificate is self-signed, and untrusted"],
        changed: false,
        pinnedFingerprint: ""
    })

    Component {
        id: dialogComponent
        CertificateDialog {}
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "CertificateDialog"
        when: windowShown

        function openDialog(problem) {
            const dialog = createTemporaryObject(dialogComponent, root, { problem: problem });
            const trusted = createTemporaryObject(spyComponent, root, { target: dialog, signalName: "trustRequested" });
            const cancelled = createTemporaryObject(spyComponent, root, { target: dialog, signalName: "cancelRequested" });
            dialog.open();
            tryVerify(() => dialog.opened);
            return { dialog: dialog, trusted: trusted, cancelled: cancelled };
        }

        function test_showsTheCertificateAndTrustsOnRequest() {
            const t = openDialog(root.problem);
            compare(t.dialog.title, "The server's certificate could not be verified");
            compare(findChild(t.dialog.contentItem, "certificateFingerprint").text, root.fingerprint);
            verify(!findChild(t.dialog.contentItem, "certificateChangedWarning").visible);
            const trust = findChild(t.dialog.footer, "trustCertificateButton");
            compare(trust.text, "Trust this certificate");
            // The safe choice has the focus: pressing Enter right away trusts nothing.
            verify(findChild(t.dialog.footer, "cancelCertificateButton").activeFocus);

            mouseClick(trust);
            compare(t.trusted.count, 1);
            compare(t.cancelled.count, 0);
            tryVerify(() => !t.dialog.visible);
        }

        function test_cancelAndEscapeTrustNothing() {
            let t = openDialog(root.problem);
            mouseClick(findChild(t.dialog.footer, "cancelCertificateButton"));
            compare(t.cancelled.count, 1);
            compare(t.trusted.count, 0);
            tryVerify(() => !t.dialog.visible);

            t = openDialog(root.problem);
            keyClick(Qt.Key_Escape);
            compare(t.cancelled.count, 1);
            compare(t.trusted.count, 0);
            tryVerify(() => !t.dialog.visible);
        }

        function test_changedCertificateWarnsLoudly() {
            const changed = Object.assign({}, root.problem, {
                changed: true,
                pinnedFingerprint: "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99"
            });
            const t = openDialog(changed);
            compare(t.dialog.title, "The server's certificate has changed");
            const warning = findChild(t.dialog.contentItem, "certificateChangedWarning");
            verify(warning.visible);
            verify(warning.text.indexOf("192.168.1.20:8082") >= 0);
            verify(warning.text.indexOf("intercepting") >= 0);
            compare(findChild(t.dialog.footer, "trustCertificateButton").text, "Trust the new certificate");
            mouseClick(findChild(t.dialog.footer, "trustCertificateButton"));
            compare(t.trusted.count, 1);
        }
    }
}
