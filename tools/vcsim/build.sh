#!/usr/bin/env bash
# Build the vcsim simulator binary from main.go (next to this script).
# Usage: build.sh [OUTDIR]   (default: ${XDG_CACHE_HOME:-$HOME/.cache}/monitoring-vcsim)
# Progress goes to stderr; the only stdout line is the absolute path of the binary,
# so callers can do: VCSIM=$(tools/vcsim/build.sh)
set -euo pipefail

log() { echo "vcsim/build.sh: $*" >&2; }

# Resolve our own folder so this works from any cwd and when copied (with main.go)
# into another directory, e.g. bin/.../vcsim/ by the .NET build.
SRC_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ $# -ge 1 && -n "$1" ]]; then
  OUTDIR="$1"
elif [[ -n "${XDG_CACHE_HOME:-}" ]]; then
  OUTDIR="$XDG_CACHE_HOME/monitoring-vcsim"
elif [[ -n "${HOME:-}" ]]; then
  OUTDIR="$HOME/.cache/monitoring-vcsim"
else
  log "HOME and XDG_CACHE_HOME are unset; pass OUTDIR"
  exit 2
fi
mkdir -p "$OUTDIR"
OUTDIR="$(cd "$OUTDIR" && pwd)"
BIN="$OUTDIR/vcsim"

# Debian ships govmomi only as a library under /usr/share/gocode (GOPATH layout).
ensure_packages() {
  local missing=() p
  for p in golang-go golang-github-vmware-govmomi-dev; do
    # dpkg -s succeeds for removed-but-configured packages too, so check the status line.
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0

  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { log "need root or sudo to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  log "installing ${missing[*]}"
  # stdout of apt goes to stderr: our stdout must carry only the binary path.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
}

if [[ -x "$BIN" && "$BIN" -nt "$SRC_DIR/main.go" && "$BIN" -nt "$SRC_DIR/build.sh" ]]; then
  log "up to date: $BIN"
else
  ensure_packages
  # The go cache must be writable; without HOME, go cannot pick a default.
  if [[ -z "${GOCACHE:-}" ]]; then
    if [[ -n "${HOME:-}" && -w "${HOME}" ]]; then
      export GOCACHE="${XDG_CACHE_HOME:-$HOME/.cache}/go-build"
    else
      export GOCACHE="$OUTDIR/go-build"
    fi
  fi
  log "building $BIN (GOCACHE=$GOCACHE)"
  # Build into a temp name and rename, so a concurrent caller never runs a half-written binary.
  (cd "$SRC_DIR" && GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= CGO_ENABLED=0 \
      go build -o "$BIN.tmp.$$" main.go) >&2
  mv -f "$BIN.tmp.$$" "$BIN"
fi

echo "$BIN"
