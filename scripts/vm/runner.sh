#!/bin/bash
# Guest side of scripts/vm/run.sh. Root's login shell on ttyS0 (agetty's autologin, a logind session like an
# admin's ssh login) execs this from the run disk, so every job runs in that session's scope. The host queues
# a job by creating share/queue/NAME holding its time limit in seconds; this runs /mnt/run/jobs/NAME.sh under
# that limit with its output in share/out/NAME.log, then writes share/out/NAME.rc ("exit-status milliseconds").
# share/queue/POWEROFF powers the guest off. Nothing here reaches a network: the only link is QEMU's
# restricted user network, which carries the host's loopback forwards to the site and the agent.
S=/mnt/share
set -a
# shellcheck disable=SC1091
. /mnt/run/vm.env
set +a
mkdir -p "$S/out"

# The guest's address on QEMU's user network, where the host's forwards arrive.
ip link set lo up
for dev in /sys/class/net/*; do
  dev=${dev##*/}
  [ "$dev" = lo ] && continue
  ip addr add "$GAIOLA_VM_GUEST_ADDR/24" dev "$dev" && ip link set "$dev" up
  break
done

{
  echo "uptime $(cut -d' ' -f1 /proc/uptime) s"
  systemd-analyze 2>&1 | head -1
  echo "cgroup $(cat /proc/self/cgroup)"
} > "$S/out/ready.tmp" 2>&1
mv "$S/out/ready.tmp" "$S/out/ready.txt"

while :; do
  for q in "$S"/queue/*; do
    [ -f "$q" ] || continue
    name=${q##*/}
    if [ "$name" = POWEROFF ]; then
      rm -f "$q"
      systemctl poweroff
      exec sleep 600
    fi
    case "$name" in *.tmp) continue ;; esac
    limit=$(cat "$q")
    rm -f "$q"
    echo "[vm-runner] $(date -u +%T) $name (limit ${limit} s)"
    t0=$(date +%s%N)
    # timeout kills the job's whole process group when the limit passes (124; 137 after the extra 30 s).
    # A job that detaches on purpose (npm start) uses setsid and is stopped by a later job.
    (cd /root && timeout -k 30 "$limit" bash "/mnt/run/jobs/$name.sh") > "$S/out/$name.log" 2>&1 < /dev/null
    rc=$?
    t1=$(date +%s%N)
    echo "$rc $(( (t1 - t0) / 1000000 ))" > "$S/out/$name.rc.tmp"
    mv "$S/out/$name.rc.tmp" "$S/out/$name.rc"
    echo "[vm-runner] $(date -u +%T) $name exit $rc"
  done
  sleep 1
done
