#!/usr/bin/env bash
# Regenerates dashboards/prometheus/virt-rules.yml from the default thresholds (Monitoring:Thresholds):
# the file is the output of `monitoring rules`, and a unit test fails when the two differ.
# To generate rules for your own thresholds instead: monitoring rules --config FILE --out FILE
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p dashboards/prometheus
# An empty environment for the Monitoring section: the checked-in file is the defaults' rules.
env $(env | grep -o '^Monitoring__[^=]*' | sed 's/^/-u /') \
  dotnet run --project src/Monitoring.Service -c Release -- rules --out dashboards/prometheus/virt-rules.yml
echo "wrote dashboards/prometheus/virt-rules.yml" >&2
