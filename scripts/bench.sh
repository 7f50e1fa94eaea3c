#!/usr/bin/env bash
# The scale benchmark: builds Release, starts the vCenter simulator with 20 clusters x 50 hosts x
# 20,000 VMs, and prints one inventory plus one realtime pass of ours beside the raw floor of the same
# requests. Takes about two minutes. Extra arguments go to the benchmark (--keep keeps its temp folder).
# See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

vcsim=$(tools/vcsim/build.sh)
dotnet build bench/Monitoring.Benchmarks/Monitoring.Benchmarks.csproj -c Release --nologo -v quiet
exec bench/Monitoring.Benchmarks/bin/Release/net10.0/Monitoring.Benchmarks --vcsim "$vcsim" "$@"
