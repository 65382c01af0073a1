#!/usr/bin/env bash
# Full-page screenshots of every page (visitor, seeker, provider and admin pages) at 1366×900 and 390×844, written
# to .data/screenshots/ (git-ignored). Starts nothing: point BASE_URL at a running product, or start one first
# with scripts/run-product.sh (the default address). Signs in as the demo accounts with .data/demo-password.
#
#   scripts/screenshots.sh
#   BASE_URL=http://127.0.0.1:8101 scripts/screenshots.sh
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE_URL="${BASE_URL:-${ASPNETCORE_URLS:-http://localhost:8080}}"
BASE_URL="${BASE_URL%%;*}"

if ! curl -sf "$BASE_URL/api/health/ready" >/dev/null; then
  echo "screenshots: nothing answers at $BASE_URL; start the product with scripts/run-product.sh or set BASE_URL" >&2
  exit 1
fi
if [[ -z ${DEMO_PASSWORD:-} ]]; then
  [[ -f "$REPO/.data/demo-password" ]] || { echo "screenshots: no .data/demo-password; set DEMO_PASSWORD" >&2; exit 1; }
  DEMO_PASSWORD="$(cat "$REPO/.data/demo-password")"
fi

rm -rf "$REPO/.data/screenshots"
cd "$REPO/frontend"
BASE_URL="$BASE_URL" DEMO_PASSWORD="$DEMO_PASSWORD" SCREENSHOTS_DIR="$REPO/.data/screenshots" node scripts/screenshots.mjs
echo "screenshots: $(find "$REPO/.data/screenshots" -name '*.png' | wc -l) files in .data/screenshots/"
