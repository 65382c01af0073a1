#!/usr/bin/env bash
# The development mail server: smtp4dev (the Rnwood.Smtp4dev .NET tool 3.15.0) on loopback, with a web inbox.
# Installed into .data/tools on first use; its messages are kept in .data/smtp4dev/. Safe to run again: a server
# already answering on the web port is left alone.
#
#   scripts/dev-mail.sh start   # prints the inbox URL
#   scripts/dev-mail.sh stop
#
# OTTOBON_DEV_SMTP_PORT (default 2525) and OTTOBON_DEV_MAIL_WEB_PORT (default 5080) choose the ports.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$REPO/.data/tools"
DATA="$REPO/.data/smtp4dev"
SMTP_PORT="${OTTOBON_DEV_SMTP_PORT:-2525}"
WEB_PORT="${OTTOBON_DEV_MAIL_WEB_PORT:-5080}"
INBOX="http://127.0.0.1:$WEB_PORT"
PID_FILE="$DATA/smtp4dev-$WEB_PORT.pid"

say() { echo "dev-mail: $*"; }

start() {
  if curl -fsS -o /dev/null "$INBOX/api/server"; then
    say "already running; inbox at $INBOX (SMTP on 127.0.0.1:$SMTP_PORT)"
    return
  fi
  if [[ ! -x $TOOLS/smtp4dev ]]; then
    say "installing Rnwood.Smtp4dev 3.15.0 into .data/tools"
    dotnet tool install --tool-path "$TOOLS" Rnwood.Smtp4dev --version 3.15.0 >/dev/null
  fi
  mkdir -p "$DATA"
  # Loopback only; no IMAP or POP3 (the web inbox and its HTTP API are enough).
  (cd "$DATA" && setsid "$TOOLS/smtp4dev" --urls="$INBOX" --smtpport="$SMTP_PORT" --imapport="" --pop3port="" \
      --hostname=localhost --allowremoteconnections- --db="$DATA/database.db" >"$DATA/smtp4dev.log" 2>&1 &
    echo $! >"$PID_FILE")
  for _ in $(seq 1 60); do
    if curl -fsS -o /dev/null "$INBOX/api/server"; then
      say "inbox at $INBOX (SMTP on 127.0.0.1:$SMTP_PORT)"
      return
    fi
    sleep 1
  done
  say "smtp4dev did not answer within 60 s; see $DATA/smtp4dev.log" >&2
  exit 1
}

stop() {
  if [[ -s $PID_FILE ]]; then
    kill -- "-$(cat "$PID_FILE")" 2>/dev/null || kill "$(cat "$PID_FILE")" 2>/dev/null || true
    rm -f "$PID_FILE"
    say "stopped"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: scripts/dev-mail.sh start|stop" >&2; exit 2 ;;
esac
