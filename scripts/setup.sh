#!/usr/bin/env bash
# Installs the system packages MTLFormulas needs (GSL, OpenBLAS, pkg-config) on Debian/Ubuntu.
# As root it runs apt-get; otherwise it prints the exact command and exits non-zero.
set -euo pipefail

packages=(libgsl-dev libopenblas-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "setup: installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: missing system packages; run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: swift not found; install Swift 6.3 from https://swift.org/install/linux/ and put it on PATH" >&2
  exit 1
fi
