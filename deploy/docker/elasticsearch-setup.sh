#!/bin/bash
# One-shot set-up of Elasticsearch security for docker-compose: the kibana_system password, and a
# role and user for the streams processor's audit sink limited to the flowlet-* indices.
# Idempotent: run again after changing a password in .env.
set -euo pipefail
es="${ES_URL:-http://elasticsearch:9200}"
auth=(-u "elastic:${ELASTIC_PASSWORD:?ELASTIC_PASSWORD is not set}")
call() {
  local method="$1" path="$2" body="$3"
  curl -fsS "${auth[@]}" -X "$method" "$es$path" -H 'Content-Type: application/json' -d "$body" >/dev/null
  echo "elasticsearch-setup: $method $path done"
}
until curl -fsS "${auth[@]}" "$es/_cluster/health?wait_for_status=yellow&timeout=10s" >/dev/null; do
  echo "elasticsearch-setup: waiting for Elasticsearch"
  sleep 5
done
call POST /_security/user/kibana_system/_password \
  "{\"password\":\"${KIBANA_SYSTEM_PASSWORD:?KIBANA_SYSTEM_PASSWORD is not set}\"}"
call PUT /_security/role/flowlet_app '{
  "cluster": ["monitor", "manage_index_templates", "manage_ilm", "manage_ingest_pipelines"],
  "indices": [{"names": ["flowlet-*"],
               "privileges": ["create_index", "write", "read", "view_index_metadata", "manage"]}]
}'
call PUT /_security/user/flowlet_app \
  "{\"password\":\"${FLOWLET_ES_PASSWORD:?FLOWLET_ES_PASSWORD is not set}\",\"roles\":[\"flowlet_app\"]}"
