#!/usr/bin/env bash
# The development mail server: smtp4dev (the Rnwood.Smtp4dev .NET tool 3.15.0) on loopback, with a web inbox.
# Installed into .data/tools on first use. Each instance (one per web port) keeps its messages, settings, log and pid
# in .data/smtp4dev/<web port>/, so the product's inbox and the browser tests' inbox can run side by side.
# Safe to run again: a server already answering on the web port is left alone.
#
#   scripts/dev-mail.sh start   # prints the inbox URL
#   scripts/dev-mail.sh stop    # stops the instance this script started and waits until its ports are closed
#
# OTTOBON_DEV_SMTP_PORT (default 2525) and OTTOBON_DEV_MAIL_WEB_PORT (default 5080) choose the ports.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$REPO/.data/tools"
SMTP_PORT="${OTTOBON_DEV_SMTP_PORT:-2525}"
WEB_PORT="${OTTOBON_DEV_MAIL_WEB_PORT:-5080}"
DATA="$REPO/.data/smtp4dev/$WEB_PORT"
INBOX="http://127.0.0.1:$WEB_PORT"
PID_FILE="$DATA/smtp4dev.pid"

say() { echo "dev-mail: $*"; }

answering() { curl -fsS -o /dev/null --max-time 2 "$INBOX/api/server" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The recorded pid, if that process is still our smtp4dev (not a stranger that reused the pid).
running_pid() {
  local pid
  [[ -s $PID_FILE ]] || return 1
  pid="$(cat "$PID_FILE")"
  [[ $pid =~ ^[0-9]+$ && $(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true) == *smtp4dev* ]] || return 1
  echo "$pid"
}

start() {
  if answering; then
    say "already running; inbox at $INBOX (SMTP on 127.0.0.1:$SMTP_PORT)"
    return
  fi
  if ! running_pid >/dev/null; then
    if [[ ! -x $TOOLS/smtp4dev ]]; then
      say "installing Rnwood.Smtp4dev 3.15.0 into .data/tools"
      dotnet tool install --tool-path "$TOOLS" Rnwood.Smtp4dev --version 3.15.0 >/dev/null
    fi
    mkdir -p "$DATA"
    # setsid makes smtp4dev the leader of its own session and process group (it outlives this script); the
    # inner shell writes its own pid and then becomes smtp4dev, so the file names smtp4dev itself, whether or
    # not setsid had to fork. Loopback only; no IMAP or POP3 (the web inbox and its HTTP API are enough).
    (cd "$DATA" && setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
        "$TOOLS/smtp4dev" --baseappdatapath="$DATA" --urls="$INBOX" --smtpport="$SMTP_PORT" --imapport="" \
        --pop3port="" --hostname=localhost --allowremoteconnections- --db="$DATA/database.db" \
        </dev/null >"$DATA/smtp4dev.log" 2>&1 &)
  fi
  for _ in $(seq 1 60); do
    if answering; then
      say "inbox at $INBOX (SMTP on 127.0.0.1:$SMTP_PORT)"
      return
    fi
    sleep 1
  done
  say "smtp4dev did not answer within 60 s; see $DATA/smtp4dev.log" >&2
  exit 1
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    if answering; then
      say "something this script did not start answers on $INBOX; left alone" >&2
      exit 1
    fi
    say "not running"
    return
  fi
  # The whole process group: smtp4dev and anything it started.
  kill -TERM -- "-$pid" 2>/dev/null || true
  for i in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null && ! port_open "$WEB_PORT" && ! port_open "$SMTP_PORT"; then
      rm -f "$PID_FILE"
      say "stopped"
      return
    fi
    if [[ $i -eq 50 ]]; then kill -KILL -- "-$pid" 2>/dev/null || true; fi   # 10 s without stopping
    sleep 0.2
  done
  say "smtp4dev (pid $pid) still holds port $WEB_PORT or $SMTP_PORT after 20 s" >&2
  exit 1
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: scripts/dev-mail.sh start|stop" >&2; exit 2 ;;
esac
