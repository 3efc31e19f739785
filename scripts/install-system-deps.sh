#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Screenproof needs, only those missing.
# Tesseract and its Chinese model do the OCR; the lib* packages are what Qt's
# wheels load at run time (found by trial on bare Debian 12, see STACK.md);
# poppler-utils renders and checks PDFs in the tests.
set -euo pipefail

PACKAGES=(
  python3-venv
  tesseract-ocr tesseract-ocr-chi-sim
  libegl1 libgl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  poppler-utils
)
# The tests also draw screens with the corpus generator (../shared/corpus/generate.py),
# which needs Noto CJK, and with the project's stand-in for its held-out phrase bank
# (scripts/proxy_heldout_bank.py), which draws in WenQuanYi.
if [ "${1:-}" = "test" ]; then
  PACKAGES+=(fonts-noto-cjk fonts-wqy-microhei fonts-wqy-zenhei)
fi

if ! command -v dpkg >/dev/null 2>&1; then
  echo "This script installs Debian/Ubuntu packages; on another system install the equivalents of:" >&2
  echo "  ${PACKAGES[*]}" >&2
  exit 0
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "Please run as root (or install sudo), then run this again:" >&2
  echo "  su -c 'apt-get update && apt-get install -y ${missing[*]}'" >&2
  exit 1
fi
"${SUDO[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
