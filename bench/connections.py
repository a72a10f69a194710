#!/usr/bin/env python3
"""Helpers of bench/connections.sh (not meant to be run on their own).

  connections.py sample OUT PORT:PID ...       CPU and RSS of each server from /proc, and its /stats
  connections.py rest OUT SECONDS INTERVAL ROOM STARTED PORT ...
                                                times GET /health and GET /api/rooms/ROOM/messages
  connections.py monitor OUT INTERVAL OTHERS PORT:PID ...
                                                every INTERVAL s until SIGTERM: each server thread's CPU, RSS,
                                                accept queue, the kernel's listen overflow counters, the machine's
                                                CPU, and the CPU of the processes listed in the file OTHERS
                                                ("NAME PID" lines, read again at every sample; a NAME may repeat)
  connections.py summarize WORK OUT SCENARIO...  merges the load generators' figures, prints the table
"""

import glob
import json
import math
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

# The issue's targets.
TARGET_CONNECT_10K_S = 2.0  # 10,000 clients connect in <= 2 s
TARGET_RSS_KB = 5.0  # <= 5 KB RSS per idle connection (at 10,000)
TARGET_BROADCAST_P99_MS = 1000.0  # a broadcast to all of them within 1 s at p99
TARGET_REST_MS = 10.0  # REST still answering in < 10 ms meanwhile

REST_TIMEOUT_S = 15.0  # longer than the server's --http-timeout (10 s), to see what it does with a stuck request

CLK_TCK = os.sysconf("SC_CLK_TCK")


# --- sampling -------------------------------------------------------------------------------------------------------


def proc_sample(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / CLK_TCK
        rss = 0
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
        return {"pid": pid, "cpu_seconds": cpu, "rss_kb": rss}
    except OSError:
        return {"pid": pid, "gone": True}


class RequestError(Exception):
    """A request that got no complete answer: what failed, after how long."""

    def __init__(self, kind, ms):
        super().__init__(kind)
        self.kind, self.ms = kind, ms


def get(port, path, timeout=5.0):
    """GET on a new connection with Connection: close, read to the end; (status, body, ms). Plain sockets:
    http.client adds about 0.3 ms of its own per request here."""
    began = time.perf_counter()

    def elapsed():
        return (time.perf_counter() - began) * 1000.0

    try:
        connection = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except socket.timeout:
        raise RequestError("connect timeout", elapsed())
    except OSError as error:
        raise RequestError(f"connect: {error.strerror or error}", elapsed())
    chunks = []
    with connection:
        try:
            connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            connection.settimeout(max(0.001, timeout - elapsed() / 1000.0))
            while chunk := connection.recv(65536):
                chunks.append(chunk)
                connection.settimeout(max(0.001, timeout - elapsed() / 1000.0))
        except socket.timeout:
            raise RequestError("no complete response" if chunks else "no response", elapsed())
        except OSError as error:
            raise RequestError(f"{error.strerror or error} after {sum(map(len, chunks))} bytes", elapsed())
    ms = elapsed()
    response = b"".join(chunks)
    head, _, body = response.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].split()
    if len(status_line) < 2 or not status_line[1].isdigit():
        raise RequestError("closed without a response" if not response else "malformed response", ms)
    return int(status_line[1]), body, ms


def sample(out, targets):
    servers = []
    for target in targets:
        port, pid = (int(x) for x in target.split(":"))
        entry = proc_sample(pid)
        entry["port"] = port
        entry["at"] = time.monotonic()
        try:
            status, body, _ = get(port, "/stats", timeout=10.0)
            entry["stats"] = json.loads(body) if status == 200 else {"http_status": status}
        except (RequestError, ValueError) as error:
            entry["stats"] = {"error": str(error)}
        servers.append(entry)
    with open(out, "w") as f:
        json.dump(servers, f, indent=1)


# --- monitor --------------------------------------------------------------------------------------------------------


