#!/usr/bin/env bash
# Settings shared by the local provisioning scripts. Every value can be overridden from the environment.
# Sourced, not run.

CLAMP_STATE_DIR="${CLAMP_STATE_DIR:-${TMPDIR:-/tmp}/clamp-platform}"
CLAMP_PG_PORT="${CLAMP_PG_PORT:-54329}"
CLAMP_PG_USER="${CLAMP_PG_USER:-clamp}"
CLAMP_PG_PASSWORD="${CLAMP_PG_PASSWORD:-clamp}"
CLAMP_PG_DATABASE="${CLAMP_PG_DATABASE:-clamp}"
CLAMP_RABBITMQ_PORT="${CLAMP_RABBITMQ_PORT:-56729}"
CLAMP_RABBITMQ_MANAGEMENT_PORT="${CLAMP_RABBITMQ_MANAGEMENT_PORT:-15679}"
CLAMP_RABBITMQ_DIST_PORT="${CLAMP_RABBITMQ_DIST_PORT:-25679}"
CLAMP_RABBITMQ_USER="${CLAMP_RABBITMQ_USER:-clamp}"
CLAMP_RABBITMQ_PASSWORD="${CLAMP_RABBITMQ_PASSWORD:-clamp}"

PG_STATE="$CLAMP_STATE_DIR/postgres"
RABBIT_STATE="$CLAMP_STATE_DIR/rabbitmq"
ENV_FILE="$CLAMP_STATE_DIR/env.sh"
KEYS_FILE="$CLAMP_STATE_DIR/keys.sh"

log() { printf '[clamp-local] %s\n' "$*" >&2; }
die() { printf '[clamp-local] error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root (or sudo) for: $*"; fi
}

# Writes standard input to the file $1 readable by its owner only (mode 600), replacing it whole: for every state
# file that holds a password or a key (env.sh, keys.sh, rabbitmq.conf, PostgreSQL's password file).
write_private() {
  (umask 077 && cat > "$1.tmp.$$") && mv -f "$1.tmp.$$" "$1"
}

# A random secret: 32 bytes from the kernel's generator, as 64 hex digits.
random_secret() { od -An -tx1 -N32 /dev/urandom | tr -d ' \n'; }

apt_updated=""
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* yourself (this script supports Debian and Ubuntu)"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq >&2; apt_updated=1; fi
  log "installing $*"
  mkdir -p "$CLAMP_STATE_DIR"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$CLAMP_STATE_DIR/apt.log" 2>&1 \
    || { tail -n 20 "$CLAMP_STATE_DIR/apt.log" >&2; die "apt-get install $* failed (log: $CLAMP_STATE_DIR/apt.log)"; }
}

# Node.js and npm: the build of Clamp.Web installs the page's browser libraries with npm, and the deployment checks
# fetch helm and their validator with it. Installed from the distribution's packages when missing.
ensure_npm() {
  command -v npm >/dev/null || apt_install nodejs npm
}

# Waits until "$@" succeeds, at most $1 seconds.
wait_for() {
  local seconds=$1; shift
  local i
  for ((i = 0; i < seconds * 4; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  return 1
}

docker_available() {
  [ "${CLAMP_USE_DOCKER:-auto}" != "0" ] && command -v docker >/dev/null && docker info >/dev/null 2>&1
}
