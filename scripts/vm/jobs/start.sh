# `npm start` as the README says, from this login session, left running for the host's browser (the e2e stage)
# and stopped by jobs/stop.sh with SIGINT, as Ctrl-C. The site and the agent listen on the guest's address on
# QEMU's user network (GAIOLA_SITE_HOST / GAIOLA_AGENT_HOST, as on a classroom VM's LAN) at the ports the host
# forwards from its loopback, so the browser's origin (http://localhost:PORT) is the site's own.
source "$(dirname "$0")/lib.sh"
cd /root/gaiola || exit 1
site="http://$GAIOLA_VM_GUEST_ADDR:$GAIOLA_VM_SITE_PORT"
agent="http://$GAIOLA_VM_GUEST_ADDR:$GAIOLA_VM_AGENT_PORT"
t0=$(date +%s)
GAIOLA_SITE_PORT=$GAIOLA_VM_SITE_PORT GAIOLA_AGENT_PORT=$GAIOLA_VM_AGENT_PORT \
  GAIOLA_SITE_HOST=$GAIOLA_VM_GUEST_ADDR GAIOLA_AGENT_HOST=$GAIOLA_VM_GUEST_ADDR \
  setsid npm start > /root/npm-start.log 2>&1 < /dev/null &
pid=$!
echo "$pid" > /root/npm-start.pid
healthy=
while kill -0 "$pid" 2>/dev/null; do
  if health=$(curl -fsS "$agent/health" 2>/dev/null); then healthy=1; break; fi
  sleep 1
done
if [ -z "$healthy" ]; then
  cat /root/npm-start.log
  echo "NOT OK: npm start exited before the agent answered /health"
  exit 1
fi
echo "agent /health after $(( $(date +%s) - t0 )) s: $health"
code=$(site_code "$site/pt")
echo "site /pt: HTTP $code after $(( $(date +%s) - t0 )) s"
cat /root/npm-start.log
fail=0
[ "$code" = 200 ] || { echo "NOT OK: the site does not answer"; fail=1; }
[[ "$health" == *'"cgroups":"v2"'* ]] || { echo "NOT OK: the agent does not run on cgroup v2"; fail=1; }
# The agent in its delegated systemd scope (scripts/lib.sh run_agent), not in this login session's.
agent_pid=$(pgrep -f -n 'sandbox-agent/src/main.ts')
cg=$(cat "/proc/$agent_pid/cgroup" 2>/dev/null)
echo "agent pid $agent_pid, cgroup $cg"
# The agent may already stand in its own leaf of that scope (…/gaiola-agent, kernel/cgroup-layout.ts): it makes
# the leaf when it starts its first sandbox, and the warm pool starts sandboxes at once.
unit=$(sed -n 's#^0::/system\.slice/\(gaiola-agent-[0-9]*\.scope\)\(/gaiola-agent\)\{0,1\}$#\1#p' <<< "$cg")
if [ -n "$unit" ]; then
  systemctl show "$unit" -p Delegate -p DelegateControllers --no-pager
  [ "$(systemctl show "$unit" -p Delegate --value)" = yes ] || { echo "NOT OK: $unit is not delegated"; fail=1; }
else
  echo "NOT OK: the agent is not in a gaiola-agent-N.scope of system.slice (nor in its gaiola-agent leaf)"
  fail=1
fi
exit $fail
