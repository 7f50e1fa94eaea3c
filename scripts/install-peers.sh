#!/usr/bin/env bash
# Installs what the tests and the demo need beyond the .NET SDK, from Debian's packages:
# the Go toolchain and govmomi (to build the vCenter simulator) and pyvmomi (an independent
# vSphere client the tests cross-check against) and Prometheus (promtool checks our exposition).
# Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(golang-go golang-github-vmware-govmomi-dev python3-pyvmomi prometheus)
# WinRM: gss-ntlmssp is the real NTLM server side of the WS-Management test endpoint; python3-winrm is an
# independent WinRM client (NTLM with message encryption) checked against that endpoint.
packages+=(gss-ntlmssp python3-winrm)
# WinRM Kerberos: MIT's KDC (krb5kdc, kdb5_util), kadmin.local (krb5-admin-server) and kinit (krb5-user); the
# integration tests run a throwaway realm on 127.0.0.1 as the test user (no service is configured or started).
packages+=(krb5-kdc krb5-admin-server krb5-user)
# Alert exports: the real Alertmanager (and amtool) receives our pushed alerts in the integration tests.
packages+=(prometheus-alertmanager)
# Headless Chromium: the capacity report's HTML is opened in it, and the web console's browser tests drive it
# through Playwright for .NET (its driver comes with the NuGet package; Playwright's own browser download is never used).
packages+=(chromium)

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-peers: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Node.js and npm (Debian's nodejs and npm) run the dashboard type check and the OTLP receiver's
# decoder. Checked by command, not by package: a Node.js from elsewhere that brings its own npm will do.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-peers: installing ${missing[*]}" >&2
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >&2
fi

# The repository's own .NET tools (dotnet-ef for migrations).
dotnet tool restore >&2

# PowerShell 7 (a .NET tool, kept in .tools/pwsh): the integration tests run the management pack's scripts with it.
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -x "$root/.tools/pwsh/pwsh" ]; then
  echo "install-peers: installing PowerShell 7.6.9 into .tools/pwsh" >&2
  dotnet tool install PowerShell --version 7.6.9 --tool-path "$root/.tools/pwsh" >&2
fi

# npm packages the tests use (dashboards/tools/package.json, exact versions, no lock file): Grafana's
# dashboard types with TypeScript, and OpenTelemetry's OTLP decoder. Installed only when one is missing
# or at another version.
tools="$(cd "$(dirname "$0")/.." && pwd)/dashboards/tools"
if ! (cd "$tools" && node -e '
  const wanted = require("./package.json").dependencies;
  for (const [name, version] of Object.entries(wanted)) {
    if (require(`./node_modules/${name}/package.json`).version !== version) process.exit(1);
  }' >/dev/null 2>&1); then
  echo "install-peers: npm install in dashboards/tools" >&2
  (cd "$tools" && npm install --no-audit --no-fund --no-package-lock --loglevel=error >&2)
fi
