#!/usr/bin/env bash
# Installs the system packages the synthetic generator and the browser tests need: Debian's Chromium
# and the font packages the templates use. Idempotent: installs only what is missing.
set -euo pipefail

PACKAGES=(chromium fonts-dejavu-core fonts-dejavu-extra fonts-liberation fonts-noto-core)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
echo "installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
