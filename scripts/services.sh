#!/usr/bin/env bash
# Starts the servers that the PostgreSQL and NATS tests and benchmarks use, on this machine only:
#   PostgreSQL at 127.0.0.1:5432, trust authentication, database `test`;
#   NATS with JetStream at 127.0.0.1:4222, storage in /var/lib/nats-server.
# Idempotent: installs what is missing (Debian 12 packages), starts what is not running, and does
# nothing else. For test and CI machines: trust authentication lets any local user in as anyone.
set -euo pipefail

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() {
  for _ in $(seq 1 60); do listening "$1" && return 0; sleep 0.5; done
  echo "services: nothing listens on 127.0.0.1:$1 after 30 s ($2)" >&2
  exit 1
}

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/sbin/nats-server ] || missing+=(nats-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "services: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
fi

# PostgreSQL: the newest installed major version's `main` cluster.
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main" || pg_createcluster "$version" main
hba=/etc/postgresql/$version/main/pg_hba.conf
hba_changed=0
# pg_hba.conf is read first match first: trust lines go on top.
if ! grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba" ||
  ! grep -Eq '^local[[:space:]]+all[[:space:]]+all[[:space:]]+trust' "$hba"; then
  { printf '# scripts/services.sh: trust local connections (test machines only)\nlocal all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n'; cat "$hba"; } >"$hba.new"
  chown postgres:postgres "$hba.new"
  mv "$hba.new" "$hba"
  hba_changed=1
fi
if listening 5432; then
  [ "$hba_changed" = 1 ] && pg_ctlcluster --skip-systemctl-redirect "$version" main reload
else
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
wait_for 5432 "PostgreSQL $version"
if [ "$(psql -h 127.0.0.1 -U postgres -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'test'")" != 1 ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE test"
fi

# NATS with JetStream.
if ! listening 4222; then
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
fi
wait_for 4222 "nats-server"
echo "services: PostgreSQL $version on 127.0.0.1:5432 (database test), NATS JetStream on 127.0.0.1:4222"
