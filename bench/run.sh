#!/usr/bin/env bash
# Natter engine benchmark: starts the release server on a free loopback port,
# drives it with natter-loadgen through scenarios A-D, prints a summary table
# and writes bench/results/engine.json. See bench/README.md.
#
# Environment:
#   BENCH_QUICK=1      short smoke run (2 s periods, 2000 idle connections)
#   LOADGEN_THREADS=N  load generator threads (default 1)
#   NATTER_SERVER, NATTER_LOADGEN
#                      binaries to use instead of build/release/...
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Prints the summary table and assembles bench/results/engine.json.
summarize() {
    python3 - "$WORK" "$RESULTS/engine.json" "$QUICK" "$THREADS" <<'PY'
import json, os, platform, sys, time

work, out_path, quick, threads = sys.argv[1], sys.argv[2], sys.argv[3] == "1", int(sys.argv[4])
runs = {name: json.load(open(os.path.join(work, name + ".json"))) for name in "ABCD"}

def broadcast_row(run):
    b, s, c = run["broadcast"], run.get("server", {}), run["config"]
    return {
        "clients": run["connect"]["connected"],
        "senders": c["senders"],
        "rate": c["rate"],
        "messages_per_second": b["messages_per_second"],
        "deliveries_per_second": b["deliveries_per_second"],
        "latency_p50_ms": b["latency_ms"]["p50"],
        "latency_p99_ms": b["latency_ms"]["p99"],
        "latency_max_ms": b["latency_ms"]["max"],
        "loss_percent": b["loss_percent"],
        "disconnects": sum(run["disconnects"].values()),
        "server_cpu_percent": s.get("cpu_percent"),
        "server_us_per_delivery": s.get("us_per_delivery"),
        "server_rss_mb": s["rss_kb"] / 1024 if "rss_kb" in s else None,
        "loadgen_cpu_percent": run["loadgen"]["cpu_percent"],
    }

d = runs["D"]
summary = {
    "A": broadcast_row(runs["A"]),
    "B": broadcast_row(runs["B"]),
    "C": broadcast_row(runs["C"]),
    "D": {
        "requested": d["connect"]["requested"],
        "connected": d["connect"]["connected"],
        "open_at_end": d["idle"]["open_at_end"],
        "connect_seconds": d["connect"]["seconds"],
        "server_rss_before_mb": d["server"]["rss_before_kb"] / 1024,
        "server_rss_after_mb": d["server"]["rss_kb"] / 1024,
        "server_rss_per_connection_kb": d["server"]["rss_per_connection_kb"],
    },
}

titles = {
    "A": "A  1 room x 100, 10 senders, paced",
    "B": "B  1 room x 1000, 10 senders, paced",
    "C": "C  1 room x 1000, saturation",
}
def fmt(value, spec):
    return "-" if value is None else format(value, spec)

print()
print("Natter engine benchmark" + (" (BENCH_QUICK smoke run)" if quick else ""))
print(f"{'scenario':38} {'msg/s':>8} {'deliv/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'loss %':>7} {'drops':>5}"
      f" {'srv CPU%':>8} {'us/deliv':>8} {'srv RSS MB':>10} {'gen CPU%':>8}")
for key in "ABC":
    r = summary[key]
    print(f"{titles[key]:38} {r['messages_per_second']:8.0f} {r['deliveries_per_second']:10.0f}"
          f" {r['latency_p50_ms']:8.3f} {r['latency_p99_ms']:8.3f} {r['loss_percent']:7.3f} {r['disconnects']:5d}"
          f" {fmt(r['server_cpu_percent'], '8.1f')} {fmt(r['server_us_per_delivery'], '8.2f')}"
          f" {fmt(r['server_rss_mb'], '10.1f')} {r['loadgen_cpu_percent']:8.1f}")
r = summary["D"]
print(f"{'D  ' + str(r['requested']) + ' idle connections':38} connected {r['connected']}/{r['requested']}"
      f" in {r['connect_seconds']:.2f} s, {r['open_at_end']} open after the hold;"
      f" server RSS {r['server_rss_before_mb']:.1f} -> {r['server_rss_after_mb']:.1f} MB"
      f" = {r['server_rss_per_connection_kb']:.2f} KB per connection")

result = {
    "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    "quick": quick,
    "host": {"cpus": os.cpu_count(), "kernel": platform.release()},
    "loadgen_threads": threads,
    "summary": summary,
    "scenarios": runs,
}
with open(out_path, "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
print(f"\nwrote {out_path}")
PY
}

build_if_missing
raise_fd_limit
mkdir -p "$RESULTS"
start_server

# D runs first, on a fresh server: memory freed by the broadcast scenarios
# (queued frames in particular) would otherwise be reused by the idle
# connections and hide their cost.
run_loadgen D idle --room bench-d --clients "$IDLE_CLIENTS" --hold "$HOLD"
run_loadgen A broadcast --room bench-a --clients 100 --senders 10 --rate 1000 \
    --warmup "$WARMUP" --duration "$DURATION"
run_loadgen B broadcast --room bench-b --clients 1000 --senders 10 --rate 100 \
    --warmup "$WARMUP" --duration "$DURATION"
run_loadgen C broadcast --room bench-c --clients 1000 --senders 10 --rate 0 --window 16 \
    --warmup "$WARMUP" --duration "$DURATION"

stop_server || fail "server did not exit on SIGTERM"
summarize
