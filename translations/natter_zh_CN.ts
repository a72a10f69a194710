<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Autostart</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot write to the registry</source>
        <translation>无法写入注册表</translation>
    </message>
</context>
<context>
    <name>BrowseRoomsDialog</name>
    <message>
        <source>active just now</source>
        <translation>刚刚活跃</translation>
    </message>
    <message numerus="yes">
        <source>active %n min ago</source>
        <translation>
            <numerusform>%n 分钟前活跃</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>active %n h ago</source>
        <translation>
            <numerusform>%n 小时前活跃</numerusform>
        </translation>
    </message>
    <message>
        <source>active %1</source>
        <translation>活跃于 %1</translation>
    </message>
    <message>
        <source>Browse rooms</source>
        <translation>浏览房间</translation>
    </message>
    <message>
        <source>Find or create a room</source>
        <translation>查找或创建房间</translation>
    </message>
    <message>
        <source>Filter rooms</source>
        <translation>筛选房间</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Create #%1</source>
        <translation>创建 #%1</translation>
    </message>
    <message>
        <source>Rooms on this server</source>
        <translation>此服务器上的房间</translation>
    </message>
    <message numerus="yes">
        <source>#%1, %n member(s)</source>
        <translation>
            <numerusform>#%1，%n 位成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 位成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Loading the server&apos;s rooms…</source>
        <translation>正在加载服务器的房间…</translation>
    </message>
    <message>
        <source>No room matches “%1”.</source>
        <translation>没有与“%1”匹配的房间。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>服务器的证书已更改</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified</source>
        <translation>无法验证服务器的证书</translation>
    </message>
    <message>
        <source>%1 shows a different certificate from the one you trusted for it. That happens when its certificate is replaced, but it is also what someone intercepting the connection would cause. Trust the new certificate only if you know why it changed.</source>
        <translation>%1 出示的证书与你之前信任的不同。证书被更换时会这样，但有人拦截连接时也会这样。只有在你知道它为何更改时才信任新证书。</translation>
    </message>
    <message>
        <source>Natter cannot confirm that %1 is the server it claims to be. For a server on your own network with a self-signed certificate this is expected: compare the fingerprint below with the one the server shows (it logs it at start) before you trust it.</source>
        <translation>Natter 无法确认 %1 就是它声称的服务器。对于你自己网络中使用自签名证书的服务器，这是正常的：在信任之前，请将下面的指纹与服务器显示的指纹（它在启动时记录在日志中）进行比较。</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>颁发给</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>%1 (itself: self-signed)</source>
        <translation>%1（自身：自签名）</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 指纹</translation>
    </message>
    <message>
        <source>Trusted before</source>
        <translation>之前信任的</translation>
    </message>
    <message>
        <source>Fingerprint trusted before</source>
        <translation>之前信任的指纹</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>信任新证书</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>信任此证书</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ChatScreen</name>
    <message>
        <source>port %1</source>
        <translation>端口 %1</translation>
    </message>
    <message numerus="yes">
        <source>Hosting on %1 · %n connected</source>
        <translation>
            <numerusform>正在 %1 上托管 · %n 个连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 位成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Make the window wider to see the member list</source>
        <translation>加宽窗口以查看成员列表</translation>
    </message>
    <message>
        <source>Hide the member list (Ctrl+Shift+M)</source>
        <translation>隐藏成员列表（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <source>Show the member list (Ctrl+Shift+M)</source>
        <translation>显示成员列表（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <source>You are not in any room.</source>
        <translation>你不在任何房间中。</translation>
    </message>
    <message>
        <source>Join a room to start talking, or see which rooms exist on this server.</source>
        <translation>加入一个房间开始聊天，或查看此服务器上有哪些房间。</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>加入或创建房间…</translation>
    </message>
    <message>
        <source>Browse rooms…</source>
        <translation>浏览房间…</translation>
    </message>
    <message>
        <source>%1 removed you from the group #%2.</source>
        <translation>%1 已将你移出群组 #%2。</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>发消息到 %1</translation>
    </message>
    <message>
        <source>Message %1 (sent when back online)</source>
        <translation>发消息到 %1（恢复联网后发送）</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Enter sends; Shift+Enter starts a new line</source>
        <translation>按 Enter 发送；按 Shift+Enter 换行</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>发送（Enter）</translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation>关闭错误提示</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Too long: %1 / %2 bytes</source>
        <translation>过长：%1 / %2 字节</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 字节</translation>
    </message>
