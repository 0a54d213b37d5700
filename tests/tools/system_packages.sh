#!/usr/bin/env bash
# Debian packages the tests need, installed when missing: `make test` calls this before the run.
#   chromium   the review page's browser tests (Playwright drives it; no browser download)
#   faketime   .ci/run runs the date-dependent tests again a year ahead (libfaketime)
# As root it installs them with apt; otherwise it stops with the exact command to type.
set -euo pipefail
missing=()
for pkg in "$@"; do
  case "$pkg" in
    chromium) [ -x "${CHARGEWATCH_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium) ;;
    faketime) command -v faketime >/dev/null || missing+=(faketime) ;;
    *) dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg") ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "the tests need Debian's ${missing[*]}: install with" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  echo "(or point CHARGEWATCH_CHROMIUM at a Chromium binary), then run make test again" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "the tests need ${missing[*]}, and this machine has no apt-get: install them, then run make test again" >&2
  exit 1
fi
echo "installing Debian's ${missing[*]} for the tests" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
