#!/usr/bin/env bash
# The /metrics scrape benchmark: builds Release and prints the scrape time, bytes and allocation of a
# 10,000-VM estate (and of one with as many VM series as 10,000 VMs x 20) through the product, beside
# prometheus-net alone serialising the same series. No simulator needed; about a minute.
# `scripts/bench-scrape.sh publish [VMS]` instead prints what publishing a first and later passes of
# VMS VMs (default 20,000) costs. See docs/benchmarks.md#metrics-scrape and #metrics-publish.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build bench/Monitoring.Benchmarks/Monitoring.Benchmarks.csproj -c Release --nologo -v quiet
bin=bench/Monitoring.Benchmarks/bin/Release/net10.0/Monitoring.Benchmarks
if [ "${1:-}" = publish ]; then
    exec "$bin" publish "${2:-20000}"
fi
"$bin" scrape "${1:-10000}"
# 200,000 VM series: the series count of 10,000 VMs x 20 series, with the product's 12 series per VM.
[ $# -gt 0 ] || "$bin" scrape 16667
