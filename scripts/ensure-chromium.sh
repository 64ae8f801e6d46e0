#!/usr/bin/env bash
# Debian's chromium for the browser test (test/graphiql.test.ts), installed once when missing.
# LUOCDO_CHROMIUM names another binary instead.
set -euo pipefail
if [ -n "${LUOCDO_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error CHROMIUM_MISSING: no chromium and no apt-get; install Chromium or set LUOCDO_CHROMIUM" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "error CHROMIUM_MISSING: installing chromium needs root: apt-get install chromium, or set LUOCDO_CHROMIUM" >&2
    exit 1
  fi
fi
echo "installing Debian's chromium for the browser test (once)" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y --no-install-recommends chromium >&2 ||
  { $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends chromium >&2; }
