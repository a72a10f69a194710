#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (the fuzz preset: Clang, ASan + UBSan) and fuzzes each one for its
# share of a time budget. Exits non-zero on any finding and says where the input that caused it was written.
#   scripts/fuzz.sh                              60 s in all, 20 s per target (what scripts/test.sh and CI run)
#   NATTER_FUZZ_SECONDS=3600 scripts/fuzz.sh     a longer campaign, split evenly between the targets
#   scripts/fuzz.sh http protocol                only these targets (websocket, protocol, http)
# What a run learns is kept in build/fuzz/corpus/<target>, so the next run carries on from there; findings go to
# build/fuzz/findings/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
natter_install_packages "${NATTER_BUILD_PACKAGES[@]}" "${NATTER_FUZZ_PACKAGES[@]}"

targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=(websocket protocol http)
fi
budget="${NATTER_FUZZ_SECONDS:-60}"
share=$((budget / ${#targets[@]}))
((share >= 1)) || share=1

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

build=build/fuzz
failed=()
for target in "${targets[@]}"; do
    binary="$build/tests/fuzz/fuzz_$target"
    if [[ ! -x $binary ]]; then
        echo "no fuzz target '$target' (there are: websocket, protocol, http)" >&2
        exit 2
    fi
    corpus="$build/corpus/$target"
    findings="$build/findings/$target"
    log="$build/fuzz_$target.log"
    mkdir -p "$corpus" "$findings"
    options=(-max_total_time="$share" -timeout=10 -artifact_prefix="$findings/" -print_final_stats=1)
    if [[ -f tests/fuzz/$target.dict ]]; then
        options+=(-dict="tests/fuzz/$target.dict")
    fi
    echo "==> fuzz_$target for ${share} s"
    # New inputs go to the first corpus directory; the committed seeds stay as they are.
    if "$binary" "${options[@]}" "$corpus" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
        grep -E '^Done [0-9]+ runs' "$log" | sed "s/^/    /" || true
    else
        failed+=("$target")
        echo "!!! fuzz_$target found a problem; the end of its log ($log):" >&2
        tail -n 80 "$log" >&2
        while read -r input; do
            echo "!!! the input is in $input; reproduce with: $binary $input" >&2
        done < <(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log")
    fi
done

echo "fuzz: $((${#targets[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
((${#failed[@]} == 0))
