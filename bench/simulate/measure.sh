#!/usr/bin/env bash
# What a user waits for: `crossgate simulate` on 20,000 generated scenarios, whole process, start-up included.
# Publishes the native (AOT) crossgate once, then runs it RUNS times and prints each wall time, the fastest and the
# median. Usage: bench/simulate/measure.sh [SCENARIOS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-20000}"
runs="${2:-15}"
work="${TMPDIR:-/tmp}/crossgate-simulate-bench"
mkdir -p "$work"

python3 bench/simulate/generate-scenarios.py "$count" "$work/scenarios.json" >/dev/null
if [ ! -x "$work/bin/crossgate" ] || [ -n "${REBUILD:-}" ]; then
  echo "publishing the native crossgate into $work/bin ..." >&2
  dotnet publish src/Crossgate.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/bin" >"$work/publish.log" 2>&1 \
    || { tail -20 "$work/publish.log" >&2; exit 1; }
fi

# One run to warm the page cache, then the measured ones.
"$work/bin/crossgate" simulate "$work/scenarios.json" --output json >/dev/null
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$work/bin/crossgate" simulate "$work/scenarios.json" --output json >"$work/answers.json"
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
done

sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "scenarios: $count ($(du -h "$work/scenarios.json" | cut -f1) in, $(du -h "$work/answers.json" | cut -f1) out)"
echo "runs (ms): ${times[*]}"
echo "fastest: ${sorted[0]} ms, median: ${sorted[$(( ${#sorted[@]} / 2 ))]} ms"
