#!/usr/bin/env bash
# Installs Debian packages the project's scripts need (ensure-chromium.sh, ensure-ocr.sh): as root, or with
# sudo when it asks for no password; apt-get update only when the first try fails.
# Usage: apt-install.sh ERROR_CODE "what to do instead" "what for" package…
set -euo pipefail
code=$1 instead=$2 purpose=$3
shift 3
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error $code: no $* and no apt-get; $instead" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "error $code: installing $* needs root: apt-get install $*, or $instead" >&2
    exit 1
  fi
fi
echo "installing Debian's $* for $purpose (once)" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y --no-install-recommends "$@" >&2 ||
  { $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends "$@" >&2; }
