#!/usr/bin/env bash
# The scale benchmark: publishes the benchmark for this platform (Release, precompiled like the service's
# platform publish), starts the vCenter simulator with 20 clusters x 50 hosts x 20,000 VMs, and prints one
# inventory plus one realtime pass of ours beside the raw floor of the same requests, twice: the first pass of a
# fresh process (cold) and the next pass on the same session (warm), then five more rounds of the next pass, floor and
# ours alternating, with their median ratio. Takes about four minutes. Extra arguments go to the benchmark (--keep
# keeps its temp folder, --rounds N sets the rounds, 0-50). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "bench.sh: no .NET runtime identifier known for $(uname -m)" >&2; exit 2 ;;
esac

vcsim=$(tools/vcsim/build.sh)
out=bench/Monitoring.Benchmarks/bin/publish-$rid
dotnet publish bench/Monitoring.Benchmarks/Monitoring.Benchmarks.csproj -c Release -r "$rid" --self-contained false -o "$out" --nologo -v quiet
exec "$out/Monitoring.Benchmarks" --vcsim "$vcsim" "$@"
