# `npm run class -- --install`, as an instructor sets the class to start at boot: the systemd service is written,
# enabled and started; its agent answers /health from the service's own delegated cgroup and the site answers;
# a student joins the class and runs a command in a sandbox of their own (first-student.mjs);
# `systemctl disable --now` stops it and frees what it made; the unit is removed as the README says; and
# nothing of gaiola is left (jobs/left.sh).
source "$(dirname "$0")/lib.sh"
cd /root/gaiola || exit 1
site="http://$GAIOLA_VM_GUEST_ADDR:$GAIOLA_VM_SITE_PORT"
agent="http://$GAIOLA_VM_GUEST_ADDR:$GAIOLA_VM_AGENT_PORT"
unit=gaiola-class.service
t0=$(date +%s)
fail=0
installed=1
GAIOLA_CLASS_ADDRESS=$GAIOLA_VM_GUEST_ADDR GAIOLA_SITE_PORT=$GAIOLA_VM_SITE_PORT \
  GAIOLA_AGENT_PORT=$GAIOLA_VM_AGENT_PORT npm run -s class -- --install || { echo "NOT OK: --install failed"; installed=; fail=1; }
[ -z "$installed" ] && systemd-analyze verify /etc/systemd/system/$unit
healthy=
[ -n "$installed" ] && for _ in $(seq 1 600); do
  if health=$(curl -fsS "$agent/health" 2>/dev/null); then healthy=1; break; fi
  [ "$(systemctl is-active "$unit")" = failed ] && break
  sleep 1
done
if [ -n "$healthy" ]; then
  echo "agent /health after $(( $(date +%s) - t0 )) s: $health"
  code=$(site_code "$site/pt")
  echo "site /pt: HTTP $code"
  [ "$code" = 200 ] || { echo "NOT OK: the site does not answer"; fail=1; }
  [[ "$health" == *'"mode":"class"'* ]] || { echo "NOT OK: the agent is not in class mode"; fail=1; }
  # A student joins with the class code and gets a shell in a sandbox of their own, made by the service's agent.
  code=$(sed -n 's/.*"code":"\([A-Z0-9]*\)".*/\1/p' <<< "$health")
  node "$(dirname "$0")/first-student.mjs" "$agent" "$site" "$code" || fail=1
  agent_pid=$(pgrep -f -n 'sandbox-agent/src/main.ts')
  cg=$(cat "/proc/$agent_pid/cgroup" 2>/dev/null)
  echo "agent pid $agent_pid, cgroup $cg"
  # In the service's cgroup, or (once it has made a sandbox) in its leaf below it.
  [[ "$cg" == "0::/system.slice/$unit" || "$cg" == "0::/system.slice/$unit/"* ]] ||
    { echo "NOT OK: the agent is not in the service's cgroup"; fail=1; }
  [ "$(systemctl show "$unit" -p Delegate --value)" = yes ] || { echo "NOT OK: $unit is not delegated"; fail=1; }
elif [ -n "$installed" ]; then
  echo "NOT OK: the service's agent did not answer /health in 600 s"
  fail=1
fi
systemctl status "$unit" --no-pager -n 0 | head -5
journalctl -u "$unit" --no-pager | tail -40
t1=$(date +%s)
systemctl disable --now "$unit" && rm /etc/systemd/system/$unit && systemctl daemon-reload ||
  { echo "NOT OK: the README's removal failed"; fail=1; rm -f /etc/systemd/system/$unit; systemctl daemon-reload; }
echo "service stopped and removed in $(( $(date +%s) - t1 )) s"
bash "$(dirname "$0")/left.sh" || fail=1
exit $fail
