#!/usr/bin/env bash
# Builds the test guest's disk image from Debian's packages only, or reuses a cached one, and prints the
# directory that holds it (disk.img, vmlinuz, initrd.img). Used by scripts/vm/run.sh; see there.
#   build-image.sh TARGET [--rebuild]     TARGET: bookworm (Debian 12, kernel 6.1) or trixie (Debian 13, 6.12)
#
# The guest is what an instructor's fresh VM is: systemd as PID 1 with pure cgroup v2, Debian's stock kernel,
# AppArmor as Debian ships it (linux-image Recommends it), libpam-systemd so that a login gets a logind
# session, and root logged in automatically on the serial console, so the jobs run in a real login session
# (an admin's ssh login). Debian 12's node is too old for the project: the host's Node 20 is copied in.
#
# Cache: /var/cache/gaiola-vm/TARGET-HASH/, HASH over this script's text, the target and the host's node
# version (the recipe). A build goes into a .building-* directory renamed at the very end, so a half-built
# image is never used; a rerun with the same recipe costs nothing here.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
need_root

target=${1:-bookworm}
rebuild=${2:-}
case "$target" in bookworm | trixie) ;; *) die "unknown VM target '$target' (bookworm or trixie)" ;; esac
[ -z "$rebuild" ] || [ "$rebuild" = --rebuild ] || die "unknown option $rebuild"

# Guest packages. The first group is a server install's core; the second what scripts/lib.sh
# install_host_packages and build-base-image.sh would otherwise fetch with apt (the guest has no network);
# busybox and psmisc are what the kernel tests use on the host side.
PACKAGES=(
  systemd systemd-sysv udev dbus libpam-systemd dbus-user-session apparmor linux-image-amd64 initramfs-tools
  kmod procps iproute2 util-linux ca-certificates
  build-essential gcc libc6-dev python3 curl debootstrap busybox psmisc less
)
# Root disk size: sparse, about 1.5 GiB of it used.
DISK_SIZE=6G

cache=${GAIOLA_VM_CACHE:-/var/cache/gaiola-vm}
node_bin=$(command -v node) || die "node is not installed on this host"
npm_dir=$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)
key=$( { cat "$0"; echo "$target"; "$node_bin" --version; } | sha256sum | cut -c1-16)
final="$cache/$target-$key"

mkdir -p "$cache"
exec 8>"$cache/.lock-$target"
flock -w 1800 8 || die "another build of the $target guest holds $cache/.lock-$target"

if [ -n "$rebuild" ] && [ -d "$final" ]; then
  say "vm: --rebuild: removing the cached $target guest $final" >&2
  rm -rf --one-file-system "$final"
fi
if [ -f "$final/disk.img" ] && [ -f "$final/vmlinuz" ] && [ -f "$final/initrd.img" ]; then
  echo "$final"
  exit 0
fi

