#!/bin/bash
# Container health check: exits 0 when the app on 127.0.0.1:<port> reports readiness UP.
# Plain bash (/dev/tcp), because the runtime image carries no curl.
set -eu
port="${1:?usage: flowlet-ready <port>}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
grep -q '"status":"UP"' <&3
