#!/usr/bin/env bash
# The WinRM benchmark: builds Release and polls 1,000 Hyper-V hosts (one inventory plus one realtime pass
# each, through the product's WinRM collectors) against a reply server that adds 50 ms to every request;
# prints hosts polled per minute and CPU time per host poll, cold and warm. About a minute.
# Options: --hosts N, --concurrency C, --delay-ms D. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build bench/Monitoring.Benchmarks.WinRM/Monitoring.Benchmarks.WinRM.csproj -c Release --nologo -v quiet
exec bench/Monitoring.Benchmarks.WinRM/bin/Release/net10.0/Monitoring.Benchmarks.WinRM "$@"
