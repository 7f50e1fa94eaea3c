#!/usr/bin/env bash
# The demo: builds and starts govmomi's vCenter simulator and runs the service against it on SQLite
# (./data), printing the inventory and the URLs; Ctrl+C stops both. Installs what it needs first.
# Extra arguments go to the demo verb (e.g. --once: one pass, print, exit).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-peers.sh
dotnet run --project src/Monitoring.Service -c Release -- demo "$@"
