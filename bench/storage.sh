#!/usr/bin/env bash
# What durable storage costs: the same load against the server in memory, on SQLite with synchronous=FULL,
# and on SQLite with synchronous=NORMAL. Prints one table and writes bench/results/storage.json.
#   S  1 room x 100 clients, 10 senders, as fast as they can: throughput. Each sender keeps STORAGE_WINDOW
#      (default 64) messages in flight. A closed loop with a small window measures latency, not capacity: with
#      window w, throughput is at most 10 w / (round trip), and every durable round trip includes an fsync.
#      A window large enough to keep the server busy shows what group commit does (one fsync per batch).
#   P  1 room x 100 clients, 10 senders, paced at 1000 msg/s (100k deliveries/s, the engine benchmark's A): latency
# Environment: BENCH_QUICK=1 for a short smoke run; STORAGE_WINDOW; LOADGEN_THREADS as for run.sh.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build_if_missing
raise_fd_limit
mkdir -p "$RESULTS"

for mode in memory full normal; do
    case "$mode" in
        memory) SERVER_ARGS="--database memory" ;;
        full) SERVER_ARGS="--database sqlite:$WORK/full.sqlite --sqlite-synchronous full" ;;
        normal) SERVER_ARGS="--database sqlite:$WORK/normal.sqlite --sqlite-synchronous normal" ;;
    esac
    export SERVER_ARGS
    start_server
    run_loadgen "S-$mode" broadcast --room bench-s --clients 100 --senders 10 --rate 0 --window "${STORAGE_WINDOW:-64}" \
        --warmup "$WARMUP" --duration "$DURATION"
    run_loadgen "P-$mode" broadcast --room bench-p --clients 100 --senders 10 --rate 1000 \
        --warmup "$WARMUP" --duration "$DURATION"
    stop_server || fail "server did not exit on SIGTERM"
done

python3 - "$WORK" "$RESULTS/storage.json" "${STORAGE_WINDOW:-64}" <<'PY'
import json, os, sys
work, out_path, window = sys.argv[1], sys.argv[2], sys.argv[3]
load = lambda name: json.load(open(os.path.join(work, name + ".json")))
modes = {"memory": "in memory", "full": "SQLite, synchronous=FULL", "normal": "SQLite, synchronous=NORMAL"}
rows = {}
for mode in modes:
    s, p = load("S-" + mode), load("P-" + mode)
    rows[mode] = {
        "saturation_messages_per_second": s["broadcast"]["messages_per_second"],
        "saturation_deliveries_per_second": s["broadcast"]["deliveries_per_second"],
        "saturation_p99_ms": s["broadcast"]["latency_ms"]["p99"],
        "paced_deliveries_per_second": p["broadcast"]["deliveries_per_second"],
        "paced_p50_ms": p["broadcast"]["latency_ms"]["p50"],
        "paced_p99_ms": p["broadcast"]["latency_ms"]["p99"],
        "loss_percent": max(s["broadcast"]["loss_percent"], p["broadcast"]["loss_percent"]),
    }
base = rows["memory"]["saturation_deliveries_per_second"]
print()
print(f"Durable storage vs memory (1 room x 100 clients, 10 senders; saturation with window {window})")
print(f"{'storage':28} {'sat. msg/s':>10} {'sat. deliv/s':>12} {'vs memory':>9} {'sat. p99':>9}"
      f" {'paced p50':>9} {'paced p99':>9} {'loss %':>7}")
for mode, title in modes.items():
    r = rows[mode]
    ratio = r["saturation_deliveries_per_second"] / base if base else 0
    r["throughput_vs_memory"] = ratio
    print(f"{title:28} {r['saturation_messages_per_second']:10.0f} {r['saturation_deliveries_per_second']:12.0f}"
          f" {ratio * 100:8.1f}% {r['saturation_p99_ms']:8.2f}ms {r['paced_p50_ms']:8.2f}ms {r['paced_p99_ms']:8.2f}ms"
          f" {r['loss_percent']:7.3f}")
with open(out_path, "w") as f:
    json.dump({"rows": rows, "scenarios": {n: load(n) for n in [f"{k}-{m}" for m in modes for k in "SP"]}}, f, indent=2)
print(f"\nwrote {out_path}")
PY
