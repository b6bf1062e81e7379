#!/usr/bin/env bash
# Writes the small OCI image layout of the lesson "an image from a registry's layers" (the sandbox has no
# network, so the image is built here, from the base image's busybox rootfs, as a registry would serve it):
#   oci-layout.sh ROOTFS OUT
# OUT/oci-layout, OUT/index.json and OUT/blobs/sha256/<digest>: the manifest, the config and three gzipped layer
# tarballs, bottom first:
#   1 base    the course's busybox rootfs (busybox and its applets in /bin, /etc, empty /dev /proc /sys /tmp
#             /root) and /etc/motd
#   2 app     /app/run.sh (the config's Cmd) and /app/conf/antigo.conf
#   3 update  deletes /etc/motd (etc/.wh.motd) and replaces /app/conf (app/conf/.wh..wh..opq, app/conf/novo.conf)
# Deterministic: the same rootfs gives the same digests (sorted names, one mtime, root:root, gzip -n), as
# OCI's image spec (image-layout.md, layer.md, manifest.md, config.md) lays them out.
set -euo pipefail
rootfs=$1
out=$2
# 2024-01-01T00:00:00Z: every file's mtime and the config's `created`, so that rebuilds give the same blobs.
EPOCH=1704067200
CREATED=2024-01-01T00:00:00Z

tmp=$(mktemp -d /tmp/gaiola-oci.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"/{1,2,3} "$out/blobs/sha256"

# Layer 1: a busybox root, the course's own (lesson 01's rootfs, as build-base-image.sh makes it).
l=$tmp/1
cp -a "$rootfs/." "$l/"
printf 'camada 1\n' > "$l/etc/motd"

# Layer 2: the application.
l=$tmp/2
mkdir -p "$l/app/conf"
printf 'porta=8080\n' > "$l/app/conf/antigo.conf"
cat > "$l/app/run.sh" <<'EOF'
#!/bin/sh
echo "app: $(cat /app/conf/*.conf)"
if [ -e /etc/motd ]; then echo "motd: $(cat /etc/motd)"; else echo 'motd: apagado'; fi
exec /bin/sh
EOF
chmod 0755 "$l/app/run.sh"

# Layer 3: an update that deletes a file and replaces a directory, in OCI's spelling of both.
l=$tmp/3
mkdir -p "$l/etc" "$l/app/conf"
: > "$l/etc/.wh.motd"
: > "$l/app/conf/.wh..wh..opq"
printf 'porta=9090\n' > "$l/app/conf/novo.conf"

# blob FILE: moves FILE into blobs/sha256 under its digest and prints the digest's hex.
blob() {
  local hex
  hex=$(sha256sum "$1" | cut -d' ' -f1)
  mv "$1" "$out/blobs/sha256/$hex"
  chmod 0644 "$out/blobs/sha256/$hex"
  echo "$hex"
}
size() { stat -c %s "$out/blobs/sha256/$1"; }

layers=''
diff_ids=''
for n in 1 2 3; do
  find "$tmp/$n" -exec touch -h -d "@$EPOCH" {} +
  tar --sort=name --mtime="@$EPOCH" --owner=0 --group=0 --numeric-owner --format=posix \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -C "$tmp/$n" -cf "$tmp/layer.tar" .
  diff_ids+="${diff_ids:+,}\"sha256:$(sha256sum "$tmp/layer.tar" | cut -d' ' -f1)\""
  gzip -n -9 "$tmp/layer.tar"
  hex=$(blob "$tmp/layer.tar.gz")
  layers+="${layers:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$hex\",\"size\":$(size "$hex")}"
done

arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
printf '{"created":"%s","architecture":"%s","os":"linux","config":{"Env":["PATH=/bin"],"Cmd":["/bin/sh","/app/run.sh"],"WorkingDir":"/app"},"rootfs":{"type":"layers","diff_ids":[%s]}}\n' \
  "$CREATED" "$arch" "$diff_ids" > "$tmp/config.json"
config=$(blob "$tmp/config.json")
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[%s]}\n' \
  "$config" "$(size "$config")" "$layers" > "$tmp/manifest.json"
manifest=$(blob "$tmp/manifest.json")
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"1.0"}}]}\n' \
  "$manifest" "$(size "$manifest")" > "$out/index.json"
printf '{"imageLayoutVersion":"1.0.0"}\n' > "$out/oci-layout"
chmod 0644 "$out/index.json" "$out/oci-layout"
