#!/usr/bin/env bash
# Runs every test suite: .NET (xunit, against the local PostgreSQL), frontend unit tests (vitest), frontend lint
# (eslint with jsx-a11y) and type check (tsc -b), and browser tests (vitest + playwright-core + Debian chromium)
# against a freshly started API that mails to its own development mail server (smtp4dev, scripts/dev-mail.sh).
# Exits non-zero on any failure. The LAST line printed is always "N passed, N failed" over all suites.
#
#   scripts/test-all.sh
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
RESULTS="$REPO/.data/test-results"
E2E_PORT="${OTTOBON_E2E_PORT:-5180}"
# The browser tests' own smtp4dev, on ports other than run-product's (2525/5080), so both can run at once.
export OTTOBON_DEV_SMTP_PORT="${OTTOBON_E2E_SMTP_PORT:-2526}"
export OTTOBON_DEV_MAIL_WEB_PORT="${OTTOBON_E2E_MAIL_WEB_PORT:-5081}"
E2E_MAIL_INBOX="http://127.0.0.1:$OTTOBON_DEV_MAIL_WEB_PORT"

total_passed=0
total_failed=0
summary=()
totals_printed=0
api_pid=""
e2e_db=""
dev_mail_started=0

# record SUITE PASSED FAILED EXIT_CODE: a suite that exits non-zero without a failing test
# (build error, crash, no result file) still counts as one failure, so it can't go unnoticed.
record() {
  local suite=$1 passed=$2 failed=$3 rc=$4 note=""
  if [[ $rc -ne 0 && $failed -eq 0 ]]; then
    failed=1
    note=" (exited with code $rc without a failing test: counted as 1 failure)"
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  summary+=("$(printf '%-14s %4d passed, %4d failed%s' "$suite:" "$passed" "$failed" "$note")")
}

skip() {
  summary+=("$(printf '%-14s skipped: %s' "$1:" "$2")")
  echo "test-all: skipping $1: $2"
}

# Sum passed / failed (+ error, timeout, aborted) over the <Counters> of the given .trx files.
trx_counts() {
  awk '
    /<Counters / {
      for (i = 1; i <= NF; i++) {
        if (split($i, kv, "=") == 2) {
          gsub(/[^0-9]/, "", kv[2])
          if (kv[1] == "passed") p += kv[2]
          if (kv[1] == "failed" || kv[1] == "error" || kv[1] == "timeout" || kv[1] == "aborted") f += kv[2]
        }
      }
    }
    END { print p + 0, f + 0 }' "$@"
}

# passed / failed of a vitest JSON report; a test file that failed to load counts as a failure.
vitest_counts() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const loadErrors = (r.testResults || []).filter(t => t.status === "failed" && !(t.assertionResults || []).length).length;
    console.log(r.numPassedTests, r.numFailedTests + loadErrors);' "$1"
}

# npm ci wipes node_modules; skip it when the installed tree is newer than the lock file, so
# repeated runs don't yank node_modules from under someone's running dev server.
npm_ci_if_needed() {
  if [[ ! -f frontend/node_modules/.package-lock.json ||
        frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ||
        frontend/package.json -nt frontend/node_modules/.package-lock.json ]]; then
    (cd frontend && npm ci --no-audit --no-fund)
  fi
}

