#!/usr/bin/env bash
# Debian's tesseract (with its Vietnamese data) and poppler's pdftoppm, which read scanned PDFs by OCR
# (src/read/ocr.ts), installed once when missing.
set -euo pipefail
have_vie() { tesseract --list-langs 2>/dev/null | grep -qx vie; }
if command -v pdftoppm >/dev/null 2>&1 && command -v tesseract >/dev/null 2>&1 && have_vie; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error OCR_MISSING: no tesseract-ocr, tesseract-ocr-vie or poppler-utils and no apt-get; install them, or use --no-ocr (LUOCDO_OCR=false)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "error OCR_MISSING: installing OCR needs root: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils, or use --no-ocr (LUOCDO_OCR=false)" >&2
    exit 1
  fi
fi
echo "installing Debian's tesseract-ocr, tesseract-ocr-vie and poppler-utils for OCR of scanned PDFs (once)" >&2
export DEBIAN_FRONTEND=noninteractive
pkgs=(tesseract-ocr tesseract-ocr-vie poppler-utils)
$sudo apt-get install -y --no-install-recommends "${pkgs[@]}" >&2 ||
  { $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends "${pkgs[@]}" >&2; }
if ! have_vie; then
  echo "error OCR_MISSING: tesseract has no Vietnamese data (vie) after installing tesseract-ocr-vie" >&2
  exit 1
fi
