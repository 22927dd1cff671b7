#!/usr/bin/env bash
# Installs the Debian packages the tests and the generator need, only when missing:
# Chromium (Playwright drives Debian's build; nothing downloads a browser) and the fonts the
# synthetic documents are rendered with. Idempotent; quiet when everything is there.
set -euo pipefail
packages=(chromium fonts-dejavu-core fonts-liberation fonts-noto-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${packages[*]}"
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
