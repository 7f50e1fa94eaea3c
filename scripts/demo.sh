#!/usr/bin/env bash
# The demo: builds and starts govmomi's vCenter simulator, collects it into SQLite (./data) and
# prints the inventory. Installs what it needs first. Extra arguments go to the demo verb.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-peers.sh
dotnet run --project src/Monitoring.Service -c Release -- demo "$@"