def thread_cpu(pid):
    """{thread name: CPU seconds}, threads of the same name added up; and {thread name: seconds spent runnable but
    waiting for a core} (schedstat's run delay): a thread that waits much is starved, one that neither runs nor waits
    is idle or blocked."""
    threads, waits = {}, {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return threads, waits
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                text = f.read()
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                wait = int(f.read().split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        threads[name] = threads.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / CLK_TCK
        waits[name] = waits.get(name, 0.0) + wait
    return threads, waits


def listen_counters():
    with open("/proc/net/netstat") as f:
        lines = [line.split() for line in f if line.startswith("TcpExt:")]
    values = dict(zip(lines[0][1:], (int(x) for x in lines[1][1:])))
    return {key: values.get(key, 0) for key in ("ListenOverflows", "ListenDrops", "TCPReqQFullDrop",
                                                  "TCPReqQFullDoCookies")}


def accept_queues(ports):
    """Connections waiting in each listening socket's accept queue (ss's Recv-Q of a LISTEN socket)."""
    queues = {}
    try:
        out = subprocess.run(["ss", "-ltnH"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return queues
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[3].rsplit(":", 1)[-1] in ports:
            queues[fields[3].rsplit(":", 1)[-1]] = int(fields[1])
    return queues


def machine_cpu():
    """(busy, total) jiffies of all cores since boot; busy excludes idle and iowait."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return sum(fields) - fields[3] - fields[4], sum(fields)


def process_tree_cpu(pid):
    """CPU seconds of a process and of its direct children (PostgreSQL's backends under the postmaster)."""
    total = proc_sample(pid).get("cpu_seconds", 0.0)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / CLK_TCK
    return total


def others_cpu(path, last_seen):
    """{name: CPU seconds} of the processes listed in PATH, children included, processes of one name added up. A
    process that has exited counts with its last reading (kept in LAST_SEEN, pid -> seconds)."""
    cpu = {}
    try:
        with open(path) as f:
            lines = [line.split() for line in f if line.strip()]
    except OSError:
        return cpu
    for name, pid in lines:
        if os.path.exists(f"/proc/{pid}"):
            last_seen[pid] = max(last_seen.get(pid, 0.0), process_tree_cpu(int(pid)))
        cpu[name] = cpu.get(name, 0.0) + last_seen.get(pid, 0.0)
    return cpu


def monitor(out, interval, others, targets):
    servers = [tuple(t.split(":")) for t in targets]  # (port, pid)
    samples = []
    last_seen = {}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    next_at = time.time()
    while not stop:
        queues = accept_queues({port for port, _ in servers})
        sample = {"t": time.time(), "net": listen_counters(), "servers": {}, "machine": machine_cpu(),
                  "others": others_cpu(others, last_seen)}
        for port, pid in servers:
            entry = proc_sample(int(pid))
            entry["threads"], entry["threads_wait"] = thread_cpu(pid)
            entry["accept_queue"] = queues.get(port)
            sample["servers"][port] = entry
        samples.append(sample)
        next_at += interval
        time.sleep(max(0.0, next_at - time.time()))
    with open(out, "w") as f:
        json.dump({"interval": interval, "samples": samples}, f)


def monitor_phases(directory):
    """Per phase (between the script's marks): each server thread's CPU as % of one core, the longest accept queue
    seen, and how many SYNs/connections the kernel dropped for a full queue."""
    path, marks_path = os.path.join(directory, "monitor.json"), os.path.join(directory, "marks")
    if not os.path.exists(path) or not os.path.exists(marks_path):
        return []
    samples = load(path)["samples"]
    marks = []
    with open(marks_path) as f:
        for line in f:
            at, name = line.split(" ", 1)
            marks.append((float(at), name.strip()))
    phases = []
    for (start, name), (end, _) in zip(marks, marks[1:] + [(float("inf"), "")]):
        inside = [x for x in samples if start <= x["t"] <= end]
        if len(inside) < 2:
            continue
        first, last = inside[0], inside[-1]
        seconds = last["t"] - first["t"]
        busy = last["machine"][0] - first["machine"][0]
        total = last["machine"][1] - first["machine"][1]
        cores = os.cpu_count()
        phase = {"phase": name, "seconds": seconds, "servers": {}, "kernel": {
            key: last["net"][key] - first["net"][key] for key in first["net"]},
            # All cores together, whoever uses them (other users of the machine included).
            "machine_busy_percent": round(100.0 * busy / total, 1) if total else None, "cores": cores,
            # Of one core, like the servers' figures.
            "others_cpu_percent": {n: round(100.0 * (last["others"].get(n, 0) - first["others"].get(n, 0)) / seconds, 1)
                                   for n in last["others"]} if seconds else {}}
        for port, a in first["servers"].items():
            b = last["servers"].get(port, {})
            if "threads" not in b or "cpu_seconds" not in a or "cpu_seconds" not in b:
                continue
            threads = {name: round(100.0 * (b["threads"].get(name, 0) - cpu) / seconds, 1)
                       for name, cpu in a["threads"].items() if seconds > 0}
            waits = {name: round(100.0 * (b.get("threads_wait", {}).get(name, 0) - wait) / seconds, 1)
                     for name, wait in a.get("threads_wait", {}).items() if seconds > 0}
            queue = [x["servers"][port].get("accept_queue") for x in inside if port in x["servers"]]
            phase["servers"][port] = {
                "cpu_percent": round(100.0 * (b["cpu_seconds"] - a["cpu_seconds"]) / seconds, 1) if seconds else None,
                "threads_cpu_percent": threads,
                # Share of the phase each thread (threads of one name added up) was runnable but not running.
                "threads_wait_percent": waits,
                "accept_queue_max": max((q for q in queue if q is not None), default=None),
                "rss_kb_end": b.get("rss_kb"),
                "cpu_seconds": round(b["cpu_seconds"] - a["cpu_seconds"], 2),
            }
        phases.append(phase)
    return phases


# --- REST timing ----------------------------------------------------------------------------------------------------


def rest(out, seconds, interval, room, started, ports):
    """Every INTERVAL seconds one request, alternating /health and the room's messages, over the servers in turn;
    each on a new connection (as a browser or curl would make it), timed from connect to the last body byte, on a
    thread of its own so that a slow answer does not hold up the next request. A request gets REST_TIMEOUT s.
    STARTED (unless "-") is created when the first request is due, for the script to start the sender then."""
    paths = {"health": "/health", "messages": f"/api/rooms/{room}/messages"}
    samples = []  # [seconds since start, name, port, ms, error or None]
    lock = threading.Lock()

    def one(at, name, port):
        try:
            status, _, ms = get(port, paths[name], REST_TIMEOUT_S)
            error = None if status == 200 else f"HTTP {status}"
        except RequestError as failure:
            ms, error = failure.ms, failure.kind
        with lock:
            samples.append([round(at, 3), name, port, round(ms, 3), error])

    threads = []
    start = time.monotonic()
    end = start + seconds
    if started != "-":
        open(started, "w").close()
    tick = 0
    while True:
        due = start + tick * interval
        if due >= end:
            break
        now = time.monotonic()
        if due > now:
            time.sleep(due - now)
        thread = threading.Thread(target=one, args=(due - start, list(paths)[(tick // len(ports)) % len(paths)],
                                                    ports[tick % len(ports)]))
        thread.start()
        threads.append(thread)
        tick += 1
    for thread in threads:
        thread.join()
    samples.sort()
    results = {name: {"ms": [], "errors": {}, "per_server": {}} for name in paths}
    for _, name, port, ms, error in samples:
        if error:
            results[name]["errors"][error] = results[name]["errors"].get(error, 0) + 1
        else:
            results[name]["ms"].append(ms)
            results[name]["per_server"].setdefault(str(port), []).append(ms)
    with open(out, "w") as f:
        json.dump({"seconds": seconds, "interval": interval, "timeout": REST_TIMEOUT_S, "room": room, "ports": ports,
                   "paths": paths, "results": results, "samples": samples}, f)


# --- summary --------------------------------------------------------------------------------------------------------


def load(path):
    with open(path) as f:
        return json.load(f)


def rank_value(pairs, count, maximum, percent):
    """The loadgen's Histogram::percentile over (edge, count) pairs from any number of processes."""
    if count == 0:
        return 0
    wanted = max(1, int(count * percent / 100.0 + 0.999999))
    seen = 0
    for edge, n in sorted(pairs):
        seen += n
        if seen >= wanted:
            return min(edge, maximum)
    return maximum


class Merged:
    """Histograms of several processes, each optionally shifted (connection times of processes started apart)."""

    def __init__(self):
        self.pairs, self.count, self.max, self.sum = [], 0, 0, 0

    def add(self, h, shift_ns=0):
        if not h or h.get("count", 0) == 0:
            return
        self.pairs += [(edge + shift_ns, n) for edge, n in h["buckets_ns"]]
        self.count += h["count"]
        self.max = max(self.max, h["max_ns"] + shift_ns)
        self.sum += h["sum_ns"] + shift_ns * h["count"]

    def ms(self, percent):
        return rank_value(self.pairs, self.count, self.max, percent) / 1e6

    def at_rank_ms(self, rank):
        """Value of the rank-th smallest sample (1-based), in ms; None when there are fewer samples."""
        if rank > self.count:
            return None
        seen = 0
        for edge, n in sorted(self.pairs):
            seen += n
            if seen >= rank:
                return min(edge, self.max) / 1e6
        return self.max / 1e6

    def summary(self):
        return {"count": self.count, "p50": self.ms(50), "p90": self.ms(90), "p99": self.ms(99),
                "p999": self.ms(99.9), "max": self.max / 1e6, "mean": self.sum / self.count / 1e6 if self.count else 0}


def percentiles(values):
    if not values:
        return {"count": 0, "p50": None, "p99": None, "max": None}
    ordered = sorted(values)

    def at(percent):
        return ordered[max(0, math.ceil(len(ordered) * percent / 100.0) - 1)]

    return {"count": len(ordered), "p50": at(50), "p99": at(99), "max": ordered[-1]}


def summarize_scenario(directory, meta):
    receivers = [load(os.path.join(directory, name)) for name in sorted(os.listdir(directory))
                 if name.startswith("recv-") and name.endswith(".json")]
    sender_path = os.path.join(directory, "send.json")
    sender = load(sender_path) if os.path.exists(sender_path) else None
    runs = receivers + ([sender] if sender else [])
    before = load(os.path.join(directory, "sample-before.json"))
    connected = load(os.path.join(directory, "sample-connected.json"))
    after_path = os.path.join(directory, "sample-after.json")
    after = load(after_path) if os.path.exists(after_path) else None

    # Connecting: every receiving process starts at about the same time; connection times are shifted by how much
    # later a process started than the first, so the merged histogram is on one time line.
    first_start = min(r["started_monotonic_ns"] for r in receivers)
    connected_at, handshake = Merged(), Merged()
    failures = {}
    requested = ok = 0
    connect_cpu = 0.0
    connect_done_s = 0.0
    for r in receivers:
        shift = r["started_monotonic_ns"] - first_start
        c = r["connect"]
        connected_at.add(c["connected_at_ms"], shift)
        handshake.add(c["handshake_ms"])
        requested += c["requested"]
        ok += c["connected"]
        connect_cpu += c["loadgen_cpu_seconds"]
        connect_done_s = max(connect_done_s, shift / 1e9 + c["seconds"])
        for reason, n in c["failures"].items():
            failures[reason] = failures.get(reason, 0) + n
    at_10000 = connected_at.at_rank_ms(10000)
    if sender:
        # The sender's one connection, made after all the others.
        requested += sender["connect"]["requested"]
        ok += sender["connect"]["connected"]
        for reason, n in sender["connect"]["failures"].items():
            failures[reason] = failures.get(reason, 0) + n
    connect = {
        "requested": requested, "connected": ok, "failures": failures,
        "all_seconds": connect_done_s,
        "wall_seconds_until_all_ready": meta["connect_wall_seconds"],
        "at_10000_seconds": None if at_10000 is None else at_10000 / 1e3,
        "handshake_ms": handshake.summary(),
        "loadgen_processes": len(receivers),
        "loadgen_cpu_seconds": connect_cpu,
        "process_start_spread_ms": (max(r["started_monotonic_ns"] for r in receivers) - first_start) / 1e6,
    }

    # Memory: each server's RSS growth from before connecting to all connected, over its open WebSockets.
    servers = []
    for b, c, a in zip(before, connected, after or [None] * len(before)):
        sockets = c.get("stats", {}).get("websocket_connections", 0)
        entry = {
            "port": b["port"], "pid": b["pid"], "websocket_connections": sockets,
            "rss_before_kb": b.get("rss_kb"), "rss_connected_kb": c.get("rss_kb"),
            "rss_per_connection_kb": (c["rss_kb"] - b["rss_kb"]) / sockets if sockets and "rss_kb" in c else None,
            "cpu_connecting_seconds": c.get("cpu_seconds", 0) - b.get("cpu_seconds", 0),
        }
        if a:
            entry["rss_after_broadcast_kb"] = a.get("rss_kb")
            entry["cpu_after_connecting_seconds"] = a.get("cpu_seconds", 0) - c.get("cpu_seconds", 0)
            for key in ("slow_consumers_dropped", "timeouts", "connections_refused"):
                entry[key] = a.get("stats", {}).get(key)
        servers.append(entry)
    per_conn = [s["rss_per_connection_kb"] for s in servers if s["rss_per_connection_kb"] is not None]

    # Broadcast: every delivery of a measured message at every receiver, all processes merged.
    latency, same, other = Merged(), Merged(), Merged()
    expected = received = 0
    disconnects = {}
    end_markers_complete = True
    loadgen_cpu = 0.0
    receivers_total = 0
    for r in runs:
        b = r.get("broadcast", {})
        latency.add(b.get("latency_ms"))
        same.add(b.get("latency_same_server_ms"))
        other.add(b.get("latency_other_server_ms"))
        receivers_total += b.get("receivers", 0)
        received += b.get("received_deliveries", 0)
        loadgen_cpu += r["loadgen"]["cpu_seconds"]
        for reason, n in r.get("disconnects", {}).items():
            disconnects[reason] = disconnects.get(reason, 0) + n
        if b.get("role") == "receive" and b.get("end_markers", 0) < max(1, b.get("end_senders", 0)):
            end_markers_complete = False
    # Per message, over every receiver: does latency stay put or grow from message to message?
    per_message = {}
    for r in runs:
        for sent_ns, sender_id, count, sum_ns, max_ns in r.get("broadcast", {}).get("per_message", []):
            m = per_message.setdefault(sent_ns, [0, 0, 0])
            m[0] += count
            m[1] += sum_ns
            m[2] = max(m[2], max_ns)
    first_sent = min(per_message) if per_message else 0
    per_message = [{"sent_at_s": (t - first_sent) / 1e9, "deliveries": m[0], "mean_ms": m[1] / m[0] / 1e6,
                    "max_ms": m[2] / 1e6} for t, m in sorted(per_message.items())]
    sent = sender["broadcast"]["messages_sent"] if sender else 0
    # The sender's own count, whatever the receivers learnt: a receiver that missed the end marker still owes them.
    expected = sent * receivers_total
    missing = max(0, expected - received)
    broadcast = {
        "messages_sent": sent, "rate": sender["config"]["rate"] if sender else None,
        "measured_seconds": sender["broadcast"]["measured_seconds"] if sender else None,
        "receivers": receivers_total, "expected_deliveries": expected, "received_deliveries": received,
        "missing_deliveries": missing, "loss_percent": 100.0 * missing / expected if expected else None,
        "end_markers_complete": end_markers_complete,
        "latency_ms": latency.summary(), "disconnects": disconnects, "loadgen_cpu_seconds": loadgen_cpu,
        "per_message": per_message,
    }
    if len(servers) > 1:
        broadcast["latency_same_server_ms"] = same.summary()
        broadcast["latency_other_server_ms"] = other.summary()

    def rest_figures(path):
        data = load(path)
        figures = {}
        for name, r in data["results"].items():
            figures[name] = dict(percentiles(r["ms"]), errors=r["errors"],
                                 per_server={port: percentiles(v) for port, v in r["per_server"].items()})
        figures["all"] = dict(percentiles([x for r in data["results"].values() for x in r["ms"]]),
                              errors={k: v for r in data["results"].values() for k, v in r["errors"].items()})
        figures["seconds"] = data["seconds"]
        figures["samples"] = data["samples"]
        return figures

    rest_summary = rest_figures(os.path.join(directory, "rest.json"))
    rest_idle = rest_figures(os.path.join(directory, "rest-idle.json"))

    return {
        "title": meta["title"], "servers": len(servers), "clients": meta["clients"], "database": meta["database"],
        "connect": connect,
        "memory": {"rss_per_connection_kb_max": max(per_conn) if per_conn else None,
                   "rss_per_connection_kb_mean": sum(per_conn) / len(per_conn) if per_conn else None,
                   "servers": servers},
        "broadcast": broadcast, "rest": rest_summary, "rest_idle": rest_idle, "server_log": server_logs(directory),
        "phases": monitor_phases(directory),
        "loadgen_runs": {"receivers": receivers, "sender": sender},
    }


def server_logs(directory):
    """Lines per level in the servers' logs, and a few distinct warnings (numbers and addresses folded)."""
    levels, examples, seen = {}, [], set()
    for path in sorted(glob.glob(os.path.join(directory, "server-*.log"))):
        with open(path, errors="replace") as f:
            for line in f:
                parts = line.split(" ", 2)
                level = parts[1] if len(parts) == 3 else "other"
                levels[level] = levels.get(level, 0) + 1
                if level in ("warning", "critical", "fatal"):
                    key = re.sub(r"[0-9]+", "N", parts[2].strip())
                    if key not in seen and len(examples) < 10:
                        seen.add(key)
                        examples.append(f"{os.path.basename(path)}: {line.strip()}")
    warnings = sum(levels.get(level, 0) for level in ("warning", "critical", "fatal"))
    return {"lines_by_level": levels, "warnings": warnings, "examples": examples}


def fmt(value, spec, unit=""):
    return "-" if value is None else format(value, spec) + unit


def mark(ok):
    return "" if ok is None else (" ok" if ok else " MISSED")


def print_table(rows):
    names = list(rows)
    width = 33
    print()
    header = f"{'':34}" + "".join(f"{n + ': ' + rows[n]['title']:>{width}}" for n in names) + "   target"
    print(header)

    def line(label, cells, target=""):
        print(f"{label:34}" + "".join(f"{c:>{width}}" for c in cells) + (f"   {target}" if target else ""))

    line("connections (connected/asked)", [f"{r['connect']['connected']}/{r['clients']}" for r in rows.values()])
    line("servers", [str(r["servers"]) for r in rows.values()])
    line("connect: all connected", [fmt(r["connect"]["all_seconds"], ".2f", " s") for r in rows.values()])
    cells = []
    for r in rows.values():
        v = r["connect"]["at_10000_seconds"]
        cells.append(fmt(v, ".2f", " s") + mark(None if v is None else v <= TARGET_CONNECT_10K_S))
    line("connect: 10,000th connected", cells, f"<= {TARGET_CONNECT_10K_S:g} s")
    line("connect: handshake p99", [fmt(r["connect"]["handshake_ms"]["p99"], ".1f", " ms") for r in rows.values()])
    line("connect: failed", [str(sum(r["connect"]["failures"].values())) for r in rows.values()])
    cells = []
    for r in rows.values():
        v = r["memory"]["rss_per_connection_kb_max"]
        cells.append(fmt(v, ".2f", " KB") + mark(None if v is None else v <= TARGET_RSS_KB))
    line("RSS per connection (worst server)", cells, f"<= {TARGET_RSS_KB:g} KB")
    line("broadcast: msgs x receivers", [f"{r['broadcast']['messages_sent']} x {r['broadcast']['receivers']}"
                                         for r in rows.values()])
    line("broadcast p50", [fmt(r["broadcast"]["latency_ms"]["p50"], ".1f", " ms") for r in rows.values()])
    cells = []
    for r in rows.values():
        v = r["broadcast"]["latency_ms"]["p99"] if r["broadcast"]["latency_ms"]["count"] else None
        cells.append(fmt(v, ".1f", " ms") + mark(None if v is None else v <= TARGET_BROADCAST_P99_MS))
    line("broadcast p99", cells, f"<= {TARGET_BROADCAST_P99_MS:g} ms")
    line("broadcast max", [fmt(r["broadcast"]["latency_ms"]["max"], ".1f", " ms") for r in rows.values()])
    cells = []
    for r in rows.values():
        b = r["broadcast"]
        cells.append(f"{b['missing_deliveries']} ({fmt(b['loss_percent'], '.3f', '%')})"
                     + mark(b["expected_deliveries"] > 0 and b["missing_deliveries"] == 0))
    line("broadcast loss", cells, "0")
    for name, label in (("health", "GET /health"), ("messages", "GET .../messages")):
        cells = []
        for r in rows.values():
            x = r["rest"][name]
            text = f"{fmt(x['p50'], '.1f')}/{fmt(x['p99'], '.1f')}/{fmt(x['max'], '.1f')} ms"
            cells.append(text + mark(None if x["p99"] is None else x["p99"] < TARGET_REST_MS and not x["errors"]))
        line(f"REST {label} p50/p99/max", cells, f"p99 < {TARGET_REST_MS:g} ms")
    line("REST requests (errors)", [f"{r['rest']['all']['count']} ({sum(r['rest']['all']['errors'].values())})"
                                    for r in rows.values()])
    line("REST, no broadcast: p50/p99/max", [f"{fmt(r['rest_idle']['all']['p50'], '.1f')}/"
                                            f"{fmt(r['rest_idle']['all']['p99'], '.1f')}/"
                                            f"{fmt(r['rest_idle']['all']['max'], '.1f')} ms" for r in rows.values()])
    line("disconnects", [str(sum(r["broadcast"]["disconnects"].values())) for r in rows.values()])
    line("loadgen cpu: connect / broadcast", [f"{r['connect']['loadgen_cpu_seconds']:.1f} / "
                                              f"{r['broadcast']['loadgen_cpu_seconds']:.1f} s"
                                              for r in rows.values()])
    def phase_cpu(r, name):
        phase = next((p for p in r.get("phases", []) if p["phase"] == name), None)
        return None if phase is None else sum(v["cpu_seconds"] for v in phase["servers"].values())

    line("server cpu: connect / broadcast", [f"{fmt(phase_cpu(r, 'connecting'), '.1f')} / "
                                             f"{fmt(phase_cpu(r, 'broadcast'), '.1f')} s" for r in rows.values()])
    for r in rows.values():
        if "latency_other_server_ms" in r["broadcast"]:
            s, o = r["broadcast"]["latency_same_server_ms"], r["broadcast"]["latency_other_server_ms"]
            print(f"\n{r['title']}: receivers on the sender's server p50 {s['p50']:.1f} ms p99 {s['p99']:.1f} ms; "
                  f"on the others (through Redis) p50 {o['p50']:.1f} ms p99 {o['p99']:.1f} ms")
        messages = r["broadcast"]["per_message"]
        if messages:
            print(f"  per message (sent at, mean / last delivery): " + "  ".join(
                f"{m['sent_at_s']:.1f}s {m['mean_ms']:.0f}/{m['max_ms']:.0f}" for m in messages) + " ms")
        for s in r["memory"]["servers"]:
            print(f"  server :{s['port']}: {s['websocket_connections']} websockets, RSS "
                  f"{fmt(s['rss_before_kb'] and s['rss_before_kb'] / 1024, '.1f')} -> "
                  f"{fmt(s['rss_connected_kb'] and s['rss_connected_kb'] / 1024, '.1f')} MB "
                  f"({fmt(s['rss_per_connection_kb'], '.2f')} KB/conn)")
        if r["connect"]["failures"]:
            print(f"  connect failures: {r['connect']['failures']}")
        for label, figures in (("REST during the broadcast", r["rest"]), ("REST without broadcast", r["rest_idle"])):
            failed = [x for x in figures["samples"] if x[4]]
            slow = sorted((x for x in figures["samples"] if not x[4]), key=lambda x: -x[3])[:3]
            if failed:
                print(f"  {label}: " + "; ".join(f"at {x[0]:.2f} s {x[1]} on :{x[2]}: {x[4]} after {x[3]:.0f} ms"
                                                  for x in failed))
            if slow and slow[0][3] >= TARGET_REST_MS:
                print(f"  {label}, slowest: " + "; ".join(f"at {x[0]:.2f} s {x[1]} {x[3]:.0f} ms" for x in slow))
        if r["broadcast"]["disconnects"]:
            print(f"  disconnects: {r['broadcast']['disconnects']}")
        if not r["broadcast"]["end_markers_complete"]:
            print("  some receiving processes did not get every end marker")
        for phase in r.get("phases", []):
            drops = ", ".join(f"{k} {v}" for k, v in phase["kernel"].items() if v)
            others = ", ".join(f"{n} {c}%" for n, c in phase["others_cpu_percent"].items())
            print(f"  {phase['phase']} ({phase['seconds']:.1f} s): machine {phase['machine_busy_percent']}% busy of "
                  f"{phase['cores']} cores" + (f"; {others} of a core" if others else "")
                  + (f"; kernel: {drops}" if drops else ""))
            for port, v in phase["servers"].items():
                waits = v.get("threads_wait_percent", {})
                busy = ", ".join(f"{n} {c}" + (f" waiting {waits[n]}" if waits.get(n, 0) >= 5 else "")
                                 for n, c in sorted(v["threads_cpu_percent"].items(), key=lambda x: -x[1])
                                 if c >= 5 or waits.get(n, 0) >= 5)
                print(f"    :{port} cpu {v['cpu_percent']}% of a core" + (f" ({busy})" if busy else "")
                      + f", accept queue max {v['accept_queue_max']}")
        log = r.get("server_log", {})
        if log.get("warnings"):
            print(f"  server log: {log['warnings']} warning/critical lines, e.g.:")
            for text in log.get("examples", []):
                print(f"    {text}")


def summarize(work, out, scenarios):
    rows = {}
    for name in scenarios:
        directory = os.path.join(work, name)
        rows[name] = summarize_scenario(directory, load(os.path.join(directory, "meta.json")))
    print_table(rows)
    targets = {"connect_10000_seconds": TARGET_CONNECT_10K_S, "rss_per_connection_kb": TARGET_RSS_KB,
               "broadcast_p99_ms": TARGET_BROADCAST_P99_MS, "rest_ms": TARGET_REST_MS}
    with open(out, "w") as f:
        json.dump({"targets": targets, "scenarios": rows}, f, indent=1)
    print(f"\nwrote {out}")


def main(argv):
    command = argv[1]
    if command == "sample":
        sample(argv[2], argv[3:])
    elif command == "rest":
        rest(argv[2], float(argv[3]), float(argv[4]), argv[5], argv[6], [int(p) for p in argv[7:]])
    elif command == "monitor":
        monitor(argv[2], float(argv[3]), argv[4], argv[5:])
    elif command == "summarize":
        summarize(argv[2], argv[3], argv[4:])
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv)
