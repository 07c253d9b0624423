#!/usr/bin/env bash
# The Debian packages the tests need: Chromium for the UI tests, LibreOffice and CJK fonts for the render
# tests, poppler for reading the PDFs. Installs only what is missing; needs root (or prints what to install).
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftotext >/dev/null || need+=(poppler-utils)
fc-list 2>/dev/null | grep -q 'Noto Serif CJK' || need+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -q 'AR PL UKai' || need+=(fonts-arphic-ukai)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: ${need[*]} (run: sudo apt-get install ${need[*]})" >&2
  exit 1
fi
echo "installing: ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
