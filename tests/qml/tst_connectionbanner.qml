import QtQuick
import QtTest

import Natter.Ui

Item {
    id: root
    width: 800
    height: 200

    Component {
        id: bannerComponent
        ConnectionBanner {
            width: 700
        }
    }

    TestCase {
        name: "ConnectionBanner"
        when: windowShown

        function test_hiddenWhenConnected() {
            const banner = createTemporaryObject(bannerComponent, root);
            verify(!banner.visible);
        }

        function test_connecting() {
            const banner = createTemporaryObject(bannerComponent, root, { connecting: true, serverAddress: "chat.example.org:8082" });
            verify(banner.visible);
            compare(banner.message, "Connecting to chat.example.org:8082…");
        }

        function test_reconnecting() {
            const banner = createTemporaryObject(bannerComponent, root, { reconnecting: true, reconnectSeconds: 8 });
            verify(banner.visible);
            compare(banner.message, "Reconnecting in 8 s…");
            compare(banner.offlineText, "Offline: messages will be sent when the connection returns.");
            banner.pendingCount = 1;
            compare(banner.offlineText, "Offline: 1 message will be sent when the connection returns.");
            banner.pendingCount = 2;
            compare(banner.offlineText, "Offline: 2 messages will be sent when the connection returns.");
            banner.reconnectSeconds = 0;
            compare(banner.message, "Reconnecting…");
        }
    }
}
