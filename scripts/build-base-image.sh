#!/usr/bin/env bash
# Builds the sandboxes' read-only base image from Debian packages (debootstrap). Rebuilt only when the package
# list, this script or a file of sandbox-agent/image/ changes.
#
# Images are versioned, so that a rebuild never touches the lower layer of a running sandbox:
#   /var/lib/gaiola/images/<UTC time>-<stamp>/   one complete image each, never modified once built
#   /var/lib/gaiola/base -> images/<newest>       a symlink, switched atomically (rename of a new symlink over it)
# The agent opens the symlink once per sandbox it creates and keeps that directory open for the sandbox's
# life (kernel/sandbox.ts), so an image is in use exactly while some process holds it open, has it as its
# cwd or root, or some mount namespace lists it. Older images are deleted here only when none of that holds;
# the newest two are always kept (a launcher run by hand, or an agent from before versioned images, holds
# no reference but can only have started on one of them since the previous build).
# A plain directory at $GAIOLA_BASE_DIR (the layout before versioned images) is moved into images/ first.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root

# What the course's lessons use inside the sandbox (research/curriculum.md §5). No bash-completion: it costs
# about 20 ms of every shell start (`bash -lic exit` 25 ms against 5 ms); bash's own completion stays.
# runc: lesson 13 (OCI); strace, file: looking at what programs do; libseccomp2 comes with runc; attr
# (setfattr, getfattr): the opaque directories of the OCI image lesson.
PACKAGES=(
  util-linux iproute2 procps libcap2-bin busybox-static iputils-ping psmisc less nano vim-tiny
  cgroup-tools jq tmux nftables iptables ncurses-term passwd runc libseccomp2 strace file attr
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

parent=$(dirname "$GAIOLA_BASE_DIR")
images=${GAIOLA_IMAGES_DIR:-$parent/images}
mkdir -p "$images"
fstype=$(stat -f -c %T "$images")
case "$fstype" in tmpfs|ramfs) die "$images is on $fstype; the base image must live on ext4, xfs or btrfs (set GAIOLA_BASE_DIR)" ;; esac
# One build at a time (the lock is released when this script exits).
exec 9>"$images/.lock"
flock -n 9 || die "another base image build holds $images/.lock"

# switch_to DIR: points $GAIOLA_BASE_DIR at DIR in one rename(2): a sandbox created at any moment gets the old
# image or the new one, whole.
switch_to() {
  local tmp="$GAIOLA_BASE_DIR.new.$$"
  ln -sfn "$1" "$tmp"
  mv -T "$tmp" "$GAIOLA_BASE_DIR"
}

# Migration from the unversioned layout: the directory moves (a rename on the same filesystem: running
# sandboxes keep their lower, which the kernel holds by inode, not by path) and a symlink takes its place.
# The name is free for a moment in between; this happens once.
if [ -d "$GAIOLA_BASE_DIR" ] && [ ! -L "$GAIOLA_BASE_DIR" ]; then
  old_stamp=$(cat "$GAIOLA_BASE_DIR/.gaiola-stamp" 2>/dev/null || echo unknown)
  legacy="$images/$(date -u -r "$GAIOLA_BASE_DIR" +%Y%m%dT%H%M%SZ)-$old_stamp"
  say "moving the unversioned base image $GAIOLA_BASE_DIR to $legacy"
  mv -T "$GAIOLA_BASE_DIR" "$legacy"
  switch_to "$legacy"
fi

