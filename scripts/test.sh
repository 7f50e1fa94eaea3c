#!/usr/bin/env bash
# Runs every test: unit tests (no peer) and integration tests (real vCenter simulator, pyvmomi,
# promtool, systemd-analyze). Installs what they need first. Extra arguments go to `dotnet test`
# (e.g. --filter). Unit tests alone: dotnet test tests/Monitoring.Tests
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-peers.sh
tools/vcsim/build.sh >/dev/null   # build the simulator once, before tests start it in parallel

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Monitoring.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# One closing line over both test projects, the way CI and people read a run.
awk '/^ +Passed: +[0-9]+/ {p+=$2} /^ +Failed: +[0-9]+/ {f+=$2} /^ +Skipped: +[0-9]+/ {s+=$2}
     END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}' "$log"
exit "$status"
