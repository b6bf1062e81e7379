# Shared helpers for gaiola's scripts. Sourced, never run.
# shellcheck shell=bash

GAIOLA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export GAIOLA_ROOT
# Where the read-only base image of every sandbox lives. It must be on ext4/xfs/btrfs, not tmpfs:
# kernels before 6.3 cannot idmap a tmpfs mount.
export GAIOLA_BASE_DIR=${GAIOLA_BASE_DIR:-/var/lib/gaiola/base}

say() { printf '\033[1m[gaiola]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[gaiola] error:\033[0m %s\n' "$*" >&2; exit 1; }

need_root() {
  [ "$(id -u)" = 0 ] || die "run this as root: the agent creates namespaces, mounts and cgroups (try: sudo $0)"
}

# apt_install PKG...: installs the Debian packages that are missing, nothing else.
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  if [ ! -e /var/lib/gaiola/.apt-updated ] || [ -n "$(find /var/lib/gaiola/.apt-updated -mmin +1440 2>/dev/null)" ]; then
    apt-get update -q || die "apt-get update failed: check the network and /etc/apt/sources.list"
    mkdir -p /var/lib/gaiola && touch /var/lib/gaiola/.apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" ||
    die "apt-get install ${missing[*]} failed"
}

# System packages the agent and the sandbox need on the host.
install_host_packages() {
  apt_install build-essential python3 debootstrap util-linux iproute2 ca-certificates curl
}

# PostgreSQL's server binaries (Debian 12 ships 15, Debian 13 ships 17), for the store's tests: each test starts
# a throwaway server of its own as the postgres user (sandbox-agent/test/pg-server.ts: initdb into
# /tmp/gaiola-pg-*, a unix socket in that dir, no TCP port). The package also creates and, under systemd, starts
# a system cluster `main` on port 5432; the tests never use it and this leaves it as it is: its state (running
# or not, its port taken by another server, its peer authentication, its data) is the host's, and a test that
# leaned on it would pass or fail with the machine, and could touch an administrator's data.
# scripts/test.sh calls it, as it installs Chromium, not setup.sh: `npm start` runs setup.sh on every class
# machine, which needs no database server (SQLite by default; a configured PostgreSQL is someone else's
# server), and the classroom-VM tier runs setup.sh in a guest that has no network to install it from.
install_postgresql() {
  apt_install postgresql
}

# What an install of node_modules depends on: package.json, the lockfile and Node's native-module ABI (a new
# Node needs node-pty and better-sqlite3 built again).
npm_deps_fingerprint() {
  { sha256sum package.json package-lock.json && node -p 'process.versions.modules'; } | sha256sum | cut -d' ' -f1
}

# npm dependencies exactly as package-lock.json pins them; native modules build from source with the host
# compiler (package.json's allowScripts lets their install scripts run). `npm ci`, not `npm install`: it never
# rewrites the tracked lockfile (npm install added every other platform's optional packages to it), and it
# refuses a package.json the lockfile does not match. As npm ci empties node_modules and rebuilds the native
# modules each time, it runs only when the fingerprint above differs from the one the last install left.
install_npm_deps() {
  cd "$GAIOLA_ROOT" || exit 1
  local stamp=node_modules/.gaiola-installed fingerprint
  fingerprint=$(npm_deps_fingerprint) || die "cannot read package.json and package-lock.json in $GAIOLA_ROOT"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$fingerprint" ] && return 0
  say "installing npm dependencies (native modules build from source: about two minutes)"
  npm ci --no-audit --no-fund ||
    die "npm ci failed: check that the npm registry is reachable, and that package-lock.json matches package.json (after changing dependencies, run npm install and commit the lockfile)"
  echo "$fingerprint" > "$stamp"
}

build_launcher() {
  bash "$GAIOLA_ROOT/scripts/build-launcher.sh"
}

build_base_image() {
  bash "$GAIOLA_ROOT/scripts/build-base-image.sh"
}

# site_needs_build: true when the site has no production build or a source changed since the last one.
site_needs_build() {
  (cd "$GAIOLA_ROOT" && [ ! -f .next/BUILD_ID ] || [ -n "$(find app lib lessons messages public proxy.ts next.config.mjs \
    package-lock.json -newer .next/BUILD_ID -print -quit 2>/dev/null)" ])
}

# Reserves the sandboxes' host uid/gid range in /etc/subuid and /etc/subgid, so `useradd` never hands a
# new user's subordinate ids out of it: slot s of 200 maps 65536 ids from 1048576 + s*65536.
reserve_uid_range() {
  local f line="root:1048576:13107200"
  for f in /etc/subuid /etc/subgid; do
    touch "$f"
    grep -qx "$line" "$f" || echo "$line" >> "$f"
  done
}

# systemd's default kernel.pid_max. 100 sandboxes × 256 pids (DEFAULT_PIDS_MAX in sandbox-agent/src/kernel/config.ts)
# = 25600 would near the kernel's own default of 32768, which the host's daemons share.
GAIOLA_PID_MAX=${GAIOLA_PID_MAX:-4194304}