# in_use DIR: true when a process holds DIR (or anything under it) open, as its cwd or root, or when a mount
# namespace's mount table names it. One mountinfo per mount namespace is enough.
in_use() {
  local dir=$1 name l p ns
  name=$(basename "$dir")
  local -A seen=()
  for p in /proc/[0-9]*; do
    for l in "$p"/fd/* "$p"/cwd "$p"/root; do
      l=$(readlink "$l" 2>/dev/null) || continue
      case "$l" in "$dir" | "$dir"/*) return 0 ;; esac
    done
    ns=$(readlink "$p/ns/mnt" 2>/dev/null) || continue
    [ -n "${seen[$ns]:-}" ] && continue
    seen[$ns]=1
    grep -qE "/$name(/| |,|$)" "$p/mountinfo" 2>/dev/null && return 0
  done
  return 1
}

# Deletes every image but the newest two that nothing uses, and builds that never finished.
collect_old_images() {
  local current all i d
  current=$(readlink -f "$GAIOLA_BASE_DIR" 2>/dev/null || true)
  mapfile -t all < <(find "$images" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | LC_ALL=C sort -r)
  for ((i = 2; i < ${#all[@]}; i++)); do
    d="$images/${all[$i]}"
    [ "$d" = "$current" ] && continue
    if in_use "$d"; then
      say "keeping the old base image $d: sandboxes still run on it"
    else
      rm -rf --one-file-system "$d"
    fi
  done
  find "$images" -mindepth 1 -maxdepth 1 -type d -name '.building-*' -exec rm -rf --one-file-system {} +
}

if [ -f "$GAIOLA_BASE_DIR/.gaiola-stamp" ] && [ "$(cat "$GAIOLA_BASE_DIR/.gaiola-stamp")" = "$want" ]; then
  collect_old_images
  exit 0
fi
# An image of this very stamp is still kept (after a checkout of another version and back): use it again.
for d in "$images"/*-"$want"; do
  if [ -f "$d/.gaiola-stamp" ] && [ "$(cat "$d/.gaiola-stamp")" = "$want" ]; then
    say "using the base image $d again"
    switch_to "$d"
    collect_old_images
    exit 0
  fi
done

apt_install debootstrap
# shellcheck disable=SC1091
. /etc/os-release
suite=${VERSION_CODENAME:-bookworm}
case "$ID:$suite" in debian:*) ;; *) suite=bookworm ;; esac
mirror=${GAIOLA_DEBIAN_MIRROR:-http://deb.debian.org/debian}

name="$(date -u +%Y%m%dT%H%M%SZ)-$want"
work="$images/.building-$name"
rm -rf --one-file-system "$images"/.building-*
apt_install gcc libc6-dev
say "building the sandbox base image ($suite, ${#PACKAGES[@]} packages) into $images/$name: a few minutes, once"
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
# aluno's too: `su - aluno` drops root's exported PS1, and every bash of aluno's reads this file.
install -m 0644 -o 1000 -g 1000 "$image_src/bashrc" "$work/home/aluno/.bashrc"
install -m 0644 "$image_src/profile-gaiola.sh" "$work/etc/profile.d/gaiola.sh"

# seccomp-deny (lesson 11): a static binary from sandbox-agent/image/seccomp-deny.c, with the system call
# names of the host's headers (the image has the same architecture).
cc_dir=$(mktemp -d /tmp/gaiola-seccomp-deny.XXXXXX)
printf '#include <sys/syscall.h>\n' | gcc -dM -E - |
  sed -n 's/^#define SYS_\([a-z0-9_]*\) .*/{"\1", SYS_\1},/p' | LC_ALL=C sort > "$cc_dir/syscall-names.h"
gcc -Os -s -Wall -static -I "$cc_dir" -o "$cc_dir/seccomp-deny" "$image_src/seccomp-deny.c" ||
  die "building seccomp-deny failed (gcc and libc6-dev are needed)"
install -m 0755 "$cc_dir/seccomp-deny" "$work/usr/local/bin/seccomp-deny"
# escapa (lesson 07): the chroot escape, static so that it also runs inside the busybox rootfs.
gcc -Os -s -Wall -static -o "$cc_dir/escapa" "$image_src/escapa.c" || die "building escapa failed"
install -m 0755 "$cc_dir/escapa" "$work/usr/local/bin/escapa"
rm -rf "$cc_dir"

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
# The OCI image layout of the lesson "an image from a registry's layers": three layers built from the same busybox.
bash "$image_src/oci-layout.sh" "$rootfs" "$work/root/oci"
echo "$want" > "$work/.gaiola-stamp"

mv -T "$work" "$images/$name"
switch_to "$images/$name"
collect_old_images
say "base image ready: $images/$name ($(du -sh "$images/$name" | cut -f1)), $GAIOLA_BASE_DIR points at it"
