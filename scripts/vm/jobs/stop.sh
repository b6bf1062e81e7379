# Ctrl-C of npm start (SIGINT to its process group, as the terminal sends it), then: nothing of gaiola is left
# in the guest (jobs/left.sh: processes, systemd scopes, cgroups, /run/gaiola*, overlay mounts).
pid=$(cat /root/npm-start.pid 2>/dev/null)
[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || { echo "NOT OK: npm start is not running"; cat /root/npm-start.log; exit 1; }
t0=$(date +%s)
kill -INT -- "-$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
echo "npm start gone after $(( $(date +%s) - t0 )) s"
cat /root/npm-start.log
fail=0
kill -0 "$pid" 2>/dev/null && { echo "NOT OK: left behind: npm start ($pid)"; fail=1; }
bash "$(dirname "$0")/left.sh" || fail=1
exit $fail
