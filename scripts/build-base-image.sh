#!/usr/bin/env bash
# Builds the sandboxes' read-only base image once, from Debian packages (debootstrap), into
# $GAIOLA_BASE_DIR. Rebuilt only when the package list or this script changes. Never modified while
# sandboxes run: it is swapped in whole by rename.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root

# What the course's lessons use inside the sandbox (research/curriculum.md §5).
PACKAGES=(
  util-linux iproute2 procps libcap2-bin busybox-static iputils-ping psmisc less nano vim-tiny
  cgroup-tools jq tmux nftables iptables bash-completion ncurses-term passwd
)

# The stamp covers the package list, this script and every file it installs from sandbox-agent/image/.
image_src="$GAIOLA_ROOT/sandbox-agent/image"
stamp_of() {
  {
    printf '%s\n' "${PACKAGES[@]}"
    cat "$0"
    (cd "$image_src" && find . -type f | LC_ALL=C sort | while IFS= read -r f; do printf '%s\n' "$f"; cat "$f"; done)
  } | sha256sum | cut -c1-16
}
want=$(stamp_of)
if [ -f "$GAIOLA_BASE_DIR/.gaiola-stamp" ] && [ "$(cat "$GAIOLA_BASE_DIR/.gaiola-stamp")" = "$want" ]; then
  exit 0
fi

apt_install debootstrap
# shellcheck disable=SC1091
. /etc/os-release
suite=${VERSION_CODENAME:-bookworm}
case "$ID:$suite" in debian:*) ;; *) suite=bookworm ;; esac
mirror=${GAIOLA_DEBIAN_MIRROR:-http://deb.debian.org/debian}

parent=$(dirname "$GAIOLA_BASE_DIR")
mkdir -p "$parent"
fstype=$(stat -f -c %T "$parent")
case "$fstype" in tmpfs|ramfs) die "$parent is on $fstype; the base image must live on ext4, xfs or btrfs (set GAIOLA_BASE_DIR)" ;; esac

work="$GAIOLA_BASE_DIR.building"
rm -rf "$work"
say "building the sandbox base image ($suite, ${#PACKAGES[@]} packages) into $GAIOLA_BASE_DIR: a few minutes, once"
include=$(IFS=,; echo "${PACKAGES[*]}")
if ! debootstrap --variant=minbase --include="$include" "$suite" "$work" "$mirror" >"$parent/debootstrap.log" 2>&1; then
  tail -20 "$parent/debootstrap.log" >&2
  die "debootstrap failed (full log: $parent/debootstrap.log); check that $mirror is reachable"
fi

# The student user of the lessons that need an unprivileged one.
chroot "$work" /usr/sbin/useradd --uid 1000 --create-home --shell /bin/bash aluno
echo gaiola > "$work/etc/hostname"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$work/etc/hosts"
: > "$work/etc/resolv.conf"
# Shrink: documentation and apt caches are not needed inside a sandbox.
rm -rf "$work"/var/cache/apt/archives/*.deb "$work"/var/lib/apt/lists/* "$work"/usr/share/doc/* \
  "$work"/usr/share/man/* "$work"/usr/share/info/*
install -m 0644 "$image_src/bashrc" "$work/root/.bashrc"
install -m 0644 "$image_src/profile-gaiola.sh" "$work/etc/profile.d/gaiola.sh"

# The course rootfs of lessons 01-02 (`chroot rootfs /bin/sh` from /root): a static busybox, its applets
# as symlinks in /bin, the usual empty mount points and a minimal /etc. About 2 MB.
rootfs="$work/root/rootfs"
mkdir -p "$rootfs"/{bin,dev,etc,proc,root,sys,tmp}
chmod 0555 "$rootfs/proc" "$rootfs/sys"
chmod 0700 "$rootfs/root"
chmod 1777 "$rootfs/tmp"
install -m 0755 "$work/bin/busybox" "$rootfs/bin/busybox"
for applet in $("$rootfs/bin/busybox" --list); do
  case "$applet" in busybox | */*) continue ;; esac
  ln -sf busybox "$rootfs/bin/$applet"
done
[ -L "$rootfs/bin/sh" ] || die "busybox in the base image has no sh applet"
for f in passwd group hostname; do install -m 0644 "$image_src/rootfs/etc/$f" "$rootfs/etc/$f"; done
echo "$want" > "$work/.gaiola-stamp"

if [ -d "$GAIOLA_BASE_DIR" ]; then
  mv "$GAIOLA_BASE_DIR" "$GAIOLA_BASE_DIR.old.$$"
  rm -rf "$GAIOLA_BASE_DIR.old.$$"
fi
mv "$work" "$GAIOLA_BASE_DIR"
say "base image ready: $(du -sh "$GAIOLA_BASE_DIR" | cut -f1)"
