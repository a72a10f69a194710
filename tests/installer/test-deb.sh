#!/usr/bin/env bash
# Installs a built natter .deb on this machine with apt, checks what it installed and that the installed server
# runs and stores its data where the service keeps it, verifies the systemd unit, then purges the package and
# checks that nothing is left:
#   NATTER_TEST_PACKAGE_INSTALL=1 tests/installer/test-deb.sh build/dev/natter_0.1.0_amd64.deb
# It changes the machine (a package, a system user, files in /usr, /etc, /lib and /var/lib), so it runs only as
# root, only when NATTER_TEST_PACKAGE_INSTALL=1 says so (scripts/test.sh does), and never where natter is
# installed or a natter user or /var/lib/natter exists already.
set -euo pipefail

if [[ $# -ne 1 || ! -f $1 ]]; then
    echo "usage: NATTER_TEST_PACKAGE_INSTALL=1 $0 natter_<version>_<arch>.deb" >&2
    exit 2
fi
deb=$(realpath "$1")
if [[ ${NATTER_TEST_PACKAGE_INSTALL:-} != 1 ]]; then
    echo "test-deb.sh installs and purges the natter package on this machine; set NATTER_TEST_PACKAGE_INSTALL=1" >&2
    exit 2
fi
if [[ $(id -u) -ne 0 ]]; then
    echo "test-deb.sh installs a package: run it as root" >&2
    exit 2
fi
if dpkg-query -W -f='${Status}' natter 2>/dev/null | grep -q "installed"; then
    echo "natter is installed on this machine; the package test would replace and purge it" >&2
    echo "(remove it first, or skip the package test with NATTER_TEST_PACKAGE=0 scripts/test.sh)" >&2
    exit 1
fi
if getent passwd natter >/dev/null || [[ -e /var/lib/natter ]]; then
    echo "a natter user or /var/lib/natter exists here; purging the package would delete them" >&2
    exit 1
fi

cd "$(dirname "$0")/../.."
source scripts/dependencies.sh

work=$(mktemp -d /tmp/natter-deb-test.XXXXXX)
server_pid=""
cleanup() {
    local status=$?
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if ((status != 0)); then
        [[ -f $work/server.log ]] && { echo "--- server log" >&2; cat "$work/server.log" >&2; }
        # Leave the machine as it was, even after a failure.
        if dpkg-query -W -f='${Status}' natter 2>/dev/null | grep -q "installed"; then
            apt-get remove --purge -y -qq natter >/dev/null 2>&1 || true
        fi
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

fail() {
    echo "test-deb: FAIL: $*" >&2
    exit 1
}
step() {
    echo "==> test-deb: $*" >&2
}

version=$(dpkg-deb --field "$deb" Version)
app_id=chat.natter.Natter

step "the package's metadata and files (validated as installed: appstreamcli validate-tree)"
dpkg-deb --field "$deb" Depends | grep -q "adduser" || fail "Depends lacks adduser"
dpkg-deb --extract "$deb" "$work/tree"
appstreamcli validate-tree --no-net "$work/tree" >&2 || fail "appstreamcli validate-tree on the package's files"

step "apt-get install $(basename "$deb")"
natter_install_deb "$deb"

for file in /usr/bin/natter \
    /usr/share/applications/$app_id.desktop \
    /usr/share/metainfo/$app_id.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/$app_id.svg \
    /lib/systemd/system/natter-server.service \
    /etc/natter/server.ini; do
    [[ -f $file ]] || fail "$file was not installed"
done
for size in 16 24 32 48 64 128 256 512; do
    icon=/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [[ -f $icon ]] || fail "$icon was not installed"
    dimensions=$(python3 -c 'import struct, sys
head = open(sys.argv[1], "rb").read(24)
print(*struct.unpack(">II", head[16:24]) if head[:8] == b"\x89PNG\r\n\x1a\n" else "not a PNG")' "$icon")
    [[ $dimensions == "$size $size" ]] || fail "$icon is not a ${size}x$size PNG ($dimensions)"
done
dpkg-query -W -f='${Conffiles}\n' natter | grep -q "^ /etc/natter/server.ini " || fail "server.ini is not a conffile"

step "postinst: the natter system user, /var/lib/natter, the configuration's permissions"
uid=$(id -u natter) || fail "no natter user"
((uid < 1000)) || fail "natter is not a system user (uid $uid)"
[[ $(stat -c '%U:%G %a' /var/lib/natter) == "natter:natter 750" ]] || fail "/var/lib/natter: $(stat -c '%U:%G %a' /var/lib/natter)"
[[ $(stat -c '%U:%G %a' /etc/natter/server.ini) == "root:natter 640" ]] ||
    fail "/etc/natter/server.ini: $(stat -c '%U:%G %a' /etc/natter/server.ini)"

step "every QML module the app imports comes with the package's dependencies"
# apt-cache prints every package of the closure once, unindented, after the first.
dependencies=$(apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances natter | grep -v '^ ' | tr -d '<>' | sort -u)
qml_dir=$(qtpaths6 --query QT_INSTALL_QML)
scanner=$(qtpaths6 --query QT_INSTALL_LIBEXECS)/qmlimportscanner
modules=$("$scanner" -rootPath qml -importPath "$qml_dir" | python3 -c '
import json, sys
for module in json.load(sys.stdin):
    if module.get("type") == "module" and module.get("path"):
        print(module["path"])
')
[[ -n $modules ]] || fail "qmlimportscanner found no QML modules"
for module in $modules; do
    package=$(dpkg-query --search "$module/qmldir" | cut -d: -f1)
    grep -qx "$package" <<<"$dependencies" || fail "QML module $module is in $package, which natter does not depend on"
done
for driver in libqsqlite.so libqsqlpsql.so; do
    package=$(dpkg-query --search "*/sqldrivers/$driver" | cut -d: -f1)
    grep -qx "$package" <<<"$dependencies" || fail "the SQL driver $driver is in $package, which natter does not depend on"
done

step "/usr/bin/natter --version"
reported=$(/usr/bin/natter --version) || fail "natter --version"
grep -q "$version" <<<"$reported" || fail "natter --version says '$reported', the package is $version"

# The service's command line (natter-server.service) as the natter user, on a free loopback port and off the LAN.
start_server() {
    : >"$work/server.log"
    coproc SERVER {
        exec env -i HOME=/var/lib/natter LANG=C.UTF-8 PATH=/usr/bin:/bin \
            setpriv --reuid natter --regid natter --clear-groups \
            /usr/bin/natter --server --config /etc/natter/server.ini --data-dir /var/lib/natter \
            --port 0 --bind 127.0.0.1 --no-announce 2>&1
    }
    server_pid=$SERVER_PID
    local line
    port=""
    while IFS= read -r -t 30 line <&"${SERVER[0]}"; do
        echo "$line" >>"$work/server.log"
        if [[ $line =~ listening\ on\ [^\ ]+\ port\ ([0-9]+) ]]; then
            port=${BASH_REMATCH[1]}
            break
        fi
    done
    [[ -n $port ]] || fail "the installed server did not start listening"
    # Keep reading its log so that it never blocks on a full pipe (through a copy of the descriptor: bash does not
    # pass a coprocess's own descriptors on to other processes).
    local log_fd
    exec {log_fd}<&"${SERVER[0]}"
    cat <&"$log_fd" >>"$work/server.log" &
    exec {log_fd}<&-
}
stop_server() {
    kill -TERM "$server_pid"
    local status=0
    wait "$server_pid" || status=$?
    server_pid=""
    ((status == 0)) || fail "the server exited with $status on SIGTERM"
}

step "natter --server --add-user makes the first admin, as the natter user, with the packaged configuration"
added=$(printf 'packaged-secret\n' | env -i HOME=/var/lib/natter LANG=C.UTF-8 PATH=/usr/bin:/bin \
    setpriv --reuid natter --regid natter --clear-groups \
    /usr/bin/natter --server --config /etc/natter/server.ini --data-dir /var/lib/natter --add-user admin --admin 2>&1) ||
    fail "natter --server --add-user: $added"

step "natter --server from the installed files, as the natter user, with the packaged configuration"
start_server
health=$(curl -fsS "http://127.0.0.1:$port/health") || fail "GET /health"
grep -q '"status":"ok"' <<<"$health" || fail "GET /health: $health"
grep -q '"storage":"ok"' <<<"$health" || fail "GET /health: $health"
# The packaged configuration has accounts: nothing under /api without a login.
status=$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/rooms")
[[ $status == 401 ]] || fail "GET /api/rooms without a token answered $status, not 401"
token=$(curl -fsS -X POST -H 'Content-Type: application/json' -d '{"user":"admin","password":"packaged-secret"}' \
    "http://127.0.0.1:$port/api/login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])') ||
    fail "POST /api/login as the admin made with --add-user"
curl -fsS -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d '{"name":"packaged"}' \
    "http://127.0.0.1:$port/api/rooms" >/dev/null || fail "POST /api/rooms"
stop_server
[[ -f /var/lib/natter/natter.sqlite ]] || fail "no database in /var/lib/natter"
[[ $(stat -c '%U' /var/lib/natter/natter.sqlite) == natter ]] || fail "the database is not the natter user's"

step "a restart finds the room stored in /var/lib/natter"
start_server
rooms=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/rooms") || fail "GET /api/rooms"
grep -q '"packaged"' <<<"$rooms" || fail "GET /api/rooms after a restart: $rooms"
stop_server

step "systemd-analyze verify natter-server.service"
# It exits 0 on unknown keys and values it cannot parse (it ignores them), so any output fails the test too.
verify=$(systemd-analyze verify /lib/systemd/system/natter-server.service 2>&1) || fail "systemd-analyze verify: $verify"
[[ -z $verify ]] || fail "systemd-analyze verify: $verify"

step "apt-get remove --purge natter"
dpkg-query -L natter >"$work/files"
apt-get remove --purge -y -qq natter >/dev/null
if dpkg-query -W -f='${Status}' natter 2>/dev/null | grep -q "installed"; then
    fail "natter is still installed"
fi
while IFS= read -r path; do
    [[ -d $path ]] && continue # shared directories such as /usr/share/icons stay
    [[ ! -e $path ]] || fail "$path is still there after the purge"
done <"$work/files"
[[ ! -e /etc/natter ]] || fail "/etc/natter is still there after the purge"
[[ ! -e /var/lib/natter ]] || fail "/var/lib/natter is still there after the purge"
! getent passwd natter >/dev/null || fail "the natter user is still there after the purge"
! getent group natter >/dev/null || fail "the natter group is still there after the purge"
dpkg-statoverride --list /etc/natter/server.ini >/dev/null && fail "the statoverride is still there after the purge"

step "passed"
