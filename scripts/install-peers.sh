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

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-peers: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-peers: installing ${missing[*]}" >&2
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >&2
fi

# The repository's own .NET tools (dotnet-ef for migrations).
dotnet tool restore >&2
