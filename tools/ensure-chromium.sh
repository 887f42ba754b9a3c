#!/bin/sh
# Make a headless Chromium available to the browser tests, in this order:
# the system's; Debian's `chromium` package when apt is there and we are root;
# Playwright's own download elsewhere. Prints the browser it found.
set -eu
PYTHON=${PYTHON:-python3}

found() { echo "browser tests use: $1"; exit 0; }

for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then found "$(command -v "$name")"; fi
done

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    found "$(command -v chromium)"
fi

"$PYTHON" -m playwright install chromium
found "Playwright's Chromium"
