#!/usr/bin/env bash
# `npm run test:vm`: the project where classes run it. Builds (or reuses) a Debian guest with systemd as PID 1,
# pure cgroup v2 and AppArmor (scripts/vm/build-image.sh), boots it under QEMU with software emulation (TCG),
# and runs in root's login session on its serial console: the facts, the agent's host probe, `npm start`,
# the e2e smoke in the HOST's Chromium through loopback forwards (playwright.vm.config.ts), Ctrl-C and a
# check that nothing is left, the class's systemd service (`npm run class -- --install`, then its removal), the
# whole kernel tier and again a check that nothing is left. Logs and summary.json land in test-results/vm/TARGET/.
#   npm run test:vm [-- --target bookworm|trixie] [--rebuild] [--bench] [--kernel-only FILE,...]
# --kernel-only runs, after the facts, only the named kernel test files (none left out) and the nothing-left
# check: a developer's look at one test in the guest; the other stages are reported as not run.
# --bench adds, before the last nothing-left check, the start-time benchmark of a v2 cgroup entry
# (bench/cgroup-entry.ts: first prompt born in the cgroup vs moved there) and the terminal stage of
# `npm run bench` (starts alone, at once and warm, keystroke echo beside wetty, each beside the floor or the
# peer measured in the guest), their output in bench.log and the terminal stage's JSON in bench-terminal.json.
# The peer (wetty) is installed on the host first, as the guest has no network.
# Each stage has a time limit; one that passes it is named in the closing line, the guest is killed, and the
# host keeps no process, mount or loop device of the run (QEMU is stopped by its PID; nothing is mounted).
set -uo pipefail
source "$(dirname "$0")/../lib.sh"
need_root
started=$(date +%s)

target=bookworm
rebuild=
bench=
kernel_only=
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target=${2:-}; shift 2 || shift ;;
    --target=*) target=${1#--target=}; shift ;;
    --rebuild) rebuild=--rebuild; shift ;;
    --bench) bench=1; shift ;;
    --kernel-only) kernel_only=${2:-}; shift 2 || shift ;;
    --kernel-only=*) kernel_only=${1#--kernel-only=}; shift ;;
    *) die "unknown option $1 (npm run test:vm -- [--target bookworm|trixie] [--rebuild] [--bench] [--kernel-only FILE,...])" ;;
  esac
