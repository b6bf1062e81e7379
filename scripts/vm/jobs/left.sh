# Nothing of gaiola is left in the guest: processes, systemd units, cgroups, /run/gaiola*, overlay mounts in any
# mount namespace. jobs/stop.sh runs it after Ctrl-C of npm start; run.sh queues it as a job of its own after
# the kernel tier, so that a leak there counts as a failure even when every test passed (the agents' leaf in
# this login session's scope, .../session-N.scope/gaiola-agent, was one).
fail=0
left() { echo "NOT OK: left behind: $1"; echo "$2"; fail=1; }
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
echo "this session: $(cat /proc/self/cgroup)"
[ $fail = 0 ] && echo "ok: nothing of gaiola is left in the guest"
exit $fail
