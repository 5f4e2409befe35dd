#!/usr/bin/env python3
"""AssumeRole's latency percentiles from what the parallel account checks left behind.

  assume-percentiles.py checks FILE...     each account's `assumeRoleMilliseconds` in `crossgate accounts check
                                           --output json` outputs: the time from sending AssumeRole to having read
                                           its answer, as the platform saw it
  assume-percentiles.py log FILE SKIP      the `sts AssumeRole ... N.Nms` lines of `crossgate serve --access-log`
                                           after its first SKIP lines: the server's own time for the call

Prints the number of calls, p50, p95 and max in milliseconds.
"""
import json
import re
import statistics
import sys


def percentiles(label, samples):
    if not samples:
        sys.exit(f"{label}: no samples")
    samples.sort()
    # Nearest rank: the smallest sample that at least 95% of the samples do not exceed.
    p95 = samples[max(0, -(-95 * len(samples) // 100) - 1)]
    print(f"{label}: {len(samples)} calls, p50 {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms, "
          f"max {samples[-1]:.1f} ms")


mode, *rest = sys.argv[1:]
if mode == "checks":
    samples = []
    for path in rest:
        with open(path) as f:
            samples += [a["assumeRoleMilliseconds"] for a in json.load(f) if a["assumeRoleMilliseconds"] is not None]
    percentiles("AssumeRole as the checks saw it", samples)
elif mode == "log":
    path, skip = rest[0], int(rest[1])
    line = re.compile(r" sts AssumeRole .* status=200 .* ([0-9.]+)ms$")
    with open(path) as f:
        samples = [float(m.group(1)) for m in map(line.search, f.readlines()[skip:]) if m]
    percentiles("AssumeRole inside the server", samples)
else:
    sys.exit(__doc__)
