#!/usr/bin/env bash
# The balancer benchmark: builds Release and prints the time of one recommendation pass over 1,000 hosts
# and 20,000 VMs (20 clusters of 50 hosts), goal < 1 s; no simulator, no database. Pass
# "CLUSTERS HOSTS_PER_CLUSTER VMS_PER_CLUSTER [RUNS]" for another shape. See docs/benchmarks.md#balancer.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build bench/Monitoring.Benchmarks.Balancer/Monitoring.Benchmarks.Balancer.csproj -c Release --nologo -v quiet
bench/Monitoring.Benchmarks.Balancer/bin/Release/net10.0/Monitoring.Benchmarks.Balancer "$@"