done
case "$target" in bookworm | trixie) ;; *) die "unknown VM target '$target' (bookworm or trixie)" ;; esac
# The files are checked here, by name, so nothing but paths of this checkout's kernel tests reaches the guest.
if [ -n "$kernel_only" ]; then
  for f in ${kernel_only//,/ }; do
    [[ "$f" =~ ^sandbox-agent/test/[a-z0-9-]+\.kernel\.test\.ts$ ]] && [ -f "$GAIOLA_ROOT/$f" ] ||
      die "--kernel-only: '$f' is not a kernel test file of this checkout (sandbox-agent/test/NAME.kernel.test.ts)"
  done
fi

# Time limits, in seconds, of each stage on this project's 2-core machine under TCG (about 10x slower than
# native), with room for other work on the machine; what they usually take is in the comments. Each can be
# changed with GAIOLA_VM_LIMIT_<STAGE> (to try the tier's own failure paths, for one).
LIMIT_BOOT=${GAIOLA_VM_LIMIT_BOOT:-300}             # to the login shell: 40-60 s
LIMIT_FACTS=${GAIOLA_VM_LIMIT_FACTS:-120}           # 5 s
LIMIT_PROBE=${GAIOLA_VM_LIMIT_PROBE:-180}           # 10-20 s
LIMIT_START=${GAIOLA_VM_LIMIT_START:-900}           # npm start to /health and the site: 80-110 s
LIMIT_E2E=${GAIOLA_VM_LIMIT_E2E:-900}               # three lessons in Chromium against the guest: 75 s
LIMIT_STOP=${GAIOLA_VM_LIMIT_STOP:-180}             # Ctrl-C to nothing left: 5 s
LIMIT_KERNEL=${GAIOLA_VM_LIMIT_KERNEL:-1500}        # the whole kernel tier: 10-14 min
LIMIT_BENCH=${GAIOLA_VM_LIMIT_BENCH:-900}           # --bench: cgroup entry 70 s, terminal stage 70 s
LIMIT_POWEROFF=${GAIOLA_VM_LIMIT_POWEROFF:-120}     # 5 s
# A few GiB: the kernel tier's sandboxes are capped at 512 MiB each, and their parent at RAM minus 1 GiB.
VM_MEMORY=${GAIOLA_VM_MEMORY:-4G}
# The ports the host's loopback forwards to the guest; the guest's site and agent use the same numbers, so the
# browser's origin is the site's own. Away from npm start's 3000/3001 and the e2e tier's 3100/3101.
SITE_PORT=${GAIOLA_VM_SITE_PORT:-3280}
AGENT_PORT=${GAIOLA_VM_AGENT_PORT:-3281}
# QEMU's user network gives the guest this address (slirp's default guest address).
GUEST_ADDR=10.0.2.15

# Everything is gathered in $run (a host e2e run empties test-results/ when it starts) and copied to the
# results directory at the end.
results="$GAIOLA_ROOT/test-results/vm/$target"
rm -rf "$results"
run=$(mktemp -d /var/tmp/gaiola-vm-run.XXXXXX)
stages="$run/stages.tsv"
: > "$stages"
share="$run/share"
mkdir -p "$share/queue" "$share/out"
qemu_pid=
e2e_pid=
stopped_at=

# stage_result NAME STATUS MILLISECONDS NOTE: one row of the summary (passed, failed, timeout, not-run, skipped).
stage_result() {
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$stages"
  case "$2" in
    passed) say "vm: $1 ok ($(( $3 / 1000 )) s)" ;;
    *) say "vm: $1 $2 ($(( $3 / 1000 )) s)${4:+: $4}" ;;
  esac
}
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

qemu_alive() { [ -n "$qemu_pid" ] && kill -0 "$qemu_pid" 2>/dev/null; }
kill_qemu() {
  qemu_alive || return 0
  kill -TERM "$qemu_pid" 2>/dev/null
  for _ in $(seq 1 20); do qemu_alive || break; sleep 0.5; done
  qemu_alive && kill -KILL "$qemu_pid" 2>/dev/null
  wait "$qemu_pid" 2>/dev/null
  qemu_pid=
}

collect() {
  mkdir -p "$results"
  cp "$stages" "$results/"
  cp -a "$share/out/." "$results/" 2>/dev/null
  cp "$run/serial.log" "$results/serial.log" 2>/dev/null
  cp "$run/qemu.log" "$results/qemu.log" 2>/dev/null
}

cleanup() {
  trap - EXIT INT TERM
  [ -n "$e2e_pid" ] && kill -0 "$e2e_pid" 2>/dev/null && kill -TERM "$e2e_pid" 2>/dev/null
  kill_qemu
  collect
  rm -rf --one-file-system "$run"
}
trap cleanup EXIT
trap 'stopped_at=${stopped_at:-interrupted}; exit 130' INT TERM

# fatal STAGE NOTE: the stage that stopped the run; the stages after it are reported as not run.
fatal() {
  stopped_at=$1
  say "vm: stopped at stage '$1': $2"
}

# ── host: QEMU, the checkout's builds, the ports
t=$(date +%s%N)
if ! (apt_install qemu-system-x86 e2fsprogs chromium); then
  fatal host "cannot install QEMU, e2fsprogs or Chromium from Debian's packages (see above)"
elif ! command -v qemu-system-x86_64 >/dev/null; then
  fatal host "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)"