</context>
<context>
    <name>ConnectScreen</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Connect to a chat server.</source>
        <translation>连接到聊天服务器。</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>host:port or ws://…</source>
        <translation>host:port 或 ws://…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>其他人看到的名字</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message numerus="yes">
        <source>Trying again in %n s…</source>
        <translation>
            <numerusform>%n 秒后重试…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Servers on this network</source>
        <translation>此网络上的服务器</translation>
    </message>
    <message>
        <source>Looking for Natter servers nearby…</source>
        <translation>正在查找附近的 Natter 服务器…</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · 版本 %2</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>连接到 %1</translation>
    </message>
    <message>
        <source>This computer is hosting a server.</source>
        <translation>这台计算机正在托管服务器。</translation>
    </message>
    <message>
        <source>No server yet? Run one on this computer.</source>
        <translation>还没有服务器？在这台计算机上运行一个。</translation>
    </message>
    <message>
        <source>Hosting details…</source>
        <translation>托管详情…</translation>
    </message>
    <message>
        <source>Host a server…</source>
        <translation>托管服务器…</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接到 %1…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>%n 秒后重新连接…</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n message(s) will be sent when the connection returns.</source>
        <translation>
            <numerusform>离线：%n 条消息将在连接恢复后发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: messages will be sent when the connection returns.</source>
        <translation>离线：消息将在连接恢复后发送。</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Change server…</source>
        <translation>更换服务器…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HostServerDialog</name>
    <message>
        <source>Hosting a server</source>
        <translation>正在托管服务器</translation>
    </message>
    <message>
        <source>Host a server</source>
        <translation>托管服务器</translation>
    </message>
    <message>
        <source>Others on your network (or the internet, if you forward the port) can then connect to this computer. The server runs as long as Natter does.</source>
        <translation>这样，你所在网络中的其他人（如果你转发了端口，也包括互联网上的人）就可以连接到这台计算机。服务器会在 Natter 运行期间一直运行。</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>服务器名称</translation>
    </message>
    <message>
        <source>%1&apos;s server</source>
        <translation>%1 的服务器</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>其他人看到的名字</translation>
    </message>
    <message>
        <source>“%1” is running on port %2.</source>
        <translation>“%1”正在端口 %2 上运行。</translation>
    </message>
    <message>
        <source>Others can connect with one of these addresses:</source>
        <translation>其他人可以使用以下任一地址连接：</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>No network address found; others on this computer can use localhost:%1.</source>
        <translation>未找到网络地址；这台计算机上的其他用户可以使用 localhost:%1。</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) right now</source>
        <translation>
            <numerusform>当前有 %n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <source>Start hosting</source>
        <translation>开始托管</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>JoinRoomDialog</name>
    <message>
        <source>Join or create a room</source>
        <translation>加入或创建房间</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>房间名称</translation>
    </message>
    <message>
        <source>e.g. design-team</source>
        <translation>例如 设计组</translation>
    </message>
    <message>
        <source>1 to 64 letters, digits, “-”, “_” or “.”; no spaces. A room that does not exist yet is created.</source>
        <translation>1 到 64 个字母、数字、“-”、“_”或“.”，不含空格。不存在的房间会被创建。</translation>
    </message>
    <message>
        <source>You are already in #%1; this opens it.</source>
        <translation>你已在 #%1 中；将直接打开它。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>JumpToLatestButton</name>
    <message numerus="yes">
        <source>Jump to latest (%n new)</source>
        <translation>
            <numerusform>跳到最新（%n 条新消息）</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>跳到最新</translation>
    </message>
    <message>
        <source>Scroll to the newest message (Ctrl+End)</source>
        <translation>滚动到最新消息（Ctrl+End）</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>The two passwords differ. Type the new password twice.</source>
        <translation>两次输入的密码不一致。请将新密码输入两次。</translation>
    </message>
    <message>
        <source>Create an account on this server with the name above.</source>
        <translation>用上面的名字在此服务器上创建账户。</translation>
    </message>
    <message>
        <source>This server uses accounts. Log in, or create an account.</source>
        <translation>此服务器使用账户。请登录或创建账户。</translation>
    </message>
    <message>
        <source>This server uses accounts. Log in with the password you were given.</source>
        <translation>此服务器使用账户。请使用分配给你的密码登录。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>正在创建账户…</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>I have an account</source>
        <translation>我已有账户</translation>
    </message>
    <message>
        <source>Create an account…</source>
        <translation>创建账户…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <source>Hosting details…</source>
        <translation>托管详情…</translation>
    </message>
    <message>
        <source>&amp;Host a server…</source>
        <translation>托管服务器(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Stop hosting…</source>
        <translation>停止托管(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>房间(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Join or create room…</source>
        <translation>加入或创建房间(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Browse rooms…</source>
        <translation>浏览房间(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quick switcher… (Ctrl+K)</source>
        <translation>快速切换(&amp;Q)… (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Mark as read (Esc)</source>
        <translation>标记为已读(&amp;M) (Esc)</translation>
    </message>
    <message>
        <source>&amp;Leave #%1</source>
        <translation>离开 #%1(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Leave room</source>
        <translation>离开房间(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>成员(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Previous room (Alt+Up)</source>
        <translation>上一个房间(&amp;P) (Alt+↑)</translation>
    </message>
    <message>
        <source>&amp;Next room (Alt+Down)</source>
        <translation>下一个房间(&amp;N) (Alt+↓)</translation>
    </message>
    <message>
        <source>Next &amp;unread room (Alt+Shift+Down)</source>
        <translation>下一个未读房间(&amp;U) (Alt+Shift+↓)</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>设置(&amp;E)</translation>
    </message>
    <message>
        <source>Keep running in the &amp;tray when closed</source>
        <translation>关闭时保留在系统托盘中(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation>通知静音(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Stop hosting?</source>
        <translation>停止托管？</translation>
    </message>
    <message>
        <source>Nobody else is connected. Rooms and messages are kept for the next time you host.</source>
        <translation>没有其他人连接。房间和消息会保留，供你下次托管时使用。</translation>
    </message>
    <message>
        <source>The one connection to this server will be closed. Rooms and messages are kept for the next time you host.</source>
        <translation>与此服务器的唯一连接将被关闭。房间和消息会保留，供你下次托管时使用。</translation>
    </message>
    <message numerus="yes">
        <source>All %n connections to this server will be closed. Rooms and messages are kept for the next time you host.</source>
        <translation>
            <numerusform>与此服务器的全部 %n 个连接都将被关闭。房间和消息会保留，供你下次托管时使用。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop hosting</source>
        <translation>停止托管</translation>
    </message>
    <message>
        <source>Keep hosting</source>
        <translation>继续托管</translation>
    </message>
    <message>
        <source>Quit Natter?</source>
        <translation>退出 Natter？</translation>
    </message>
    <message>
        <source>This computer is hosting “%1”. Quitting stops the server and disconnects everyone connected to it.</source>
        <translation>这台计算机正在托管“%1”。退出会停止服务器，并断开所有已连接的用户。</translation>
    </message>
    <message>
        <source>Stop server and quit</source>
        <translation>停止服务器并退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Natter keeps running</source>
        <translation>Natter 仍在运行</translation>
    </message>
    <message>
        <source>Natter stays in the system tray so you keep getting messages. To quit, use Quit in the tray menu or the Server menu. You can change this in Settings.</source>
        <translation>Natter 会留在系统托盘中，让你继续接收消息。要退出，请使用托盘菜单或“服务器”菜单中的“退出”。你可以在设置中更改此行为。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Jump to a room</source>
        <translation>跳转到房间</translation>
    </message>
    <message>
        <source>Alt+Up / Alt+Down</source>
        <translation>Alt+↑ / Alt+↓</translation>
    </message>
    <message>
        <source>Previous / next room</source>
        <translation>上一个 / 下一个房间</translation>
    </message>
    <message>
        <source>Alt+Shift+Up / Down</source>
        <translation>Alt+Shift+↑ / ↓</translation>
    </message>
    <message>
        <source>Previous / next unread room</source>
        <translation>上一个 / 下一个未读房间</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Mark the room read; close a dialog</source>
        <translation>将房间标记为已读；关闭对话框</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>换行</translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation>Page Up / Page Down</translation>
    </message>
    <message>
        <source>Scroll the messages</source>
        <translation>滚动消息</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+End</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>跳到最新消息</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Show or hide members</source>
        <translation>显示或隐藏成员</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cannot open this link</source>
        <translation>无法打开此链接</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;New direct message…</source>
        <translation>新建私信(&amp;N)…</translation>
    </message>
    <message>
        <source>New gr&amp;oup…</source>
        <translation>新建群组(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Invite people…</source>
        <translation>邀请成员(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Close conversation</source>
        <translation>关闭对话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Leave group…</source>
        <translation>离开群组(&amp;L)…</translation>
    </message>
    <message>
        <source>Leave #%1?</source>
        <translation>离开 #%1？</translation>
    </message>
    <message>
        <source>It is invite-only: you can come back only if someone in it invites you again.</source>
        <translation>该群组仅限邀请：只有群内成员再次邀请你，你才能回来。</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>离开群组</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>留下</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members · %1</source>
        <translation>成员 · %1</translation>
    </message>
    <message>
        <source>Hide members</source>
        <translation>隐藏成员</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>%1 (you), online</source>
        <translation>%1（你），在线</translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1，在线</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>（你）</translation>
    </message>
    <message>
        <source>Send a direct message</source>
        <translation>发送私信</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>移出群组</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Not sent: %1 at %2: %3</source>
        <translation>未发送：%1 于 %2：%3</translation>
    </message>
    <message>
        <source>Sending: %1 at %2: %3</source>
        <translation>正在发送：%1 于 %2：%3</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 于 %2：%3</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>新消息</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Messages in %1</source>
        <translation>%1 中的消息</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>还没有消息。打个招呼吧！</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>正在加载更早的消息</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <source>Copy link address</source>
        <translation>复制链接地址</translation>
    </message>
    <message>
        <source>This is the beginning of your conversation with %1.</source>
        <translation>这是你与 %1 对话的开始。</translation>
    </message>
    <message>
        <source>This is the beginning of %1.</source>
        <translation>这是 %1 的开始。</translation>
    </message>
</context>
<context>
    <name>NatterLink</name>
    <message>
        <source>“%1” is not a valid Natter link. Links look like natter://host:port/room.</source>
        <translation>“%1”不是有效的 Natter 链接。链接格式为 natter://主机:端口/房间。</translation>
    </message>
    <message>
        <source>“%1” is not a room name. Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>“%1”不是房间名。房间名由 1 到 64 个字母、数字、“-”、“_”或“.”组成。</translation>
    </message>
</context>
<context>
    <name>NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>新建群组</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>群组名称</translation>
    </message>
    <message>
        <source>e.g. book-club</source>
        <translation>例如 book-club</translation>
    </message>
    <message>
        <source>Only people you invite can see the group, read it or join it. 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>只有你邀请的人才能看到、阅读或加入该群组。1 到 64 个字母、数字、“-”、“_” 或 “.”。</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>创建群组</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PeoplePickerDialog</name>
    <message>
        <source>Invite to #%1</source>
        <translation>邀请加入 #%1</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>新消息</translation>
    </message>
    <message>
        <source>Who should join?</source>
        <translation>邀请谁加入？</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>输入名称</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>People</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1，在线</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1，离线</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>No one by that name is listed. Press Enter to try “%1” anyway.</source>
        <translation>列表中没有这个名字。按回车仍然尝试“%1”。</translation>
    </message>
    <message>
        <source>No one else has an account here yet.</source>
        <translation>这里还没有其他人注册账户。</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>打开对话</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Jump to a room…</source>
        <translation>跳转到房间…</translation>
    </message>
    <message>
        <source>Room to open</source>
        <translation>要打开的房间</translation>
    </message>
    <message>
        <source>Join or create #%1</source>
        <translation>加入或创建 #%1</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>No room matches.</source>
        <translation>没有匹配的房间。</translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to open · Esc to close</source>
        <translation>↑↓ 选择 · Enter 打开 · Esc 关闭</translation>
    </message>
</context>
<context>
    <name>RoomSidebar</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>%1, connected</source>
        <translation>%1，已连接</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1，离线</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>已登录为 %1</translation>
    </message>
    <message>
        <source>Shows the addresses others can use</source>
        <translation>显示其他人可以使用的地址</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>Browse the rooms on this server</source>
        <translation>浏览此服务器上的房间</translation>
    </message>
    <message>
        <source>Join or create a room</source>
        <translation>加入或创建房间</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1，%n 条未读</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Unsent draft</source>
        <translation>未发送的草稿</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) online</source>
        <translation>
            <numerusform>%n 位成员在线</numerusform>
        </translation>
    </message>
    <message>
        <source>No rooms yet. Press + to join or create one.</source>
        <translation>还没有房间。按 + 加入或创建一个。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>标记为已读</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>离开房间</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Join a room, write to someone, or start a group</source>
        <translation>加入房间、给某人发消息或创建群组</translation>
    </message>
    <message>
        <source>%1 invited you to the group #%2</source>
        <translation>%1 邀请你加入群组 #%2</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>私信</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>加入或创建房间…</translation>
    </message>
    <message>
        <source>New direct message…</source>
        <translation>新建私信…</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>新建群组…</translation>
    </message>
    <message>
        <source>Invite people…</source>
        <translation>邀请成员…</translation>
    </message>
    <message>
        <source>Close conversation</source>
        <translation>关闭对话</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>离开群组…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Keep running in the tray when closed</source>
        <translation>关闭时保留在系统托盘中</translation>
    </message>
    <message>
        <source>Natter then stays connected and notifies you of new messages; quit from the tray menu.</source>
        <translation>Natter 会保持连接并通知你新消息；可从托盘菜单退出。</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits Natter.</source>
        <translation>此桌面没有系统托盘，因此关闭窗口会退出 Natter。</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>通知静音</translation>
    </message>
    <message>
        <source>Connect to the last server when Natter starts</source>
        <translation>启动 Natter 时连接到上次的服务器</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Start Natter when you log in</source>
        <translation>登录时启动 Natter</translation>
    </message>
    <message>
        <source>Start minimised to the tray</source>
        <translation>启动时最小化到托盘</translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>无法更改登录时启动：%1</translation>
    </message>
</context>
<context>
    <name>TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 正在输入…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 和 %2 正在输入…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>多人正在输入…</translation>
    </message>
</context>
<context>
    <name>UnreadBadge</name>
    <message>
        <source>99+</source>
        <translation>99+</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n 条未读</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::AccountClient</name>
    <message>
        <source>This password is too long: at most %1 bytes.</source>
        <translation>密码太长：最多 %1 字节。</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>请选择至少 %1 个字符的密码。</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>名字或密码错误。</translation>
    </message>
    <message>
        <source>The server does not accept this password: %1</source>
        <translation>服务器不接受此密码：%1</translation>
    </message>
    <message>
        <source>Choose a name of 1 to 64 characters.</source>
        <translation>请选择 1 到 64 个字符的名字。</translation>
    </message>
    <message>
        <source>“%1” is already registered on this server. Log in with its password, or choose another name.</source>
        <translation>“%1”已在此服务器上注册。请用它的密码登录，或换一个名字。</translation>
    </message>
    <message>
        <source>This server does not let people create accounts themselves. Ask its admin for one.</source>
        <translation>此服务器不允许自行创建账户。请向管理员申请。</translation>
    </message>
    <message>
        <source>You are banned from this server.</source>
        <translation>你已被此服务器封禁。</translation>
    </message>
    <message>
        <source>This server does not use accounts: connect with a name instead.</source>
        <translation>此服务器不使用账户：请直接用名字连接。</translation>
    </message>
    <message>
        <source>Your login is no longer valid (it expired, or the server signed everyone out). Enter your password to log in again.</source>
        <translation>你的登录已失效（已过期，或服务器让所有人退出了登录）。请输入密码重新登录。</translation>
    </message>
    <message>
        <source>The server cannot check or store accounts right now. Try again in a moment.</source>
        <translation>服务器暂时无法检查或保存账户。请稍后再试。</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>服务器拒绝了：%1</translation>
    </message>
</context>
<context>
    <name>natter::ChatClient</name>
    <message>
        <source>“%1” is not a server address. Use host:port, for example chat.example.org:8082.</source>
        <translation>“%1”不是服务器地址。请使用 host:port 格式，例如 chat.example.org:8082。</translation>
    </message>
    <message>
        <source>Choose a name of 1 to 64 characters.</source>
        <translation>请选择一个 1 到 64 个字符的名字。</translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation>服务器关闭了连接：%1</translation>
    </message>
    <message>
        <source>This message is too long: at most %1 bytes.</source>
        <translation>此消息过长：最多 %1 字节。</translation>
    </message>
    <message>
        <source>You are sending too fast. Wait a moment and try again.</source>
        <translation>你发送得太快了。请稍等片刻再试。</translation>
    </message>
    <message>
        <source>The server cannot store messages right now. Try again in a moment.</source>
        <translation>服务器暂时无法保存消息。请稍后再试。</translation>
    </message>
    <message>
        <source>The server cannot hold any more rooms.</source>
        <translation>服务器无法再容纳更多房间。</translation>
    </message>
    <message>
        <source>You are in as many rooms as this server allows. Leave one first.</source>
        <translation>你加入的房间数已达到此服务器的上限。请先离开一个房间。</translation>
    </message>
    <message>
        <source>You are not in this room.</source>
        <translation>你不在这个房间中。</translation>
    </message>
    <message>
        <source>Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>房间名称由 1 到 64 个字母、数字、“-”、“_”或“.”组成。</translation>
    </message>
    <message>
        <source>“%1” is already in use on this server by someone on another computer. Choose another name.</source>
        <translation>“%1”已被另一台电脑上的用户在此服务器上使用。请换一个名字。</translation>
    </message>
    <message>
        <source>The server did not accept the name “%1”: %2</source>
        <translation>服务器不接受名字“%1”：%2</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>An admin disconnected you from this server.</source>
        <translation>管理员断开了你与此服务器的连接。</translation>
    </message>
    <message>
        <source>Your login is kept only until Natter quits.</source>
        <translation>你的登录只保留到 Natter 退出为止。</translation>
    </message>
    <message>
        <source>No keychain can be used (%1), so your login is kept only until Natter quits.</source>
        <translation>无法使用钥匙串（%1），因此你的登录只保留到 Natter 退出为止。</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate was not trusted.</source>
        <translation>未连接：未信任服务器的证书。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you trusted it. Someone may be intercepting the connection. Not connected.</source>
        <translation>服务器的证书在你信任之后已更改。可能有人在拦截连接。未连接。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified. Not connected.</source>
        <translation>无法验证服务器的证书。未连接。</translation>
    </message>
    <message>
        <source>Direct messages need accounts, and this server has none.</source>
        <translation>私信需要账户，而此服务器没有账户。</translation>
    </message>
    <message>
        <source>That is you. Pick someone else.</source>
        <translation>那是你自己。请选择其他人。</translation>
    </message>
    <message>
        <source>Not connected. Try again when the connection is back.</source>
        <translation>未连接。连接恢复后请重试。</translation>
    </message>
    <message>
        <source>Groups need accounts, and this server has none.</source>
        <translation>群组需要账户，而此服务器没有账户。</translation>
    </message>
    <message>
        <source>Use 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>请使用 1 到 64 个字母、数字、点、连字符或下划线。</translation>
    </message>
    <message>
        <source>You are already in a room called “%1”.</source>
        <translation>你已在名为“%1”的房间中。</translation>
    </message>
    <message>
        <source>Invited %1 to %2.</source>
        <translation>已邀请 %1 加入 %2。</translation>
    </message>
    <message>
        <source>Removed %1 from %2.</source>
        <translation>已将 %1 移出 %2。</translation>
    </message>
    <message>
        <source>You left %1.</source>
        <translation>你已离开 %1。</translation>
    </message>
    <message>
        <source>There is no one called “%1” on this server.</source>
        <translation>此服务器上没有名为“%1”的用户。</translation>
    </message>
    <message>
        <source>The invitation to %1 is no longer open.</source>
        <translation>加入 %1 的邀请已失效。</translation>
    </message>
    <message>
        <source>You are not a member of %1.</source>
        <translation>你不是 %1 的成员。</translation>
    </message>
    <message>
        <source>Only the owner of %1 or a server admin can do that.</source>
        <translation>只有 %1 的所有者或服务器管理员可以这样做。</translation>
    </message>
    <message>
        <source>Direct messages and groups need accounts, and this server has none.</source>
        <translation>私信和群组需要账户，而此服务器没有账户。</translation>
    </message>
    <message>
        <source>A room called “%1” exists already. Choose another name.</source>
        <translation>名为“%1”的房间已存在。请换一个名称。</translation>
    </message>
</context>
<context>
    <name>natter::ChatServer</name>
    <message>
        <source>another Natter server is using the database %1</source>
        <translation>另一个 Natter 服务器正在使用数据库 %1</translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>无法创建数据目录 %1</translation>
    </message>
    <message>
        <source>another Natter server is using the data directory %1</source>
        <translation>另一个 Natter 服务器正在使用数据目录 %1</translation>
    </message>
    <message>
        <source>port %1 is already in use by another program</source>
        <translation>端口 %1 已被其他程序占用</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>无法在 %1 的端口 %2 上监听：%3</translation>
    </message>
    <message>
        <source>cannot open the database: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
    <message>
        <source>cannot read the accounts from the database</source>
        <translation>无法从数据库读取账户</translation>
    </message>
</context>
<context>
    <name>natter::DesktopIntegration</name>
    <message>
        <source>Show Natter</source>
        <translation>显示 Natter</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>通知静音</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message numerus="yes">
        <source>Natter: %n unread message(s)</source>
        <translation>
            <numerusform>Natter：%n 条未读消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 在 %2</translation>
    </message>
    <message>
        <source>%1 invited you to %2</source>
        <translation>%1 邀请你加入 %2</translation>
    </message>
    <message>
        <source>Open Natter to accept or decline.</source>
        <translation>打开 Natter 以接受或拒绝。</translation>
    </message>
</context>
<context>
    <name>natter::LanguageManager</name>
    <message>
        <source>English</source>
        <comment>The name of the language of this translation, written in that language.</comment>
        <translation>简体中文</translation>
    </message>
</context>
<context>
    <name>natter::MessageModel</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
</context>
<context>
    <name>natter::ServerHost</name>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>Natter server</source>
        <translation>Natter 服务器</translation>
    </message>
</context>
<context>
    <name>natter::SingleInstance</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>no permission to create %1</source>
        <translation>没有创建 %1 的权限</translation>
    </message>
    <message>
        <source>cannot use the lock file %1</source>
        <translation>无法使用锁文件 %1</translation>
    </message>
    <message>
        <source>Natter is already running (process %1) but does not answer</source>
        <translation>Natter 已在运行（进程 %1），但没有响应</translation>
    </message>
</context>
</TS>
