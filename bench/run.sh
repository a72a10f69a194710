#!/usr/bin/env bash
# Natter engine benchmark, side by side with a Node.js reference server on the ws package
# (bench/reference/node): every scenario runs against a fresh Natter server, then against a fresh
# reference server. Prints one table of the key figures with their targets and the ratios, and writes
# bench/results/engine.json, bench/results/sweep.json and bench/results/latency-vs-load.png.
# See bench/README.md and docs/PERFORMANCE.md.
#
# Environment:
#   BENCH_QUICK=1      short smoke run (short periods, 2000 idle connections, a two-point sweep)
#   BENCH_REFERENCE=0  measure Natter only
#   LOADGEN_THREADS=N  load generator threads (default 1)
#   NATTER_SERVER, NATTER_LOADGEN
#                      binaries to use instead of build/release/...
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REFERENCE="${BENCH_REFERENCE:-1}"
if [[ "$QUICK" == 1 ]]; then
    # Offered deliveries/s of the load sweep (100 clients: messages/s = deliveries/s / 100).
    SWEEP_RATES=(50000 200000)
    SWEEP_WARMUP=0.5 SWEEP_DURATION=1 SWEEP_DRAIN=1 E_DRAIN=1
else
    SWEEP_RATES=(25000 50000 100000 200000 400000)
    SWEEP_WARMUP=1 SWEEP_DURATION=4 SWEEP_DRAIN=2 E_DRAIN=5
fi
CHART="$RESULTS/latency-vs-load.png"

# scenario KIND NAME MODE [loadgen options...]: one scenario against a fresh server of KIND (natter or
# reference), which is stopped afterwards. A fresh process per scenario keeps the aftermath of one scenario
# out of the next: memory freed by queued frames would hide the cost of idle connections, and a server that
# fell behind would still be working off its backlog.
scenario() {
    local kind="$1" name="$2"
    shift 2
    if [[ "$kind" == natter ]]; then
        start_server
    else
        start_reference
    fi
    run_loadgen "$kind-$name" "$@"
    if [[ "$kind" == natter ]]; then
        stop_server || fail "the Natter server did not exit on SIGTERM"
    else
        # After an overload, Node may spend many seconds in one callback working off what it had read (each
        # chunk of input holds hundreds of messages to broadcast) before it gets to the signal.
        stop_server || log "the reference server was still working off its backlog; killed"
    fi
}

run_scenarios() {
    local kind="$1" rate
    scenario "$kind" D idle --room bench-d --clients "$IDLE_CLIENTS" --hold "$HOLD"
    scenario "$kind" A broadcast --room bench-a --clients 100 --senders 10 --rate 1000 \
        --warmup "$WARMUP" --duration "$DURATION"
    scenario "$kind" B broadcast --room bench-b --clients 1000 --senders 10 --rate 100 \
        --warmup "$WARMUP" --duration "$DURATION"
    scenario "$kind" C broadcast --room bench-c --clients 1000 --senders 10 --rate 0 --window 16 \
        --warmup "$WARMUP" --duration "$DURATION"
    # 1,000,000 deliveries/s offered; a server that cannot carry it is given E_DRAIN seconds after the
    # measured period, and what has not arrived by then counts as lost.
    scenario "$kind" E broadcast --room bench-e --clients 1000 --senders 10 --rate 1000 \
        --warmup "$WARMUP" --duration "$DURATION" --drain "$E_DRAIN"
    for rate in "${SWEEP_RATES[@]}"; do
        scenario "$kind" "S$rate" broadcast --room bench-s --clients 100 --senders 10 --rate "$((rate / 100))" \
            --warmup "$SWEEP_WARMUP" --duration "$SWEEP_DURATION" --drain "$SWEEP_DRAIN"
    done
}

# gnuplot draws the chart; Debian's gnuplot-nox is installed when missing and this runs as root.
have_gnuplot() {
    command -v gnuplot >/dev/null && return 0
    if [[ $(id -u) -eq 0 ]]; then
        source "$ROOT/scripts/dependencies.sh"
        natter_install_packages "${NATTER_BENCH_PACKAGES[@]}"
        command -v gnuplot >/dev/null && return 0
    fi
    log "warning: gnuplot is not installed (Debian package gnuplot-nox); no chart"
    return 1
}

