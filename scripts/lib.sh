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

# npm dependencies, from the lockfile; native modules build from source with the host compiler.
install_npm_deps() {
  cd "$GAIOLA_ROOT" || exit 1
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dependencies (native modules build from source: about a minute)"
    # `npm install`, not `npm ci`: the lockfile pins every version, but the registry reachable here does not
    # serve the other platforms' optional binaries (biome, swc), which `npm ci` insists on finding listed.
    npm install --no-audit --no-fund || die "npm install failed: check that the npm registry is reachable"
  fi
}

build_launcher() {
  bash "$GAIOLA_ROOT/scripts/build-launcher.sh"
}

build_base_image() {
  bash "$GAIOLA_ROOT/scripts/build-base-image.sh"
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
