#!/usr/bin/env bash
# Flowlet health check: asks each app for /health and /health/readiness and exits non-zero when any
# app is down, not ready, or unreachable. For cron, monitoring agents and after a deploy:
#
#   deploy/scripts/health-check.sh            # the three apps on 127.0.0.1:5001-5003
#   FLOWLET_API_URL=https://api.internal:5001 deploy/scripts/health-check.sh
#
# Settings: FLOWLET_API_URL, FLOWLET_STREAMS_URL, FLOWLET_BATCH_URL (base URLs) and
# FLOWLET_HEALTH_TIMEOUT (seconds per request, default 5).
# Exit codes: 0 all healthy, 1 at least one app unhealthy, 2 curl missing.
set -uo pipefail

timeout="${FLOWLET_HEALTH_TIMEOUT:-5}"
apps=(
  "api ${FLOWLET_API_URL:-http://127.0.0.1:5001}"
  "streams-processor ${FLOWLET_STREAMS_URL:-http://127.0.0.1:5002}"
  "batch-jobs ${FLOWLET_BATCH_URL:-http://127.0.0.1:5003}"
)

if ! command -v curl >/dev/null 2>&1; then
  echo "health-check: curl is missing (Debian: apt-get install curl)" >&2
  exit 2
fi

# Prints "<http status> <health status>" of one endpoint, e.g. "200 UP" or "000 -" when unreachable.
probe() {
  local body code status
  body="$(curl -sS --max-time "$timeout" -H 'Accept: application/json' -w '\n%{http_code}' "$1" 2>/dev/null)"
  code="${body##*$'\n'}"
  body="${body%$'\n'*}"
  status="$(printf '%s' "$body" | grep -o '"status" *: *"[A-Z_]*"' | head -1 | sed 's/.*"\([A-Z_]*\)"$/\1/')"
  echo "${code:-000} ${status:--}"
}

failed=0
for entry in "${apps[@]}"; do
  name="${entry%% *}"
  url="${entry#* }"
  read -r health_code health_status <<<"$(probe "$url/health")"
  read -r ready_code ready_status <<<"$(probe "$url/health/readiness")"
  if [ "$health_code" = 200 ] && [ "$health_status" = UP ] \
      && [ "$ready_code" = 200 ] && [ "$ready_status" = UP ]; then
    echo "OK    $name ($url): health UP, readiness UP"
  else
    echo "FAIL  $name ($url): health $health_status (HTTP $health_code), readiness $ready_status (HTTP $ready_code)"
    failed=1
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "health-check: at least one Flowlet app is not healthy" >&2
fi
exit "$failed"
