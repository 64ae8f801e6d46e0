#!/usr/bin/env bash
# Debian's tesseract (with its Vietnamese data) and poppler's pdftoppm, which read scanned PDFs by OCR
# (src/read/ocr.ts), installed once when missing.
set -euo pipefail
have_vie() { tesseract --list-langs 2>/dev/null | grep -qx vie; }
if command -v pdftoppm >/dev/null 2>&1 && command -v tesseract >/dev/null 2>&1 && have_vie; then exit 0; fi
bash "$(dirname "$0")/apt-install.sh" OCR_MISSING "use --no-ocr (LUOCDO_OCR=false)" "OCR of scanned PDFs" \
  tesseract-ocr tesseract-ocr-vie poppler-utils
if ! have_vie; then
  echo "error OCR_MISSING: tesseract has no Vietnamese data (vie) after installing tesseract-ocr-vie" >&2
  exit 1
fi
