#!/usr/bin/env bash
# Brings up the Pebble hub on a fresh Debian host: PostgreSQL, the hub (systemd), its nightly
# backup and weekly audit archive timers, Prometheus and Alertmanager with the rules and routes in
# ops/. Run it as root from a checkout where `npm ci` has run. Safe to run again: every step checks
# what is already there, so a second run upgrades the hub and changes nothing else.
#
#   sudo deploy/install.sh                         install or upgrade
#   sudo deploy/install.sh --restore-from FILE     disaster recovery: a new host from a hub backup
#                                                  (pebble-hub-YYYY-MM-DD.dump), before the hub starts
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
APP=/opt/pebble-hub
ETC=/etc/pebble-hub
VAR=/var/lib/pebble-hub
DB=pebble
DB_ROLE=pebble_hub
RESTORE_FROM=""

die() { echo "install.sh: $*" >&2; exit 1; }
step() { echo "== $*"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --restore-from) RESTORE_FROM=${2:?--restore-from needs a backup file}; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[ "$(id -u)" = 0 ] || die "run as root (it installs packages and systemd units)"
[ -z "$RESTORE_FROM" ] || [ -f "$RESTORE_FROM" ] || die "--restore-from $RESTORE_FROM: no such file"

step "Debian packages"
export DEBIAN_FRONTEND=noninteractive
missing=()
for pkg in postgresql postgresql-client prometheus prometheus-alertmanager rsync curl; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

step "Node.js"
# The hub needs Node 20.19 or later (package.json engines); Debian 12's nodejs is 18.
node_version=$(/usr/bin/node -p 'process.versions.node' 2>/dev/null || echo none)
node -e 'const [a,b]=process.argv[1].split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' "$node_version" 2>/dev/null \
  || die "/usr/bin/node is $node_version; install Node.js 20.19 or later (NodeSource or Debian 13) and run again"

step "User and folders"
id pebble-hub >/dev/null 2>&1 || useradd --system --home-dir "$VAR" --shell /usr/sbin/nologin pebble-hub
install -d -o pebble-hub -g pebble-hub -m 0750 "$VAR" "$VAR/backups"
install -d -o root -g pebble-hub -m 0750 "$ETC"
install -d -m 0755 "$APP"

step "Hub build"
(cd "$REPO" && node server/build.mjs)
rsync -a --delete "$REPO/out/hub/" "$APP/out/hub/"
rsync -a --delete "$REPO/server/migrations/" "$APP/server/migrations/"
install -m 0644 "$REPO/package.json" "$REPO/package-lock.json" "$REPO/server/README.md" "$APP/"
# Runtime packages only, and only when the lock file changed since the last run.
lock_sum=$(sha256sum "$APP/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$APP/.installed-lock" 2>/dev/null)" != "$lock_sum" ]; then
  (cd "$APP" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund)
  echo "$lock_sum" > "$APP/.installed-lock"
fi

step "PostgreSQL role and database"
systemctl enable --now postgresql
if [ ! -f "$ETC/hub.env" ]; then
  db_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  admin_token=$(head -c 32 /dev/urandom | base64 | tr -d '/+=')
  sed -e "s#postgres://pebble_hub:CHANGE-ME@#postgres://pebble_hub:${db_password}@#" \
      -e "s#^HUB_ADMIN_TOKEN=.*#HUB_ADMIN_TOKEN=${admin_token}#" \
      "$REPO/deploy/hub.env.example" > "$ETC/hub.env"
  chmod 0640 "$ETC/hub.env"
  chgrp pebble-hub "$ETC/hub.env"
  printf '%s' "$admin_token" > "$ETC/admin-token"
  chmod 0640 "$ETC/admin-token"
  chgrp pebble-hub "$ETC/admin-token"
fi
set -a; . "$ETC/hub.env"; set +a
db_password=$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).password))' "$DATABASE_URL")
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_ROLE'")" != 1 ]; then
  psql_admin -c "CREATE ROLE $DB_ROLE LOGIN PASSWORD '$db_password'"
fi
# The hub's migrations create the RLS-bound app role; its owner must be allowed to create roles.
psql_admin -c "ALTER ROLE $DB_ROLE CREATEROLE"

if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE $DB OWNER $DB_ROLE"
fi
if [ -n "$RESTORE_FROM" ]; then
  step "Restore from $RESTORE_FROM"
  systemctl stop pebble-hub.service 2>/dev/null || true
  # The same command the restore drill test and docs/runbooks/restore-from-backup.md run; it
  # refuses a database that already has tables, so it never mixes a backup into live data.
  runuser -u pebble-hub -- /usr/bin/node "$APP/out/hub/main.mjs" restore \
    --from "$RESTORE_FROM" --database-url "$DATABASE_URL"
fi

step "systemd units"
for unit in pebble-hub.service pebble-hub-backup.service pebble-hub-backup.timer \
            pebble-hub-archive.service pebble-hub-archive.timer; do
  install -m 0644 "$REPO/deploy/systemd/$unit" "/etc/systemd/system/$unit"
done
systemctl daemon-reload
systemctl enable pebble-hub.service pebble-hub-backup.timer pebble-hub-archive.timer
systemctl restart pebble-hub.service
systemctl start pebble-hub-backup.timer pebble-hub-archive.timer

step "Prometheus and Alertmanager (ops/prometheus, ops/alertmanager)"
PEBBLE_HUB_TOKEN_FILE="$ETC/admin-token" node "$REPO/ops/render.mjs" prometheus --out /etc/prometheus
PEBBLE_HUB_TOKEN_FILE="$ETC/admin-token" node "$REPO/ops/render.mjs" alertmanager --out /etc/prometheus/alertmanager.yml
# Alertmanager posts to the hub with the admin token; it runs as the prometheus user.
usermod -a -G pebble-hub prometheus
systemctl enable prometheus prometheus-alertmanager
systemctl restart prometheus prometheus-alertmanager

step "Check"
for _ in $(seq 1 30); do
  if curl -fsS "http://${HOST}:${PORT}/v1/health" >/dev/null 2>&1; then
    echo "hub is up on http://${HOST}:${PORT} (admin token in $ETC/admin-token)"
    exit 0
  fi
  sleep 1
done
die "the hub did not answer /v1/health within 30 s: journalctl -u pebble-hub"