apt_install debootstrap e2fsprogs >&2
work="$cache/.building-$target-$key-$$"
rootfs="$work/rootfs"
# Whatever a failed build leaves mounted under the build directory (debootstrap mounts proc and sys in the
# target while it installs) is unmounted before the directory goes.
cleanup() {
  local m
  if [ -d "$work" ]; then
    for m in $(findmnt -rn -o TARGET | grep -F "$work/" | sort -r); do umount -l "$m" 2>/dev/null || true; done
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT
# Builds that never finished (their process is gone) are removed.
for d in "$cache"/.building-"$target"-*; do
  [ -d "$d" ] || continue
  kill -0 "${d##*-}" 2>/dev/null || rm -rf --one-file-system "$d"
done
mkdir -p "$work"

# The Debian mirror the host's own apt uses (deb822 or one-line sources), else deb.debian.org.
mirror=${GAIOLA_DEBIAN_MIRROR:-$( (grep -rhoE '^(deb|URIs:) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list \
  /etc/apt/sources.list.d/ 2>/dev/null || true) | awk '{print $2; exit}')}
mirror=${mirror:-http://deb.debian.org/debian}
say "vm: building the $target guest with debootstrap from $mirror (a few minutes, once per recipe)" >&2
include=$(IFS=,; echo "${PACKAGES[*]}")
if ! debootstrap --include="$include" "$target" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -20 "$work/debootstrap.log" >&2
  die "debootstrap of $target failed; check that $mirror is reachable"
fi

echo gaiola-vm > "$rootfs/etc/hostname"
printf '127.0.0.1\tlocalhost gaiola-vm\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$rootfs/etc/hosts"
: > "$rootfs/etc/resolv.conf"
# /dev/vdb is the run disk (scripts/vm/run.sh makes it for each run: the checkout and the base image), bound
# where a clone and `npm start` would have put them; the 9p share carries the job queue and the logs back.
mkdir -p "$rootfs/mnt/run" "$rootfs/mnt/share" "$rootfs/root/gaiola" "$rootfs/var/lib/gaiola"
cat > "$rootfs/etc/fstab" <<'FSTAB'
/dev/vda          /                ext4  rw,relatime,errors=remount-ro              0 1
LABEL=gaiola-run  /mnt/run         ext4  rw,relatime,x-systemd.device-timeout=60s   0 2
/mnt/run/gaiola   /root/gaiola     none  bind,x-systemd.requires-mounts-for=/mnt/run 0 0
/mnt/run/lib      /var/lib/gaiola  none  bind,x-systemd.requires-mounts-for=/mnt/run 0 0
share             /mnt/share       9p    trans=virtio,version=9p2000.L,msize=262144 0 0
FSTAB

# 9p in the initramfs too (virtio's block driver is there already).
printf '9p\n9pnet\n9pnet_virtio\n' >> "$rootfs/etc/initramfs-tools/modules"
chroot "$rootfs" update-initramfs -u -k all >"$work/initramfs.log" 2>&1 ||
  { tail -20 "$work/initramfs.log" >&2; die "update-initramfs in the $target guest failed"; }

# Root logged in on ttyS0 by agetty: pam_systemd gives the shell a logind session (session-N.scope), and its
# profile hands the console to the job runner of the run disk.
mkdir -p "$rootfs/etc/systemd/system/serial-getty@ttyS0.service.d"
cat > "$rootfs/etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf" <<'UNIT'
[Service]
ExecStart=
ExecStart=-/sbin/agetty --autologin root --keep-baud 115200,57600,38400,9600 %I $TERM
UNIT
cat > "$rootfs/root/.bash_profile" <<'PROFILE'
[ -f ~/.bashrc ] && . ~/.bashrc
if [ "$(tty)" = /dev/ttyS0 ] && [ -f /mnt/run/runner.sh ]; then
  exec bash /mnt/run/runner.sh
fi
PROFILE
# Nothing periodic wakes up during a run (apt's timers would try the network).
chroot "$rootfs" systemctl mask apt-daily.timer apt-daily-upgrade.timer man-db.timer e2scrub_all.timer \
  fstrim.timer >/dev/null 2>&1 || true

# The host's Node 20 (node and npm: the same build that ran the host tiers; glibc of Debian 12 or newer).
install -m 0755 "$node_bin" "$rootfs/usr/bin/node"
mkdir -p "$rootfs/usr/lib/node_modules"
cp -a "$npm_dir" "$rootfs/usr/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/bin/npx"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb

cp -L "$rootfs/vmlinuz" "$work/vmlinuz"
cp -L "$rootfs/initrd.img" "$work/initrd.img"
truncate -s "$DISK_SIZE" "$work/disk.img"
mkfs.ext4 -q -F -L gaiola-root -d "$rootfs" "$work/disk.img" || die "mkfs.ext4 of the $target guest failed"
rm -rf --one-file-system "$rootfs"
mv -T "$work" "$final"
# Other recipes' images of this target are of no use any more.
for d in "$cache/$target"-*; do
  [ "$d" = "$final" ] || rm -rf --one-file-system "$d"
done
say "vm: $target guest image ready in $final ($(du -sh "$final" | cut -f1) used)" >&2
echo "$final"