elif ! qemu-system-x86_64 -accel help 2>&1 | grep -qw tcg; then
  fatal host "this QEMU has no TCG accelerator: $(qemu-system-x86_64 -accel help 2>&1 | tr '\n' ' ')"
fi
for p in "$SITE_PORT" "$AGENT_PORT"; do
  [ -z "$stopped_at" ] && [ -n "$(ss -Htln "sport = :$p")" ] &&
    fatal host "port $p of the host is taken (set GAIOLA_VM_SITE_PORT / GAIOLA_VM_AGENT_PORT)"
done
if [ -z "$stopped_at" ]; then
  # What the guest's npm start would otherwise build under TCG (or fetch, without network): dependencies,
  # launcher, base image (no-ops when the host tiers made them), and the site when a source is newer.
  if ! bash "$GAIOLA_ROOT/scripts/setup.sh"; then
    fatal host "scripts/setup.sh failed"
  elif site_needs_build && ! (cd "$GAIOLA_ROOT" && NEXT_TELEMETRY_DISABLED=1 node node_modules/next/dist/bin/next build); then
    fatal host "the site's build failed"
  fi
fi
host_note=
# The keystroke-echo peer goes into bench/.peer here, where the npm registry is reachable; without it the
# guest's echo rows are measured alone and say that the peer could not run.
if [ -z "$stopped_at" ] && [ -n "$bench" ] && ! (cd "$GAIOLA_ROOT" && node --import tsx bench/install-peer.ts); then
  host_note="the echo peer (wetty) is not installed: the guest's echo rows go without it"
  say "vm: $host_note"
fi
if [ -z "$stopped_at" ]; then stage_result host passed "$(ms_since "$t")" "$host_note"; else stage_result host failed "$(ms_since "$t")" ""; fi

# ── the guest image (cached) ─────────────────────────────────────────────────────────────────────────────
image=
if [ -z "$stopped_at" ]; then
  t=$(date +%s%N)
  if image=$(timeout -k 30 2400 bash "$GAIOLA_ROOT/scripts/vm/build-image.sh" "$target" $rebuild); then
    stage_result image passed "$(ms_since "$t")" "$image"
  else
    stage_result image failed "$(ms_since "$t")" "building the $target guest failed or took over 40 min"
    fatal image "no guest image"
  fi
fi

