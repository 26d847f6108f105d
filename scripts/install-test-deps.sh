#!/usr/bin/env bash
# Installs the Debian packages the tests need beyond Go and Node: Chromium
# (browser tests and PDF packs), poppler-utils (pdftotext, pdfinfo, pdffonts,
# pdftoppm for PDF tests) and a Khmer font. Needs root (apt-get).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -e /usr/share/fonts/truetype/khmeros ] || need+=(fonts-khmeros)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
