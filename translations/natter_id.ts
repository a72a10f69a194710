<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>Autostart</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>folder %1 tidak dapat dibuat</translation>
    </message>
    <message>
        <source>cannot write to the registry</source>
        <translation>tidak dapat menulis ke registri</translation>
    </message>
</context>
<context>
    <name>BrowseRoomsDialog</name>
    <message>
        <source>active just now</source>
        <translation>baru saja aktif</translation>
    </message>
    <message numerus="yes">
        <source>active %n min ago</source>
        <translation>
            <numerusform>aktif %n menit lalu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>active %n h ago</source>
        <translation>
            <numerusform>aktif %n jam lalu</numerusform>
        </translation>
    </message>
    <message>
        <source>active %1</source>
        <translation>aktif %1</translation>
    </message>
    <message>
        <source>Browse rooms</source>
        <translation>Jelajahi ruang</translation>
    </message>
    <message>
        <source>Find or create a room</source>
        <translation>Cari atau buat ruang</translation>
    </message>
    <message>
        <source>Filter rooms</source>
        <translation>Saring ruang</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Create #%1</source>
        <translation>Buat #%1</translation>
    </message>
    <message>
        <source>Rooms on this server</source>
        <translation>Ruang di server ini</translation>
    </message>
    <message numerus="yes">
        <source>#%1, %n member(s)</source>
        <translation>
            <numerusform>#%1, %n anggota</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n anggota</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n pesan</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Gabung</translation>
    </message>
    <message>
        <source>Loading the server&apos;s rooms…</source>
        <translation>Memuat ruang server…</translation>
    </message>
    <message>
        <source>No room matches “%1”.</source>
        <translation>Tidak ada ruang yang cocok dengan “%1”.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>Sertifikat server telah berubah</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified</source>
        <translation>Sertifikat server tidak dapat diverifikasi</translation>
    </message>
    <message>
        <source>%1 shows a different certificate from the one you trusted for it. That happens when its certificate is replaced, but it is also what someone intercepting the connection would cause. Trust the new certificate only if you know why it changed.</source>
        <translation>%1 menunjukkan sertifikat yang berbeda dari yang Anda percayai untuknya. Hal itu terjadi bila sertifikatnya diganti, tetapi juga bila ada yang menyadap sambungan. Percayai sertifikat baru hanya jika Anda tahu mengapa sertifikat itu berubah.</translation>
    </message>
    <message>
        <source>Natter cannot confirm that %1 is the server it claims to be. For a server on your own network with a self-signed certificate this is expected: compare the fingerprint below with the one the server shows (it logs it at start) before you trust it.</source>
        <translation>Natter tidak dapat memastikan bahwa %1 adalah server yang diakuinya. Untuk server di jaringan Anda sendiri dengan sertifikat swatanda hal ini wajar: bandingkan sidik jari di bawah dengan yang ditunjukkan server (dicatat saat server mulai) sebelum Anda memercayainya.</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Diterbitkan untuk</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Diterbitkan oleh</translation>
    </message>
    <message>
        <source>%1 (itself: self-signed)</source>
        <translation>%1 (dirinya sendiri: swatanda)</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Berlaku</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 sampai %2</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Sidik jari SHA-256</translation>
    </message>
    <message>
        <source>Trusted before</source>
        <translation>Dipercayai sebelumnya</translation>
    </message>
    <message>
        <source>Fingerprint trusted before</source>
        <translation>Sidik jari yang dipercayai sebelumnya</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Percayai sertifikat baru</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Percayai sertifikat ini</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ChatScreen</name>
    <message>
        <source>port %1</source>
        <translation>port %1</translation>
    </message>
    <message numerus="yes">
        <source>Hosting on %1 · %n connected</source>
        <translation>
            <numerusform>Server di %1 · %n terhubung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n anggota</numerusform>
        </translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Make the window wider to see the member list</source>
        <translation>Perlebar jendela untuk melihat daftar anggota</translation>
    </message>
    <message>
        <source>Hide the member list (Ctrl+Shift+M)</source>
        <translation>Sembunyikan daftar anggota (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Show the member list (Ctrl+Shift+M)</source>
        <translation>Tampilkan daftar anggota (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>You are not in any room.</source>
        <translation>Anda tidak berada di ruang mana pun.</translation>
    </message>
    <message>
        <source>Join a room to start talking, or see which rooms exist on this server.</source>
        <translation>Gabung ke sebuah ruang untuk mulai mengobrol, atau lihat ruang apa saja yang ada di server ini.</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>Gabung atau buat ruang…</translation>
    </message>
    <message>
        <source>Browse rooms…</source>
        <translation>Jelajahi ruang…</translation>
    </message>
    <message>
        <source>%1 removed you from the group #%2.</source>
        <translation>%1 mengeluarkan Anda dari grup #%2.</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Pesan ke %1</translation>
    </message>
    <message>
        <source>Message %1 (sent when back online)</source>
        <translation>Pesan ke %1 (dikirim saat kembali daring)</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>Enter sends; Shift+Enter starts a new line</source>
        <translation>Enter mengirim; Shift+Enter membuat baris baru</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Kirim (Enter)</translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation>Tutup pesan galat</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Too long: %1 / %2 bytes</source>
        <translation>Terlalu panjang: %1 / %2 byte</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 byte</translation>
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
        <translation>Hubungkan ke server obrolan.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>host:port or ws://…</source>
        <translation>host:port atau ws://…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Nama Anda</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>Nama yang dilihat orang lain</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Hubungkan</translation>
    </message>
    <message numerus="yes">
        <source>Trying again in %n s…</source>
        <translation>
            <numerusform>Mencoba lagi dalam %n dtk…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Servers on this network</source>
        <translation>Server di jaringan ini</translation>
    </message>
    <message>
        <source>Looking for Natter servers nearby…</source>
        <translation>Mencari server Natter di sekitar…</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · versi %2</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Hubungkan ke %1</translation>
    </message>
    <message>
        <source>This computer is hosting a server.</source>
        <translation>Komputer ini sedang menjalankan server.</translation>
    </message>
    <message>
        <source>No server yet? Run one on this computer.</source>
        <translation>Belum punya server? Jalankan di komputer ini.</translation>
    </message>
    <message>
        <source>Hosting details…</source>
        <translation>Detail server…</translation>
    </message>
    <message>
        <source>Host a server…</source>
        <translation>Jalankan server…</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Menghubungkan ke %1…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Menghubungkan ulang dalam %n dtk…</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Menghubungkan ulang…</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n message(s) will be sent when the connection returns.</source>
        <translation>
            <numerusform>Offline: %n pesan akan dikirim saat koneksi kembali.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: messages will be sent when the connection returns.</source>
        <translation>Offline: pesan akan dikirim saat koneksi kembali.</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Coba lagi sekarang</translation>
    </message>
    <message>
        <source>Change server…</source>
        <translation>Ganti server…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>HostServerDialog</name>
    <message>
        <source>Hosting a server</source>
        <translation>Server sedang berjalan</translation>
    </message>
    <message>
        <source>Host a server</source>
        <translation>Jalankan server</translation>
    </message>
    <message>
        <source>Others on your network (or the internet, if you forward the port) can then connect to this computer. The server runs as long as Natter does.</source>
        <translation>Orang lain di jaringan Anda (atau di internet, jika Anda meneruskan port-nya) lalu dapat terhubung ke komputer ini. Server berjalan selama Natter berjalan.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Nama server</translation>
    </message>
    <message>
        <source>%1&apos;s server</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Nama Anda</translation>
    </message>
    <message>
        <source>How others see you</source>
        <translation>Nama yang dilihat orang lain</translation>
    </message>
    <message>
        <source>“%1” is running on port %2.</source>
        <translation>“%1” berjalan di port %2.</translation>
    </message>
    <message>
        <source>Others can connect with one of these addresses:</source>
        <translation>Orang lain dapat terhubung dengan salah satu alamat ini:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>No network address found; others on this computer can use localhost:%1.</source>
        <translation>Alamat jaringan tidak ditemukan; pengguna lain di komputer ini dapat memakai localhost:%1.</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) right now</source>
        <translation>
            <numerusform>%n koneksi saat ini</numerusform>
        </translation>
    </message>
    <message>
        <source>Start hosting</source>
        <translation>Jalankan server</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>JoinRoomDialog</name>
    <message>
        <source>Join or create a room</source>
        <translation>Gabung atau buat ruang</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nama ruang</translation>
    </message>
    <message>
        <source>e.g. design-team</source>
        <translation>mis. tim-desain</translation>
    </message>
    <message>
        <source>1 to 64 letters, digits, “-”, “_” or “.”; no spaces. A room that does not exist yet is created.</source>
        <translation>1 sampai 64 huruf, angka, “-”, “_”, atau “.”; tanpa spasi. Ruang yang belum ada akan dibuat.</translation>
    </message>
    <message>
        <source>You are already in #%1; this opens it.</source>
        <translation>Anda sudah berada di #%1; ini akan membukanya.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Gabung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>JumpToLatestButton</name>
    <message numerus="yes">
        <source>Jump to latest (%n new)</source>
        <translation>
            <numerusform>Ke terbaru (%n baru)</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Ke terbaru</translation>
    </message>
    <message>
        <source>Scroll to the newest message (Ctrl+End)</source>
        <translation>Gulir ke pesan terbaru (Ctrl+End)</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>The two passwords differ. Type the new password twice.</source>
        <translation>Kedua kata sandi berbeda. Ketik kata sandi baru dua kali.</translation>
    </message>
    <message>
        <source>Create an account on this server with the name above.</source>
        <translation>Buat akun di server ini dengan nama di atas.</translation>
    </message>
    <message>
        <source>This server uses accounts. Log in, or create an account.</source>
        <translation>Server ini memakai akun. Masuk, atau buat akun.</translation>
    </message>
    <message>
        <source>This server uses accounts. Log in with the password you were given.</source>
        <translation>Server ini memakai akun. Masuk dengan kata sandi yang diberikan kepada Anda.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Kata sandi baru</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Ulangi kata sandi</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>Membuat akun…</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Buat akun</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>I have an account</source>
        <translation>Saya sudah punya akun</translation>
    </message>
    <message>
        <source>Create an account…</source>
        <translation>Buat akun…</translation>
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
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>Hosting details…</source>
        <translation>Detail server…</translation>
    </message>
    <message>
        <source>&amp;Host a server…</source>
        <translation>&amp;Jalankan server…</translation>
    </message>
    <message>
        <source>&amp;Stop hosting…</source>
        <translation>&amp;Hentikan server…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Putuskan sambungan</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Ruang</translation>
    </message>
    <message>
        <source>&amp;Join or create room…</source>
        <translation>&amp;Gabung atau buat ruang…</translation>
    </message>
    <message>
        <source>&amp;Browse rooms…</source>
        <translation>&amp;Jelajahi ruang…</translation>
    </message>
    <message>
        <source>&amp;Quick switcher… (Ctrl+K)</source>
        <translation>&amp;Pindah cepat… (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Mark as read (Esc)</source>
        <translation>&amp;Tandai sudah dibaca (Esc)</translation>
    </message>
    <message>
        <source>&amp;Leave #%1</source>
        <translation>&amp;Keluar dari #%1</translation>
    </message>
    <message>
        <source>&amp;Leave room</source>
        <translation>&amp;Keluar dari ruang</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Anggota</translation>
    </message>
    <message>
        <source>&amp;Previous room (Alt+Up)</source>
        <translation>Ruang &amp;sebelumnya (Alt+Panah Atas)</translation>
    </message>
    <message>
        <source>&amp;Next room (Alt+Down)</source>
        <translation>Ruang beri&amp;kutnya (Alt+Panah Bawah)</translation>
    </message>
    <message>
        <source>Next &amp;unread room (Alt+Shift+Down)</source>
        <translation>Ruang &amp;belum dibaca berikutnya (Alt+Shift+Panah Bawah)</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <source>Keep running in the &amp;tray when closed</source>
        <translation>Tetap berjalan di baki &amp;sistem saat ditutup</translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation>&amp;Bisukan notifikasi</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Pintasan keyboard</translation>
    </message>
    <message>
        <source>Stop hosting?</source>
        <translation>Hentikan server?</translation>
    </message>
    <message>
        <source>Nobody else is connected. Rooms and messages are kept for the next time you host.</source>
        <translation>Tidak ada orang lain yang terhubung. Ruang dan pesan tetap disimpan untuk saat Anda menjalankan server lagi.</translation>
    </message>
    <message>
        <source>The one connection to this server will be closed. Rooms and messages are kept for the next time you host.</source>
        <translation>Satu-satunya koneksi ke server ini akan ditutup. Ruang dan pesan tetap disimpan untuk saat Anda menjalankan server lagi.</translation>
    </message>
    <message numerus="yes">
        <source>All %n connections to this server will be closed. Rooms and messages are kept for the next time you host.</source>
        <translation>
            <numerusform>Semua %n koneksi ke server ini akan ditutup. Ruang dan pesan tetap disimpan untuk saat Anda menjalankan server lagi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop hosting</source>
        <translation>Hentikan server</translation>
    </message>
    <message>
        <source>Keep hosting</source>
        <translation>Tetap jalankan</translation>
    </message>
    <message>
        <source>Quit Natter?</source>
        <translation>Keluar dari Natter?</translation>
    </message>
    <message>
        <source>This computer is hosting “%1”. Quitting stops the server and disconnects everyone connected to it.</source>
        <translation>Komputer ini menjalankan “%1”. Keluar akan menghentikan server dan memutuskan semua orang yang terhubung ke sana.</translation>
    </message>
    <message>
        <source>Stop server and quit</source>
        <translation>Hentikan server dan keluar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Natter keeps running</source>
        <translation>Natter tetap berjalan</translation>
    </message>
    <message>
        <source>Natter stays in the system tray so you keep getting messages. To quit, use Quit in the tray menu or the Server menu. You can change this in Settings.</source>
        <translation>Natter tetap ada di baki sistem agar Anda terus menerima pesan. Untuk keluar, pilih Keluar di menu baki atau menu Server. Anda dapat mengubahnya di Pengaturan.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Jump to a room</source>
        <translation>Lompat ke ruang</translation>
    </message>
    <message>
        <source>Alt+Up / Alt+Down</source>
        <translation>Alt+Panah Atas / Alt+Panah Bawah</translation>
    </message>
    <message>
        <source>Previous / next room</source>
        <translation>Ruang sebelumnya / berikutnya</translation>
    </message>
    <message>
        <source>Alt+Shift+Up / Down</source>
        <translation>Alt+Shift+Panah Atas / Bawah</translation>
    </message>
    <message>
        <source>Previous / next unread room</source>
        <translation>Ruang belum dibaca sebelumnya / berikutnya</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Mark the room read; close a dialog</source>
        <translation>Tandai ruang sudah dibaca; tutup dialog</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Baris baru</translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation>Page Up / Page Down</translation>
    </message>
    <message>
        <source>Scroll the messages</source>
        <translation>Gulir pesan</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+End</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>Lompat ke pesan terbaru</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Show or hide members</source>
        <translation>Tampilkan atau sembunyikan anggota</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cannot open this link</source>
        <translation>Tautan ini tidak dapat dibuka</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ke&amp;luar dari akun</translation>
    </message>
    <message>
        <source>&amp;New direct message…</source>
        <translation>Pesan &amp;langsung baru…</translation>
    </message>
    <message>
        <source>New gr&amp;oup…</source>
        <translation>Grup &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;Invite people…</source>
        <translation>&amp;Undang orang…</translation>
    </message>
    <message>
        <source>&amp;Close conversation</source>
        <translation>Tutup p&amp;ercakapan</translation>
    </message>
    <message>
        <source>&amp;Leave group…</source>
        <translation>&amp;Keluar dari grup…</translation>
    </message>
    <message>
        <source>Leave #%1?</source>
        <translation>Keluar dari #%1?</translation>
    </message>
    <message>
        <source>It is invite-only: you can come back only if someone in it invites you again.</source>
        <translation>Grup ini hanya dengan undangan: Anda hanya bisa kembali jika ada anggota yang mengundang Anda lagi.</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Keluar dari grup</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Tetap di sini</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members · %1</source>
        <translation>Anggota · %1</translation>
    </message>
    <message>
        <source>Hide members</source>
        <translation>Sembunyikan anggota</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>%1 (you), online</source>
        <translation>%1 (Anda), online</translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1, online</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(Anda)</translation>
    </message>
    <message>
        <source>Send a direct message</source>
        <translation>Kirim pesan langsung</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Keluarkan dari grup</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Not sent: %1 at %2: %3</source>
        <translation>Tidak terkirim: %1 pada %2: %3</translation>
    </message>
    <message>
        <source>Sending: %1 at %2: %3</source>
        <translation>Mengirim: %1 pada %2: %3</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 pada %2: %3</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Pesan baru</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Tidak terkirim: %1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Tidak terkirim</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Messages in %1</source>
        <translation>Pesan di %1</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Belum ada pesan. Ayo sapa!</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Memuat pesan lama</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Salin teks</translation>
    </message>
    <message>
        <source>Copy link address</source>
        <translation>Salin alamat tautan</translation>
    </message>
    <message>
        <source>This is the beginning of your conversation with %1.</source>
        <translation>Ini awal percakapan Anda dengan %1.</translation>
    </message>
    <message>
        <source>This is the beginning of %1.</source>
        <translation>Ini awal dari %1.</translation>
    </message>
</context>
<context>
    <name>NatterLink</name>
    <message>
        <source>“%1” is not a valid Natter link. Links look like natter://host:port/room.</source>
        <translation>“%1” bukan tautan Natter yang valid. Tautan berbentuk natter://host:port/ruang.</translation>
    </message>
    <message>
        <source>“%1” is not a room name. Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>“%1” bukan nama ruang. Nama ruang terdiri dari 1 sampai 64 huruf, angka, “-”, “_”, atau “.”.</translation>
    </message>
</context>
<context>
    <name>NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Grup baru</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nama grup</translation>
    </message>
    <message>
        <source>e.g. book-club</source>
        <translation>mis. klub-buku</translation>
    </message>
    <message>
        <source>Only people you invite can see the group, read it or join it. 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>Hanya orang yang Anda undang yang bisa melihat, membaca, atau bergabung dengan grup. 1 sampai 64 huruf, angka, “-”, “_” atau “.”.</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Buat grup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PeoplePickerDialog</name>
    <message>
        <source>Invite to #%1</source>
        <translation>Undang ke #%1</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Pesan baru</translation>
    </message>
    <message>
        <source>Who should join?</source>
        <translation>Siapa yang akan bergabung?</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kepada</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>Ketik nama</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>%1, online</source>
        <translation>%1, daring</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1, luring</translation>
    </message>
    <message>
        <source>online</source>
        <translation>daring</translation>
    </message>
    <message>
        <source>No one by that name is listed. Press Enter to try “%1” anyway.</source>
        <translation>Tidak ada yang bernama itu di daftar. Tekan Enter untuk tetap mencoba “%1”.</translation>
    </message>
    <message>
        <source>No one else has an account here yet.</source>
        <translation>Belum ada orang lain yang punya akun di sini.</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Undang</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Buka percakapan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Jump to a room…</source>
        <translation>Lompat ke ruang…</translation>
    </message>
    <message>
        <source>Room to open</source>
        <translation>Ruang yang akan dibuka</translation>
    </message>
    <message>
        <source>Join or create #%1</source>
        <translation>Gabung atau buat #%1</translation>
    </message>
    <message>
        <source>current</source>
        <translation>saat ini</translation>
    </message>
    <message>
        <source>No room matches.</source>
        <translation>Tidak ada ruang yang cocok.</translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to open · Esc to close</source>
        <translation>↑↓ untuk memilih · Enter untuk membuka · Esc untuk menutup</translation>
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
        <translation>%1, terhubung</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1, offline</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Masuk sebagai %1</translation>
    </message>
    <message>
        <source>Shows the addresses others can use</source>
        <translation>Menampilkan alamat yang dapat dipakai orang lain</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Ruang</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Jelajahi</translation>
    </message>
    <message>
        <source>Browse the rooms on this server</source>
        <translation>Jelajahi ruang di server ini</translation>
    </message>
    <message>
        <source>Join or create a room</source>
        <translation>Gabung atau buat ruang</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n belum dibaca</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Unsent draft</source>
        <translation>Draf belum terkirim</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) online</source>
        <translation>
            <numerusform>%n anggota online</numerusform>
        </translation>
    </message>
    <message>
        <source>No rooms yet. Press + to join or create one.</source>
        <translation>Belum ada ruang. Tekan + untuk bergabung atau membuat ruang.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Tandai sudah dibaca</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Keluar dari ruang</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Percakapan baru</translation>
    </message>
    <message>
        <source>Join a room, write to someone, or start a group</source>
        <translation>Bergabung ke ruang, menulis ke seseorang, atau memulai grup</translation>
    </message>
    <message>
        <source>%1 invited you to the group #%2</source>
        <translation>%1 mengundang Anda ke grup #%2</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Terima</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grup</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Pesan langsung</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>Gabung atau buat ruang…</translation>
    </message>
    <message>
        <source>New direct message…</source>
        <translation>Pesan langsung baru…</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Grup baru…</translation>
    </message>
    <message>
        <source>Invite people…</source>
        <translation>Undang orang…</translation>
    </message>
    <message>
        <source>Close conversation</source>
        <translation>Tutup percakapan</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>Keluar dari grup…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System default</source>
        <translation>Bawaan sistem</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Keep running in the tray when closed</source>
        <translation>Tetap berjalan di baki sistem saat ditutup</translation>
    </message>
    <message>
        <source>Natter then stays connected and notifies you of new messages; quit from the tray menu.</source>
        <translation>Natter tetap terhubung dan memberi tahu Anda tentang pesan baru; keluar melalui menu baki.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits Natter.</source>
        <translation>Desktop ini tidak memiliki baki sistem, jadi menutup jendela akan mengakhiri Natter.</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Bisukan notifikasi</translation>
    </message>
    <message>
        <source>Connect to the last server when Natter starts</source>
        <translation>Hubungkan ke server terakhir saat Natter dimulai</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Start Natter when you log in</source>
        <translation>Jalankan Natter saat Anda masuk</translation>
    </message>
    <message>
        <source>Start minimised to the tray</source>
        <translation>Mulai dalam keadaan diminimalkan ke baki</translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>Mulai saat masuk tidak dapat diubah: %1</translation>
    </message>
</context>
<context>
    <name>TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 sedang mengetik…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 dan %2 sedang mengetik…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Beberapa orang sedang mengetik…</translation>
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
            <numerusform>%n belum dibaca</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>natter::AccountClient</name>
    <message>
        <source>This password is too long: at most %1 bytes.</source>
        <translation>Kata sandi ini terlalu panjang: paling banyak %1 bita.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Pilih kata sandi minimal %1 karakter.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Server tidak dapat dihubungi: %1</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>Nama atau kata sandi salah.</translation>
    </message>
    <message>
        <source>The server does not accept this password: %1</source>
        <translation>Server tidak menerima kata sandi ini: %1</translation>
    </message>
    <message>
        <source>Choose a name of 1 to 64 characters.</source>
        <translation>Pilih nama dengan 1 sampai 64 karakter.</translation>
    </message>
    <message>
        <source>“%1” is already registered on this server. Log in with its password, or choose another name.</source>
        <translation>“%1” sudah terdaftar di server ini. Masuk dengan kata sandinya, atau pilih nama lain.</translation>
    </message>
    <message>
        <source>This server does not let people create accounts themselves. Ask its admin for one.</source>
        <translation>Server ini tidak mengizinkan orang membuat akun sendiri. Mintalah akun kepada adminnya.</translation>
    </message>
    <message>
        <source>You are banned from this server.</source>
        <translation>Anda diblokir dari server ini.</translation>
    </message>
    <message>
        <source>This server does not use accounts: connect with a name instead.</source>
        <translation>Server ini tidak memakai akun: hubungkan dengan sebuah nama saja.</translation>
    </message>
    <message>
        <source>Your login is no longer valid (it expired, or the server signed everyone out). Enter your password to log in again.</source>
        <translation>Login Anda tidak berlaku lagi (kedaluwarsa, atau server mengeluarkan semua orang). Masukkan kata sandi untuk masuk lagi.</translation>
    </message>
    <message>
        <source>The server cannot check or store accounts right now. Try again in a moment.</source>
        <translation>Server tidak dapat memeriksa atau menyimpan akun saat ini. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Server menolak: %1</translation>
    </message>
</context>
<context>
    <name>natter::ChatClient</name>
    <message>
        <source>“%1” is not a server address. Use host:port, for example chat.example.org:8082.</source>
        <translation>“%1” bukan alamat server. Gunakan host:port, misalnya chat.example.org:8082.</translation>
    </message>
    <message>
        <source>Choose a name of 1 to 64 characters.</source>
        <translation>Pilih nama dengan 1 sampai 64 karakter.</translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation>Server menutup koneksi: %1</translation>
    </message>
    <message>
        <source>This message is too long: at most %1 bytes.</source>
        <translation>Pesan ini terlalu panjang: paling banyak %1 byte.</translation>
    </message>
    <message>
        <source>You are sending too fast. Wait a moment and try again.</source>
        <translation>Anda mengirim terlalu cepat. Tunggu sebentar lalu coba lagi.</translation>
    </message>
    <message>
        <source>The server cannot store messages right now. Try again in a moment.</source>
        <translation>Server tidak dapat menyimpan pesan saat ini. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The server cannot hold any more rooms.</source>
        <translation>Server tidak dapat menampung ruang lagi.</translation>
    </message>
    <message>
        <source>You are in as many rooms as this server allows. Leave one first.</source>
        <translation>Anda sudah berada di jumlah ruang maksimum yang diizinkan server ini. Keluar dari salah satunya terlebih dahulu.</translation>
    </message>
    <message>
        <source>You are not in this room.</source>
        <translation>Anda tidak berada di ruang ini.</translation>
    </message>
    <message>
        <source>Room names are 1 to 64 letters, digits, “-”, “_” or “.”.</source>
        <translation>Nama ruang terdiri dari 1 sampai 64 huruf, angka, “-”, “_”, atau “.”.</translation>
    </message>
    <message>
        <source>“%1” is already in use on this server by someone on another computer. Choose another name.</source>
        <translation>“%1” sudah dipakai di server ini oleh seseorang di komputer lain. Pilih nama lain.</translation>
    </message>
    <message>
        <source>The server did not accept the name “%1”: %2</source>
        <translation>Server tidak menerima nama “%1”: %2</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Masukkan kata sandi Anda.</translation>
    </message>
    <message>
        <source>An admin disconnected you from this server.</source>
        <translation>Seorang admin memutuskan sambungan Anda dari server ini.</translation>
    </message>
    <message>
        <source>Your login is kept only until Natter quits.</source>
        <translation>Login Anda hanya disimpan sampai Natter ditutup.</translation>
    </message>
    <message>
        <source>No keychain can be used (%1), so your login is kept only until Natter quits.</source>
        <translation>Tidak ada gantungan kunci yang dapat dipakai (%1), jadi login Anda hanya disimpan sampai Natter ditutup.</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate was not trusted.</source>
        <translation>Tidak tersambung: sertifikat server tidak dipercayai.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you trusted it. Someone may be intercepting the connection. Not connected.</source>
        <translation>Sertifikat server telah berubah sejak Anda memercayainya. Mungkin ada yang menyadap sambungan. Tidak tersambung.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified. Not connected.</source>
        <translation>Sertifikat server tidak dapat diverifikasi. Tidak tersambung.</translation>
    </message>
    <message>
        <source>Direct messages need accounts, and this server has none.</source>
        <translation>Pesan langsung memerlukan akun, dan server ini tidak memilikinya.</translation>
    </message>
    <message>
        <source>That is you. Pick someone else.</source>
        <translation>Itu Anda sendiri. Pilih orang lain.</translation>
    </message>
    <message>
        <source>Not connected. Try again when the connection is back.</source>
        <translation>Tidak terhubung. Coba lagi saat koneksi kembali.</translation>
    </message>
    <message>
        <source>Groups need accounts, and this server has none.</source>
        <translation>Grup memerlukan akun, dan server ini tidak memilikinya.</translation>
    </message>
    <message>
        <source>Use 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>Gunakan 1 sampai 64 huruf, angka, titik, tanda hubung, atau garis bawah.</translation>
    </message>
    <message>
        <source>You are already in a room called “%1”.</source>
        <translation>Anda sudah berada di ruang bernama “%1”.</translation>
    </message>
    <message>
        <source>Invited %1 to %2.</source>
        <translation>%1 diundang ke %2.</translation>
    </message>
    <message>
        <source>Removed %1 from %2.</source>
        <translation>%1 dikeluarkan dari %2.</translation>
    </message>
    <message>
        <source>You left %1.</source>
        <translation>Anda keluar dari %1.</translation>
    </message>
    <message>
        <source>There is no one called “%1” on this server.</source>
        <translation>Tidak ada yang bernama “%1” di server ini.</translation>
    </message>
    <message>
        <source>The invitation to %1 is no longer open.</source>
        <translation>Undangan ke %1 sudah tidak berlaku.</translation>
    </message>
    <message>
        <source>You are not a member of %1.</source>
        <translation>Anda bukan anggota %1.</translation>
    </message>
    <message>
        <source>Only the owner of %1 or a server admin can do that.</source>
        <translation>Hanya pemilik %1 atau admin server yang bisa melakukannya.</translation>
    </message>
    <message>
        <source>Direct messages and groups need accounts, and this server has none.</source>
        <translation>Pesan langsung dan grup memerlukan akun, dan server ini tidak memilikinya.</translation>
    </message>
    <message>
        <source>A room called “%1” exists already. Choose another name.</source>
        <translation>Ruang bernama “%1” sudah ada. Pilih nama lain.</translation>
    </message>
</context>
<context>
    <name>natter::ChatServer</name>
    <message>
        <source>another Natter server is using the database %1</source>
        <translation>server Natter lain sedang memakai basis data %1</translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>tidak dapat membuat direktori data %1</translation>
    </message>
    <message>
        <source>another Natter server is using the data directory %1</source>
        <translation>server Natter lain sedang memakai direktori data %1</translation>
    </message>
    <message>
        <source>port %1 is already in use by another program</source>
        <translation>port %1 sudah dipakai program lain</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>tidak dapat mendengarkan di %1 port %2: %3</translation>
    </message>
    <message>
        <source>cannot open the database: %1</source>
        <translation>tidak dapat membuka basis data: %1</translation>
    </message>
    <message>
        <source>cannot read the accounts from the database</source>
        <translation>akun tidak dapat dibaca dari basis data</translation>
    </message>
</context>
<context>
    <name>natter::DesktopIntegration</name>
    <message>
        <source>Show Natter</source>
        <translation>Tampilkan Natter</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Bisukan notifikasi</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message numerus="yes">
        <source>Natter: %n unread message(s)</source>
        <translation>
            <numerusform>Natter: %n pesan belum dibaca</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 di %2</translation>
    </message>
    <message>
        <source>%1 invited you to %2</source>
        <translation>%1 mengundang Anda ke %2</translation>
    </message>
    <message>
        <source>Open Natter to accept or decline.</source>
        <translation>Buka Natter untuk menerima atau menolak.</translation>
    </message>
</context>
<context>
    <name>natter::LanguageManager</name>
    <message>
        <source>English</source>
        <comment>The name of the language of this translation, written in that language.</comment>
        <translation>Bahasa Indonesia</translation>
    </message>
</context>
<context>
    <name>natter::MessageModel</name>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Kemarin</translation>
    </message>
</context>
<context>
    <name>natter::ServerHost</name>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Port harus berupa angka dari 1 sampai 65535.</translation>
    </message>
    <message>
        <source>Natter server</source>
        <translation>Server Natter</translation>
    </message>
</context>
<context>
    <name>natter::SingleInstance</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation>direktori %1 tidak dapat dibuat</translation>
    </message>
    <message>
        <source>no permission to create %1</source>
        <translation>tidak ada izin untuk membuat %1</translation>
    </message>
    <message>
        <source>cannot use the lock file %1</source>
        <translation>berkas kunci %1 tidak dapat digunakan</translation>
    </message>
    <message>
        <source>Natter is already running (process %1) but does not answer</source>
        <translation>Natter sudah berjalan (proses %1) tetapi tidak menjawab</translation>
    </message>
</context>
</TS>
