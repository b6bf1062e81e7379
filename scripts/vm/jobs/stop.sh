# Ctrl-C of npm start (SIGINT to its process group, as the terminal sends it), then: nothing of gaiola is left
# in the guest (processes, systemd scopes, cgroups, /run/gaiola*, overlay mounts in any mount namespace).
pid=$(cat /root/npm-start.pid 2>/dev/null)
[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || { echo "NOT OK: npm start is not running"; cat /root/npm-start.log; exit 1; }
t0=$(date +%s)
kill -INT -- "-$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
echo "npm start gone after $(( $(date +%s) - t0 )) s"
cat /root/npm-start.log
fail=0
left() { echo "NOT OK: left behind: $1"; echo "$2"; fail=1; }
kill -0 "$pid" 2>/dev/null && left "npm start ($pid)" ""
procs=$(pgrep -af 'sandbox-agent/src/main\.ts|next start|next-server|gaiola-sandbox')
[ -z "$procs" ] || left processes "$procs"
units=$(systemctl list-units --all --no-legend --plain 'gaiola*')
[ -z "$units" ] || left "systemd units" "$units"
cgroups=$(find /sys/fs/cgroup -name 'gaiola*' -type d)
[ -z "$cgroups" ] || left cgroups "$cgroups"
run=$(find /run -maxdepth 1 -name 'gaiola*')
[ -z "$run" ] || left "/run/gaiola*" "$run"
overlays=$(grep -h ' - overlay ' /proc/[0-9]*/mountinfo 2>/dev/null | sort -u)
[ -z "$overlays" ] || left "overlay mounts" "$overlays"
[ $fail = 0 ] && echo "ok: nothing of gaiola is left in the guest"
exit $fail
