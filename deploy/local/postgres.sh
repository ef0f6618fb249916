#!/usr/bin/env bash
# PostgreSQL with pgvector, run natively for development, CI and ./run.sh.
#   postgres.sh up       install what is missing, start (or reuse) a cluster under $CLAMP_STATE_DIR/postgres
#   postgres.sh down     stop the cluster this script started (nothing else)
#   postgres.sh restart  stop then start it (used by the reliability tests)
#   postgres.sh status   exit 0 when it answers
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"

pg_major() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -n "$dir" ] && basename "$(dirname "$dir")"
}

# Runs a PostgreSQL binary as the cluster owner (initdb refuses root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_postgres() {
  if [ -z "$(pg_major)" ]; then apt_install postgresql postgresql-contrib; fi
  [ -n "$(pg_major)" ] || die "PostgreSQL did not install"
}

vector_installed() {
  [ -f "/usr/share/postgresql/$1/extension/vector.control" ]
}

# pgvector: the distribution's package where there is one (Ubuntu, newer Debian); otherwise built from
# Debian trixie's source package, fetched through a private apt source list (the machine's own lists are not touched).
install_pgvector() {
  local major=$1
  vector_installed "$major" && return 0
  if apt-cache show "postgresql-$major-pgvector" >/dev/null 2>&1; then
    apt_install "postgresql-$major-pgvector"
    vector_installed "$major" && return 0
  fi
  log "building pgvector from source for PostgreSQL $major"
  apt_install "postgresql-server-dev-$major" make gcc libc6-dev dpkg-dev
  local uri work
  uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$uri" ] || die "cannot read a Debian mirror from the apt sources to fetch the pgvector source"
  work=$(mktemp -d)
  mkdir -p "$work/lists/partial"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" > "$work/sources.list"
  local apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=/nonexistent" -o "Dir::State::Lists=$work/lists" -o "APT::Sandbox::User=root")
  (cd "$work" && apt-get "${apt_opts[@]}" update -qq >&2 && apt-get "${apt_opts[@]}" source --download-only pgvector >&2)
  local src
  src=$(ls -d "$work"/*.orig.tar.gz | head -n1)
  mkdir -p "$work/build" && tar -xzf "$src" -C "$work/build" --strip-components=1
  make -C "$work/build" -s PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config" OPTFLAGS="" >&2
  as_root make -C "$work/build" -s PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config" install >&2
  rm -rf "$work"
  vector_installed "$major" || die "pgvector did not install"
}

answers() {
  PGPASSWORD="$CLAMP_PG_PASSWORD" psql -h 127.0.0.1 -p "$CLAMP_PG_PORT" -U "$CLAMP_PG_USER" -d postgres -tAc 'SELECT 1' >/dev/null 2>&1
}

start_cluster() {
  local major=$1 bin="/usr/lib/postgresql/$1/bin"
  mkdir -p "$PG_STATE"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_STATE"; chmod 700 "$PG_STATE"; fi
  if [ ! -f "$PG_STATE/data/PG_VERSION" ]; then
    log "initialising a PostgreSQL $major cluster in $PG_STATE/data"
    local pwfile="$PG_STATE/.pw"
    printf '%s\n' "$CLAMP_PG_PASSWORD" | write_private "$pwfile"
    [ "$(id -u)" = 0 ] && chown postgres: "$pwfile"
    as_owner "$bin/initdb" -D "$PG_STATE/data" -U "$CLAMP_PG_USER" --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
    rm -f "$pwfile"
    cat >> "$PG_STATE/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_STATE'
max_connections = 300
shared_buffers = 256MB
maintenance_work_mem = 512MB
fsync = ${CLAMP_PG_FSYNC:-on}
CONF
  fi
  log "starting PostgreSQL on 127.0.0.1:$CLAMP_PG_PORT"
  as_owner "$bin/pg_ctl" -D "$PG_STATE/data" -o "-p $CLAMP_PG_PORT" -l "$PG_STATE/postgres.log" -w -t 60 start >&2 \
    || { tail -n 20 "$PG_STATE/postgres.log" >&2; die "PostgreSQL did not start"; }
  touch "$PG_STATE/started-by-clamp"
}

ensure_database() {
  PGPASSWORD="$CLAMP_PG_PASSWORD" psql -h 127.0.0.1 -p "$CLAMP_PG_PORT" -U "$CLAMP_PG_USER" -d postgres -v ON_ERROR_STOP=1 -q <<SQL >&2
SELECT 'CREATE DATABASE "$CLAMP_PG_DATABASE"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$CLAMP_PG_DATABASE')\gexec
SQL
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$CLAMP_PG_PASSWORD" psql -h 127.0.0.1 -p "$CLAMP_PG_PORT" -U "$CLAMP_PG_USER" -d "$CLAMP_PG_DATABASE" -v ON_ERROR_STOP=1 -q \
    -c 'CREATE EXTENSION IF NOT EXISTS vector' >&2
}

up() {
  command -v psql >/dev/null || apt_install postgresql-client
  if answers; then log "PostgreSQL already answers on 127.0.0.1:$CLAMP_PG_PORT: reusing it"; ensure_database; return; fi
  install_postgres
  local major; major=$(pg_major)
  install_pgvector "$major"
  start_cluster "$major"
  wait_for 30 answers || die "PostgreSQL does not answer on 127.0.0.1:$CLAMP_PG_PORT"
  ensure_database
  log "PostgreSQL $major with pgvector is up"
}

down() {
  if [ ! -f "$PG_STATE/started-by-clamp" ] || [ ! -f "$PG_STATE/data/postmaster.pid" ]; then
    log "no PostgreSQL started by these scripts is running"; return 0
  fi
  local major; major=$(cat "$PG_STATE/data/PG_VERSION")
  as_owner "/usr/lib/postgresql/$major/bin/pg_ctl" -D "$PG_STATE/data" -m fast -w stop >&2 || true
  rm -f "$PG_STATE/started-by-clamp"
  log "PostgreSQL stopped"
}

case "${1:-up}" in
  up) up ;;
  down) down ;;
  restart) down; up ;;
  status) answers ;;
  *) die "usage: $0 up|down|restart|status" ;;
esac
