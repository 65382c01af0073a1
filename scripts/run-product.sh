#!/usr/bin/env bash
# Runs Ottobon Jobs locally: dependencies, database, built SPA, and the API serving both.
#
#   scripts/run-product.sh
#
# OTTOBON_DATABASE_URL set: use that database and leave the local cluster alone.
# ASPNETCORE_URLS (default http://localhost:8080), OTTOBON_SCRAPER_MODE (default here: sample; live reads the real sites),
# OTTOBON_JWT_SECRET (default: a key generated into .data/jwt-secret on the first run).
# OTTOBON_SMTP_HOST set: mail goes to that server; otherwise to the development mail server (scripts/dev-mail.sh).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

scripts/install-deps.sh

if [[ -n ${OTTOBON_DATABASE_URL:-} ]]; then
  echo "run-product: using OTTOBON_DATABASE_URL from the environment"
else
  scripts/db.sh start
  OTTOBON_DATABASE_URL="$(scripts/db.sh url)"
fi
export OTTOBON_DATABASE_URL

if [[ -f frontend/package.json ]]; then
  echo "run-product: building the SPA"
  # npm ci wipes node_modules; skip it when the installed tree is newer than the lock file,
  # so a rerun does not yank node_modules from under someone's running dev server or tests.
  if [[ ! -f frontend/node_modules/.package-lock.json ||
        frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ||
        frontend/package.json -nt frontend/node_modules/.package-lock.json ]]; then
    (cd frontend && npm ci --no-audit --no-fund)
  fi
  (cd frontend && npm run build)
  export OTTOBON_SPA_PATH="$REPO/frontend/dist"
else
  echo "run-product: no frontend/package.json yet; serving the API only"
fi

# Demo accounts (one seeker, one provider, one admin) share a password generated on the first run and kept
# outside git, so a second run signs in with the same one. The API prints them once it listens.
DEMO_PASSWORD_FILE="$REPO/.data/demo-password"
if [[ ! -s $DEMO_PASSWORD_FILE ]]; then
  mkdir -p "$REPO/.data"
  (umask 077; echo "demo-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$DEMO_PASSWORD_FILE")
fi
export OTTOBON_SEED_DEMO=true
export OTTOBON_DEMO_PASSWORD="$(cat "$DEMO_PASSWORD_FILE")"
export OTTOBON_ADMIN_EMAIL="${OTTOBON_ADMIN_EMAIL:-admin@demo.ottobon.local}"
export OTTOBON_ADMIN_PASSWORD="${OTTOBON_ADMIN_PASSWORD:-$OTTOBON_DEMO_PASSWORD}"

# The API runs as Production, which requires a signing key: one generated on the first run and kept outside git
# (unless OTTOBON_JWT_SECRET is given), so sign-ins survive a restart.
if [[ -z ${OTTOBON_JWT_SECRET:-} ]]; then
  JWT_SECRET_FILE="$REPO/.data/jwt-secret"
  if [[ ! -s $JWT_SECRET_FILE ]]; then
    mkdir -p "$REPO/.data"
    (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n' >"$JWT_SECRET_FILE")
  fi
  export Ottobon__Jwt__SecretFile="$JWT_SECRET_FILE"
fi

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:8080}"
# Links in emails point at the first address the API listens on, unless given.
export OTTOBON_PUBLIC_BASE_URL="${OTTOBON_PUBLIC_BASE_URL:-${ASPNETCORE_URLS%%;*}}"

# No SMTP server configured: every email goes to smtp4dev on loopback, read in its web inbox.
if [[ -z ${OTTOBON_SMTP_HOST:-} ]]; then
  scripts/dev-mail.sh start
  export OTTOBON_SMTP_HOST=127.0.0.1 OTTOBON_SMTP_PORT="${OTTOBON_DEV_SMTP_PORT:-2525}" OTTOBON_SMTP_SECURITY=None
  DEV_MAIL_INBOX="http://127.0.0.1:${OTTOBON_DEV_MAIL_WEB_PORT:-5080}"
fi
# Asked for explicitly: without a mode, Production reads the real career sites.
export OTTOBON_SCRAPER_MODE="${OTTOBON_SCRAPER_MODE:-sample}"

echo
echo "=== Ottobon Jobs: starting the API on $ASPNETCORE_URLS (scraper: $OTTOBON_SCRAPER_MODE); Ctrl+C stops it ==="
if [[ -n ${DEV_MAIL_INBOX:-} ]]; then echo "=== Mail is delivered to the development inbox: $DEV_MAIL_INBOX ==="; fi
echo
exec dotnet run -c Release --project src/OttobonJobs.Api
