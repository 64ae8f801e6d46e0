#!/usr/bin/env bash
# Debian's chromium for the browser test (test/graphiql.test.ts), installed once when missing.
# LUOCDO_CHROMIUM names another binary instead.
set -euo pipefail
if [ -n "${LUOCDO_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then exit 0; fi
bash "$(dirname "$0")/apt-install.sh" CHROMIUM_MISSING "install Chromium or set LUOCDO_CHROMIUM" "the browser test" chromium
