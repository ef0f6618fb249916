#!/usr/bin/env bash
# Installs what the web page's browser tests need beyond Node.js (run by ./test.sh): Debian's Chromium, with
# apt-get as deploy/local does everything else. Never fails its caller: where Chromium cannot be installed it says
# why, and the browser tests skip with that reason (tests/Clamp.Web.Tests: BrowserFact). The tests install their npm
# package (playwright-core, pinned by tests/Clamp.Web.Tests/Browser/package-lock.json) themselves.
#   deploy/local/browser.sh        install Chromium unless CLAMP_CHROMIUM or /usr/bin/chromium is there
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/deploy/local/common.sh"

if [ -n "${CLAMP_CHROMIUM:-}" ] && [ -x "$CLAMP_CHROMIUM" ]; then
  log "browser tests use $CLAMP_CHROMIUM ($("$CLAMP_CHROMIUM" --version 2>/dev/null))"
elif [ -x /usr/bin/chromium ]; then
  log "browser tests use /usr/bin/chromium ($(/usr/bin/chromium --version 2>/dev/null))"
elif (apt_install chromium); then
  log "installed $(/usr/bin/chromium --version 2>/dev/null)"
else
  log "Chromium could not be installed (above): the browser tests will be skipped"
fi
exit 0