# Prints the comparison table; writes engine.json and sweep.json, and the chart's data for gnuplot.
summarize() {
    python3 - "$WORK" "$RESULTS" "$QUICK" "$THREADS" "$REFERENCE" "$NODE_VERSION" "$WS_VERSION" \
        "${SWEEP_RATES[@]}" <<'PY'
import json, os, platform, sys, time

work, results, quick, threads = sys.argv[1], sys.argv[2], sys.argv[3] == "1", int(sys.argv[4])
with_reference, node_version, ws_version = sys.argv[5] != "0", sys.argv[6], sys.argv[7]
rates = [int(r) for r in sys.argv[8:]]
kinds = ["natter"] + (["reference"] if with_reference else [])

def load(kind, name):
    with open(os.path.join(work, f"{kind}-{name}.json")) as f:
        return json.load(f)

def broadcast_row(run):
    b, s, c = run["broadcast"], run.get("server", {}), run["config"]
    return {
        "clients": run["connect"]["connected"],
        "senders": c["senders"],
        "rate": c["rate"],
        "messages_per_second": b["messages_per_second"],
        "deliveries_per_second": b["deliveries_per_second"],
        "latency_count": b["latency_ms"]["count"],
        "latency_p50_ms": b["latency_ms"]["p50"],
        "latency_p90_ms": b["latency_ms"]["p90"],
        "latency_p99_ms": b["latency_ms"]["p99"],
        "latency_p999_ms": b["latency_ms"]["p999"],
        "latency_max_ms": b["latency_ms"]["max"],
        "loss_percent": b["loss_percent"],
        "missing_deliveries": b["missing_deliveries"],
        "max_send_lag_ms": b["max_send_lag_ms"],
        "disconnects": sum(run["disconnects"].values()),
        "server_cpu_percent": s.get("cpu_percent"),
        "server_us_per_delivery": s.get("us_per_delivery"),
        "server_rss_mb": s["rss_kb"] / 1024 if "rss_kb" in s else None,
        "loadgen_cpu_percent": run["loadgen"]["cpu_percent"],
    }

def idle_row(run):
    return {
        "requested": run["connect"]["requested"],
        "connected": run["connect"]["connected"],
        "open_at_end": run["idle"]["open_at_end"],
        "connect_seconds": run["connect"]["seconds"],
        "server_rss_before_mb": run["server"]["rss_before_kb"] / 1024,
        "server_rss_after_mb": run["server"]["rss_kb"] / 1024,
        "server_rss_per_connection_kb": run["server"]["rss_per_connection_kb"],
    }

runs, summary, sweep = {}, {}, {}
for kind in kinds:
    runs[kind] = {name: load(kind, name) for name in "DABCE"}
    summary[kind] = {name: broadcast_row(runs[kind][name]) for name in "ABCE"}
    summary[kind]["D"] = idle_row(runs[kind]["D"])
    sweep[kind] = []
    for rate in rates:
        run = load(kind, f"S{rate}")
        runs[kind][f"S{rate}"] = run
        sweep[kind].append({"offered_deliveries_per_second": rate, **broadcast_row(run)})

# --- the table: one row per figure, Natter and the reference side by side -----------------------------------

# Every scenario's figures by name, the sweep's points as S<rate>.
figures = {kind: {**summary[kind], **{f"S{p['offered_deliveries_per_second']}": p for p in sweep[kind]}}
           for kind in kinds}

def get(kind, scenario, field):
    return figures[kind][scenario][field] if kind in figures else None

def lossless(kind, scenario):
    row = figures[kind][scenario]
    return row["missing_deliveries"] == 0 and row["disconnects"] == 0

def percent(value):
    return f"{value:.0f}%" if value >= 10 else f"{value:.1f}%" if value >= 1 else f"{value:.2g}%"

def lost_note(kind, scenario):
    row = figures.get(kind, {}).get(scenario)
    if not row or (row["missing_deliveries"] == 0 and row["disconnects"] == 0):
        return ""
    note = f"{percent(row['loss_percent'])} lost" if row["missing_deliveries"] else ""
    return ", ".join(filter(None, [note, f"{row['disconnects']} dropped" if row["disconnects"] else ""]))

def ratio_text(natter, reference, higher_is_better, words):
    """How Natter compares: 'N.Nx <better word>' or 'N.Nx <worse word>'."""
    if words is None or natter is None or reference is None or natter <= 0 or reference <= 0:
        return "-"
    better, worse = words
    if (natter >= reference) == higher_is_better:
        return f"{max(natter, reference) / min(natter, reference):.1f}x {better}"
    return f"{max(natter, reference) / min(natter, reference):.1f}x {worse}"

def cell(value, unit, spec, kind=None, scenario=None):
    note = lost_note(kind, scenario) if scenario else ""
    if value is None:
        return note or "-"
    return f"{value:{spec}} {unit}" + (", " + note if note else "")

d_count = summary["natter"]["D"]["requested"]
rows = []

def add(key, label, target, field, scenario, unit, spec, higher_is_better, words, met=None, annotate=False):
    n, r = get("natter", scenario, field), get("reference", scenario, field)
    # A latency figure of a run in which no measured message arrived at all does not exist.
    if field.startswith("latency_"):
        n = None if get("natter", scenario, "latency_count") == 0 else n
        r = None if get("reference", scenario, "latency_count") == 0 else r
    rows.append({
        "key": key,
        "figure": label,
        "target": target,
        "natter": n,
        "reference": r,
        "unit": unit,
        "natter_text": cell(n, unit, spec, "natter", scenario if annotate else None),
        "reference_text": cell(r, unit, spec, "reference", scenario if annotate else None),
        "ratio": ratio_text(n, r, higher_is_better, words),
        "target_met": None if met is None else bool(met(n, r)),
    })

less, lower, more = ("less", "more"), ("lower", "higher"), ("more", "less")
add("cpu_per_delivery_a", "CPU per delivery, A (100k deliveries/s)", "<= 1 us, <= 1/5 of Node",
    "server_us_per_delivery", "A", "us", ".2f", False, less,
    lambda n, r: n is not None and n <= 1 and (r is None or n <= r / 5))
add("p99_a", "p99 latency, A (100k deliveries/s)", "<= 3 ms, nothing lost",
    "latency_p99_ms", "A", "ms", ".2f", False, lower,
    lambda n, r: n <= 3 and lossless("natter", "A"), annotate=True)
add("p99_e", "p99 latency, E (1000 x 1000 msg/s)", "<= 20 ms, nothing lost",
    "latency_p99_ms", "E", "ms", ".2f", False, lower,
    lambda n, r: n <= 20 and lossless("natter", "E"), annotate=True)
add("delivered_e", "delivered, E (1,000,000/s offered)", "",
    "deliveries_per_second", "E", "/s", ",.0f", True, more, annotate=True)
add("saturation_c", "saturation, C (1000 clients), deliv/s", ">= 1,000,000, >= 5x Node",
    "deliveries_per_second", "C", "/s", ",.0f", True, more,
    lambda n, r: n >= 1e6 and (r is None or n >= 5 * r))
add("loadgen_cpu_c", "  load generator CPU during C", "",
    "loadgen_cpu_percent", "C", "%", ".0f", False, None)
add("rss_per_connection_d", f"RSS per idle connection, D ({d_count:,})", "<= 5 KB",
    "server_rss_per_connection_kb", "D", "KB", ".2f", False, less,
    lambda n, r: n <= 5 and summary["natter"]["D"]["open_at_end"] == d_count)
add("connect_seconds_d", f"time to connect {d_count:,} clients, D", "<= 2 s",
    "connect_seconds", "D", "s", ".2f", False, ("faster", "slower"),
    lambda n, r: n <= 2 and summary["natter"]["D"]["connected"] == d_count)
add("cpu_per_delivery_b", "CPU per delivery, B (1000 x 100 msg/s)", "",
    "server_us_per_delivery", "B", "us", ".2f", False, less)
add("p99_b", "p99 latency, B (1000 x 100 msg/s)", "", "latency_p99_ms", "B", "ms", ".2f", False, lower,
    annotate=True)
for rate in rates:
    add(f"p99_sweep_{rate}", f"p99 latency, sweep at {rate // 1000}k deliveries/s", "",
        "latency_p99_ms", f"S{rate}", "ms", ".2f", False, lower, annotate=True)

header = ["figure", "target", "Natter", "Node ws" if with_reference else "Node ws (skipped)",
          "Natter vs Node", "met"]
table = [[r["figure"], r["target"] or "-", r["natter_text"], r["reference_text"], r["ratio"],
          "-" if r["target_met"] is None else ("yes" if r["target_met"] else "NO")] for r in rows]
widths = [max(len(line[i]) for line in table + [header]) for i in range(len(header))]
print()
print("Natter engine benchmark" + (" (BENCH_QUICK smoke run)" if quick else "")
      + (f", side by side with the Node.js ws reference (node {node_version}, ws {ws_version})" if with_reference else ""))
for line in [header, ["-" * w for w in widths]] + table:
    print("  ".join(text.ljust(w) if i < 2 else text.rjust(w) for i, (text, w) in enumerate(zip(line, widths))).rstrip())
if with_reference:
    print("Natter vs Node: how many times less CPU, lower latency, more throughput, less memory or faster")
    print("connecting Natter is than the reference (\"higher\", \"slower\", ... where it is not).")
print("Latency cells name any loss (deliveries still missing when the load generator stopped waiting)")
print("and any clients the server dropped.")

generated = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
host = {"cpus": os.cpu_count(), "kernel": platform.release()}
result = {
    "generated_at": generated,
    "quick": quick,
    "host": host,
    "loadgen_threads": threads,
    "summary": summary["natter"],
    "scenarios": runs["natter"],
    "comparison": rows,
}
if with_reference:
    result["reference"] = {
        "server": "bench/reference/node: Node.js and the ws package, one process",
        "node_version": node_version,
        "ws_version": ws_version,
        "summary": summary["reference"],
        "scenarios": runs["reference"],
    }
sweep_result = {
    "generated_at": generated,
    "quick": quick,
    "host": host,
    "load": "one room of 100 clients, 10 senders, 64-byte content, evenly paced",
    "points": sweep,
}
for name, data in [("engine.json", result), ("sweep.json", sweep_result)]:
    with open(os.path.join(results, name), "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")
    print(f"wrote {os.path.join(results, name)}")

# For gnuplot: one data file per server, the x tics, a subtitle.
for kind in kinds:
    with open(os.path.join(work, f"sweep-{kind}.dat"), "w") as f:
        f.write("# offered achieved p50 p90 p99 p99.9 loss%\n")
        for p in sweep[kind]:
            # No latency without a delivery: NaN leaves the point out of the chart.
            ms = [p[f"latency_{q}_ms"] if p["latency_count"] else float("nan") for q in ("p50", "p90", "p99", "p999")]
            f.write(f"{p['offered_deliveries_per_second']} {p['deliveries_per_second']:.0f} "
                    + " ".join(f"{v:.4f}" for v in ms) + f" {p['loss_percent']:.4f}\n")
with open(os.path.join(work, "sweep-xtics"), "w") as f:
    f.write("(" + ", ".join(f'"{r // 1000}k" {r}' for r in rates) + ")")
with open(os.path.join(work, "sweep-subtitle"), "w") as f:
    f.write(f"{generated[:10]}, {os.cpu_count()} CPUs, load generator on the same machine"
            + (", short smoke run" if quick else "")
            + (f"; Node {node_version}, ws {ws_version}" if with_reference else ""))
PY
}

build_if_missing
raise_fd_limit
mkdir -p "$RESULTS"
NODE_VERSION="" WS_VERSION=""
if [[ "$REFERENCE" != 0 ]]; then
    prepare_reference
    NODE_VERSION="$(node --version)"
    WS_VERSION="$(node -p "require('$REFERENCE_DIR/node_modules/ws/package.json').version")"
fi
have_gnuplot && GNUPLOT=1 || GNUPLOT=0

run_scenarios natter
[[ "$REFERENCE" == 0 ]] || run_scenarios reference

summarize
if [[ "$GNUPLOT" == 1 ]]; then
    gnuplot -e "natter='$WORK/sweep-natter.dat'" \
        -e "reference='$([[ "$REFERENCE" == 0 ]] || echo "$WORK/sweep-reference.dat")'" \
        -e "output='$CHART'" -e "xtics='$(cat "$WORK/sweep-xtics")'" -e "subtitle='$(cat "$WORK/sweep-subtitle")'" \
        "$ROOT/bench/latency-vs-load.gp"
    echo "wrote $CHART"
fi
