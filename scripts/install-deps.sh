#!/usr/bin/env bash
# Installs the Debian packages pyglass needs to build and test, when missing.
# Safe to run again: it only calls apt-get when something is absent.
set -euo pipefail

packages=(
  g++ make cmake ninja-build pkg-config python3
  libgmp-dev libfmt-dev libpcre2-dev libcli11-dev libgtest-dev
  nlohmann-json3-dev libdw-dev libelf-dev libunwind-dev gdb binutils
  liblldb-16-dev lldb-16
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
