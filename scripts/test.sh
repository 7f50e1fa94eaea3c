#!/usr/bin/env bash
# Runs every test: unit tests (no peer) and integration tests (real vCenter simulator, pyvmomi).
# Installs what they need first. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-peers.sh
tools/vcsim/build.sh >/dev/null   # build the simulator once, before tests start it in parallel

dotnet test Monitoring.sln -c Release --logger "console;verbosity=normal" "$@"