# ── the run disk: this checkout (node_modules, .next and the launcher built) and the base image ────────────
if [ -z "$stopped_at" ]; then
  t=$(date +%s%N)
  stage="$run/stage"
  mkdir -p "$stage/gaiola" "$stage/lib/images" "$stage/jobs"
  # Hard links: instant, and a snapshot of files that a rebuild replaces (git and next write new files); a
  # copy where /var/tmp is another filesystem. The repository's history, test output and local data stay behind.
  link_or_copy() { cp -al "$1" "$2" 2>/dev/null || { rm -rf "${2:?}/${1##*/}" && cp -a "$1" "$2"; }; }
  for f in "$GAIOLA_ROOT"/* "$GAIOLA_ROOT"/.[!.]*; do
    case "${f##*/}" in .git | data | test-results | playwright-report | .test-summary) continue ;; esac
    link_or_copy "$f" "$stage/gaiola/"
  done
  base=$(readlink -f "$GAIOLA_BASE_DIR")
  link_or_copy "$base" "$stage/lib/images/"
  ln -s "/var/lib/gaiola/images/${base##*/}" "$stage/lib/base"
  touch "$stage/lib/.apt-updated"
  install -m 0644 "$GAIOLA_ROOT/scripts/vm/runner.sh" "$stage/runner.sh"
  install -m 0644 "$GAIOLA_ROOT"/scripts/vm/jobs/* "$stage/jobs/"
  printf 'GAIOLA_VM_TARGET=%s\nGAIOLA_VM_SITE_PORT=%s\nGAIOLA_VM_AGENT_PORT=%s\nGAIOLA_VM_GUEST_ADDR=%s\nGAIOLA_VM_KERNEL_ONLY=%s\n' \
    "$target" "$SITE_PORT" "$AGENT_PORT" "$GUEST_ADDR" "${kernel_only//,/ }" > "$stage/vm.env"
  truncate -s 8G "$run/run.img"
  if mkfs.ext4 -q -F -L gaiola-run -d "$stage" "$run/run.img"; then
    stage_result checkout passed "$(ms_since "$t")" "$(du -sh --apparent-size "$stage" | cut -f1) copied"
  else
    stage_result checkout failed "$(ms_since "$t")" "mkfs.ext4 -d of the checkout failed"
    fatal checkout "no run disk"
  fi
  rm -rf --one-file-system "$stage"
fi

# ── boot ────────────────────────────────────────────────────────────────────────────────────────────────
if [ -z "$stopped_at" ]; then
  t=$(date +%s%N)
  # The root disk is opened with snapshot=on: the guest's writes go to a temporary file (in $run), never into
  # the cached image. The user network is restricted (no route out of the guest); its only openings are the
  # two forwards from the host's loopback.
  TMPDIR=$run setsid qemu-system-x86_64 -name "gaiola-vm-$target" \
    -accel tcg,thread=multi -cpu max -smp 2 -m "$VM_MEMORY" \
    -display none -monitor none -serial "file:$run/serial.log" -no-reboot \
    -kernel "$image/vmlinuz" -initrd "$image/initrd.img" \
    -append "root=/dev/vda rw console=ttyS0,115200 panic=-1" \
    -drive "file=$image/disk.img,format=raw,if=virtio,snapshot=on,cache=unsafe" \
    -drive "file=$run/run.img,format=raw,if=virtio,cache=unsafe" \
    -virtfs "local,path=$share,mount_tag=share,security_model=passthrough,id=share" \
    -nic "user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:$SITE_PORT-:$SITE_PORT,hostfwd=tcp:127.0.0.1:$AGENT_PORT-:$AGENT_PORT" \
    </dev/null >"$run/qemu.log" 2>&1 &
  qemu_pid=$!
  deadline=$(( $(date +%s) + LIMIT_BOOT ))
  while [ ! -f "$share/out/ready.txt" ] && qemu_alive && [ "$(date +%s)" -lt "$deadline" ]; do sleep 1; done
  if [ -f "$share/out/ready.txt" ]; then
    stage_result boot passed "$(ms_since "$t")" "$(head -1 "$share/out/ready.txt")"
  elif qemu_alive; then
    stage_result boot timeout "$(ms_since "$t")" "no login shell after ${LIMIT_BOOT} s (see serial.log)"
    fatal boot "the guest did not reach its login shell in ${LIMIT_BOOT} s"
    kill_qemu
  else
    stage_result boot failed "$(ms_since "$t")" "QEMU exited: $(tail -3 "$run/qemu.log" | tr '\n' ' ')"
    fatal boot "QEMU exited before the guest was up"
  fi
fi

# job NAME LIMIT: runs jobs/NAME.sh in the guest's login session and waits for it (LIMIT plus a margin for the
# runner's own kill); a guest that does not answer in time is killed and stops the run.
job() {
  local name=$1 limit=$2 t rc_line
  [ -z "$stopped_at" ] || { stage_result "$name" not-run 0 "after '$stopped_at' stopped"; return; }
  t=$(date +%s%N)
  echo "$limit" > "$share/queue/$name.tmp" && mv "$share/queue/$name.tmp" "$share/queue/$name"
  say "vm: ── $name (limit $limit s)"
  local deadline=$(( $(date +%s) + limit + 60 ))
  while [ ! -f "$share/out/$name.rc" ] && qemu_alive && [ "$(date +%s)" -lt "$deadline" ]; do sleep 1; done
  if [ -f "$share/out/$name.rc" ]; then
    read -r rc_line _ < "$share/out/$name.rc"
    case "$rc_line" in
      0) stage_result "$name" passed "$(ms_since "$t")" "" ;;
      124 | 137) stage_result "$name" timeout "$(ms_since "$t")" "stopped by its ${limit} s limit (log: $name.log)" ;;
      *) stage_result "$name" failed "$(ms_since "$t")" "exit $rc_line (log: $name.log)" ;;
    esac
    tail -5 "$share/out/$name.log" 2>/dev/null | sed 's/^/    /'
  elif qemu_alive; then
    stage_result "$name" timeout "$(ms_since "$t")" "the guest did not finish it in $(( limit + 60 )) s"
    fatal "$name" "the guest stopped answering"
    kill_qemu
  else
    stage_result "$name" failed "$(ms_since "$t")" "QEMU exited during the job (see serial.log)"
    fatal "$name" "QEMU exited"
  fi
}

# e2e: the host's Chromium drives the guest's site and agent through the forwards.
e2e() {
  [ -z "$stopped_at" ] || { stage_result e2e not-run 0 "after '$stopped_at' stopped"; return; }
  local t rc
  t=$(date +%s%N)
  say "vm: ── e2e (limit $LIMIT_E2E s)"
  (cd "$GAIOLA_ROOT" && GAIOLA_VM_SITE_PORT=$SITE_PORT GAIOLA_VM_AGENT_PORT=$AGENT_PORT GAIOLA_VM_TARGET=$target \
    PLAYWRIGHT_JSON_OUTPUT_NAME="$share/out/e2e.json" GAIOLA_VM_E2E_OUTPUT_DIR="$share/out/e2e" \
    exec timeout -k 30 "$LIMIT_E2E" npx playwright test --config playwright.vm.config.ts --reporter=list,json) &
  e2e_pid=$!
  wait "$e2e_pid"
  rc=$?
  e2e_pid=
  case "$rc" in
    0) stage_result e2e passed "$(ms_since "$t")" "" ;;
    124 | 137) stage_result e2e timeout "$(ms_since "$t")" "stopped by its ${LIMIT_E2E} s limit" ;;
    *) stage_result e2e failed "$(ms_since "$t")" "exit $rc (report: e2e.json, traces under e2e/)" ;;
  esac
}

job facts "$LIMIT_FACTS"
if [ -n "$kernel_only" ]; then
  for s in probe start e2e stop service; do stage_result "$s" skipped 0 "--kernel-only"; done
else
  job probe "$LIMIT_PROBE"
  job start "$LIMIT_START"
  if [ -n "$stopped_at" ] || [ "$(cut -d' ' -f1 "$share/out/start.rc" 2>/dev/null)" = 0 ]; then
    e2e
  else
    stage_result e2e not-run 0 "npm start did not come up"
  fi
  job stop "$LIMIT_STOP"
  job service "$LIMIT_START"
fi
job kernel "$LIMIT_KERNEL"
[ -z "$bench" ] || job bench "$LIMIT_BENCH"
job left "$LIMIT_STOP"

# ── power off ────────────────────────────────────────────────────────────────────────────────────────────
if qemu_alive; then
  t=$(date +%s%N)
  touch "$share/queue/POWEROFF"
  deadline=$(( $(date +%s) + LIMIT_POWEROFF ))
  while qemu_alive && [ "$(date +%s)" -lt "$deadline" ]; do sleep 1; done
  if qemu_alive; then
    stage_result poweroff timeout "$(ms_since "$t")" "the guest did not power off in ${LIMIT_POWEROFF} s: QEMU killed"
    kill_qemu
  else
    wait "$qemu_pid" 2>/dev/null
    qemu_pid=
    stage_result poweroff passed "$(ms_since "$t")" ""
  fi
fi
collect

node "$GAIOLA_ROOT/scripts/vm/summary.mjs" "$results" "$target" "${stopped_at:-}"
rc=$?
say "vm: the $target tier took $(( $(date +%s) - started )) s"
exit $rc