# raise_pid_max: raises kernel.pid_max to GAIOLA_PID_MAX when lower (never lowers it), now and at every boot.
raise_pid_max() {
  local current
  current=$(cat /proc/sys/kernel/pid_max 2>/dev/null || echo 0)
  [ "$current" -ge "$GAIOLA_PID_MAX" ] && return 0
  say "raising kernel.pid_max from $current to $GAIOLA_PID_MAX (room for a class of sandboxes)"
  sysctl -q -w kernel.pid_max="$GAIOLA_PID_MAX" || die "cannot set kernel.pid_max: run sysctl -w kernel.pid_max=$GAIOLA_PID_MAX"
  if [ -d /etc/sysctl.d ]; then
    echo "kernel.pid_max = $GAIOLA_PID_MAX" > /etc/sysctl.d/90-gaiola-pid-max.conf
  fi
}

# load_overlay_module: sandboxes' root filesystems are overlays; the module may not be loaded yet.
load_overlay_module() {
  grep -qw overlay /proc/filesystems && return 0
  say "loading the overlay module"
  modprobe overlay || die "cannot load overlay: the kernel lacks CONFIG_OVERLAY_FS (install a stock kernel)"
  if [ -d /etc/modules-load.d ]; then echo overlay > /etc/modules-load.d/gaiola.conf; fi
}

# load_apparmor_profile: on hosts where AppArmor restricts user namespaces (Ubuntu 23.10+, 24.04), renders the
# profile that lets the launcher's sandboxes create nested user namespaces and loads it. Untested on this
# project's CI machine (no AppArmor there). Elsewhere it does nothing.
load_apparmor_profile() {
  local restrict=/proc/sys/kernel/apparmor_restrict_unprivileged_userns
  [ -r "$restrict" ] && [ "$(cat "$restrict")" = 1 ] || return 0
  [ -d /sys/kernel/security/apparmor ] || return 0
  local launcher="$GAIOLA_ROOT/sandbox-agent/launcher/build/gaiola-sandbox"
  local template="$GAIOLA_ROOT/sandbox-agent/host/apparmor-gaiola-sandbox"
  local target=/etc/apparmor.d/gaiola-sandbox
  case "$launcher" in
    *'"'* | *'#'* | *$'\n'*) die "the repository path $GAIOLA_ROOT holds a character AppArmor paths cannot (\" # newline): clone it elsewhere" ;;
  esac
  command -v apparmor_parser >/dev/null || apt_install apparmor
  say "loading the AppArmor profile gaiola-sandbox (students' nested user namespaces under apparmor_restrict_unprivileged_userns=1)"
  mkdir -p /etc/apparmor.d
  local esc=${launcher//\\/\\\\}
  esc=${esc//&/\\&}
  sed "s#@GAIOLA_LAUNCHER@#$esc#" "$template" > "$target.tmp" && mv "$target.tmp" "$target"
  apparmor_parser -r "$target" || die "apparmor_parser -r $target failed (or lift the restriction: sysctl -w kernel.apparmor_restrict_unprivileged_userns=0)"
}

# tune_host: what the host needs before the agent starts (idempotent; run as root by start.sh).
tune_host() {
  raise_pid_max
  load_overlay_module
  load_apparmor_profile
  reserve_uid_range
}

# run_agent ARGS...: runs the agent in place of the calling shell (scripts/supervise.ts calls it, once per
# start). On a systemd host with cgroup v2, in a transient scope with Delegate=yes: the agent creates cgroups
# for the sandboxes under its own, and systemd only leaves a cgroup subtree alone (and enables memory/pids/cpu
# for it) when it is delegated. A login shell's session scope is never delegated. `--scope` execs the command
# in place, so the calling shell's PID is the agent's own, and SIGTERM reaches it directly. The scope is named
# after the agent's port: a scope of that name still there holds what an agent that died left (its sandboxes'
# processes, in cgroups below the dead agent's own, where a new agent in a new scope would never look), so it is
# stopped first, which frees them. Elsewhere (v1/hybrid, or no systemd as PID 1, like this project's CI
# machine) it runs directly, and so it does under the class's service (GAIOLA_DELEGATED=1, set by its unit: the
# service's own cgroup is delegated). The systemd path is untested here.
run_agent() {
  if [ "${GAIOLA_DELEGATED:-}" != 1 ] && [ -d /run/systemd/system ] &&
    [ "$(stat -fc %T /sys/fs/cgroup 2>/dev/null)" = cgroup2fs ] &&
    command -v systemd-run >/dev/null; then
    local unit="gaiola-agent-${GAIOLA_AGENT_PORT:-3001}"
    systemctl stop "$unit.scope" 2>/dev/null || true
    exec systemd-run --scope --quiet --unit "$unit" -p Delegate=yes -- "$@"
  fi
  exec "$@"
}