stop_api() {
  if [[ -n $api_pid ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM "$api_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$api_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  api_pid=""
}

drop_e2e_db() {
  if [[ -n $e2e_db ]]; then
    scripts/db.sh psql -X -q -c "DROP DATABASE IF EXISTS \"$e2e_db\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  e2e_db=""
}

stop_dev_mail() {
  if [[ $dev_mail_started -eq 1 ]]; then
    scripts/dev-mail.sh stop || true
  fi
  dev_mail_started=0
}

print_totals() {
  echo
  echo "=== Test summary ==="
  printf '%s\n' "${summary[@]}"
  echo "$total_passed passed, $total_failed failed"
  totals_printed=1
}

# Whatever happens (even a failed setup step under set -e), clean up and end with the totals line.
on_exit() {
  local rc=$?
  stop_api
  drop_e2e_db
  stop_dev_mail
  if [[ $totals_printed -eq 0 ]]; then
    record "setup" 0 0 $(( rc == 0 ? 1 : rc ))
    print_totals
    exit 1
  fi
}
trap on_exit EXIT

# --- setup -------------------------------------------------------------------------------------
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
scripts/install-deps.sh --with-browser
OTTOBON_PG_FAST=1 scripts/db.sh start
# The .NET fixtures create (and drop) their own databases from this server-level connection.
OTTOBON_TEST_DATABASE_URL="$(scripts/db.sh url postgres)"
export OTTOBON_TEST_DATABASE_URL

# --- .NET --------------------------------------------------------------------------------------
if [[ -f OttobonJobs.sln ]]; then
  echo "=== .NET tests ==="
  rc=0
  dotnet test OttobonJobs.sln -c Release \
    --logger "trx;LogFilePrefix=dotnet" --results-directory "$RESULTS/dotnet" || rc=$?
  shopt -s nullglob
  trx=("$RESULTS"/dotnet/*.trx)
  shopt -u nullglob
  if [[ ${#trx[@]} -gt 0 ]]; then
    read -r passed failed <<<"$(trx_counts "${trx[@]}" || echo 0 0)"
  else
    passed=0 failed=0
  fi
  record ".NET" "$passed" "$failed" "$rc"
else
  skip ".NET" "no OttobonJobs.sln"
fi

# --- frontend unit tests -----------------------------------------------------------------------
frontend_ready=0
if [[ -f frontend/package.json ]]; then
  echo "=== Frontend unit tests ==="
  rc=0
  if npm_ci_if_needed; then
    frontend_ready=1
    (cd frontend && npx vitest run --reporter=default --reporter=json \
      --outputFile="$RESULTS/vitest.json") || rc=$?
  else
    rc=1
  fi
  if [[ -f $RESULTS/vitest.json ]]; then
    read -r passed failed <<<"$(vitest_counts "$RESULTS/vitest.json" || echo 0 0)"
  else
    passed=0 failed=0
  fi
  record "Frontend" "$passed" "$failed" "$rc"
else
  skip "Frontend" "no frontend/package.json"
fi

# --- frontend lint and type check --------------------------------------------------------------
# Each is one check: one pass when clean; each lint error (not warning) or "error TS…" is one failure.
lint_counts() {
  node -e '
    const files = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const f of files)
      for (const m of f.messages)
        console.error(`${f.filePath}:${m.line}:${m.column} ${m.severity === 2 ? "error" : "warning"} ${m.message} (${m.ruleId})`);
    const failed = files.reduce((n, f) => n + f.errorCount + f.fatalErrorCount, 0);
    console.log(failed === 0 ? 1 : 0, failed);' "$1"
}

if [[ $frontend_ready -eq 1 ]]; then
  echo "=== Frontend lint ==="
  rc=0
  (cd frontend && npx eslint . --format json --output-file "$RESULTS/eslint.json") || rc=$?
  if [[ -f $RESULTS/eslint.json ]]; then
    read -r passed failed <<<"$(lint_counts "$RESULTS/eslint.json" || echo 0 0)"
  else
    passed=0 failed=0
  fi
  record "Lint" "$passed" "$failed" "$rc"

  echo "=== Frontend type check ==="
  rc=0
  (cd frontend && npm run --silent typecheck) 2>&1 | tee "$RESULTS/typecheck.log" || rc=$?
  failed="$(grep -cE 'error TS[0-9]+' "$RESULTS/typecheck.log" || true)"
  record "Typecheck" "$(( rc == 0 ? 1 : 0 ))" "${failed:-0}" "$rc"
elif [[ -f frontend/package.json ]]; then
  record "Lint" 0 0 1        # npm ci failed above
  record "Typecheck" 0 0 1
fi

# --- browser tests -----------------------------------------------------------------------------
api_project=src/OttobonJobs.Api/OttobonJobs.Api.csproj
if [[ ! -f frontend/vitest.e2e.config.ts ]]; then
  skip "Browser" "no frontend/vitest.e2e.config.ts"
elif [[ ! -f $api_project ]]; then
  skip "Browser" "no $api_project"
elif [[ $frontend_ready -eq 0 ]]; then
  record "Browser" 0 0 1   # npm ci failed above
else
  echo "=== Browser tests ==="
  rc=0
  e2e_admin_email=admin@e2e.test
  e2e_admin_password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  e2e_db="ottobon_e2e_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  api_log="$RESULTS/e2e-api.log"
  if ! (cd frontend && npm run build); then
    echo "test-all: building the SPA failed"; rc=1
  elif ! dotnet build "$api_project" -c Release -v quiet -nologo; then
    echo "test-all: building the API failed"; rc=1
  elif ! { dev_mail_started=1; scripts/dev-mail.sh start; }; then
    echo "test-all: the development mail server did not start"; rc=1
  else
    # An empty inbox: the tests find their messages by recipient, but a run should not read an earlier run's mail.
    curl -fsS -o /dev/null -X DELETE "$E2E_MAIL_INBOX/api/messages/*" || echo "test-all: could not empty $E2E_MAIL_INBOX"
    # A throwaway database (template1 brings pgvector), dropped again on exit.
    scripts/db.sh psql -X -q -c "CREATE DATABASE \"$e2e_db\""
    api_dll="$(dotnet msbuild "$api_project" -getProperty:TargetPath -p:Configuration=Release)"
    e2e_url="$(scripts/db.sh url "$e2e_db")"
    # Own signing key, so the run neither needs nor touches the developer's key file.
    jwt_secret="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
    # Run the built dll (not `dotnet run`, whose child process would outlive a kill) from its own
    # folder, which is where the host looks for appsettings.json.
    (
      cd "$(dirname "$api_dll")"
      export OTTOBON_DATABASE_URL="$e2e_url"
      export ASPNETCORE_URLS="http://127.0.0.1:$E2E_PORT"
      export OTTOBON_SPA_PATH="$REPO/frontend/dist"
      export OTTOBON_ADMIN_EMAIL="$e2e_admin_email" OTTOBON_ADMIN_PASSWORD="$e2e_admin_password"
      export OTTOBON_SCRAPER_MODE=sample OTTOBON_JWT_SECRET="$jwt_secret"
      # Every email goes to the test inbox; its links open this API's SPA.
      export OTTOBON_SMTP_HOST=127.0.0.1 OTTOBON_SMTP_PORT="$OTTOBON_DEV_SMTP_PORT" OTTOBON_SMTP_SECURITY=None
      export OTTOBON_PUBLIC_BASE_URL="http://127.0.0.1:$E2E_PORT"
      exec dotnet "$api_dll"
    ) >"$api_log" 2>&1 &
    api_pid=$!

    echo "test-all: waiting for the API on http://127.0.0.1:$E2E_PORT (log: $api_log)"
    healthy=0
    for _ in $(seq 1 120); do
      if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$E2E_PORT/api/health" 2>/dev/null; then
        healthy=1; break
      fi
      kill -0 "$api_pid" 2>/dev/null || break   # it died: no point waiting
      sleep 1
    done

    if [[ $healthy -eq 0 ]]; then
      echo "test-all: the API did not become healthy within 120 s; its log:"
      tail -n 80 "$api_log" || true
      rc=1
    else
      (cd frontend && E2E_BASE_URL="http://127.0.0.1:$E2E_PORT" \
        E2E_ADMIN_EMAIL="$e2e_admin_email" E2E_ADMIN_PASSWORD="$e2e_admin_password" E2E_MAIL_INBOX="$E2E_MAIL_INBOX" \
        CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" \
        npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json \
          --outputFile="$RESULTS/e2e.json") || rc=$?
    fi
    stop_api
    drop_e2e_db
  fi
  stop_dev_mail
  if [[ -f $RESULTS/e2e.json ]]; then
    read -r passed failed <<<"$(vitest_counts "$RESULTS/e2e.json" || echo 0 0)"
  else
    passed=0 failed=0
  fi
  record "Browser" "$passed" "$failed" "$rc"
fi

print_totals
[[ $total_failed -eq 0 ]]
