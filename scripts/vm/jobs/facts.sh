# The guest is the host an instructor's fresh VM is: systemd as PID 1, pure cgroup v2, AppArmor on, and this
# job in a logind session's scope (an admin's ssh login). Prints the facts; fails when one does not hold.
fail=0
expect() { # expect WHAT ACTUAL PATTERN
  if [[ "$2" =~ $3 ]]; then echo "ok: $1: $2"; else echo "NOT OK: $1: '$2' does not match $3"; fail=1; fi
}
grep PRETTY_NAME /etc/os-release
uname -r
expect "PID 1" "$(cat /proc/1/comm)" '^systemd$'
expect "system state" "$(systemctl is-system-running 2>&1)" '^(running|degraded)$'
expect "/sys/fs/cgroup" "$(stat -fc %T /sys/fs/cgroup)" '^cgroup2fs$'
expect "this job's cgroup" "$(cat /proc/self/cgroup)" '^0::/user\.slice/user-0\.slice/session-[0-9]+\.scope$'
expect "AppArmor" "$(cat /sys/module/apparmor/parameters/enabled 2>&1)" '^Y$'
expect "node" "$(node --version)" '^v(2[0-9]|[3-9][0-9])\.'
echo "root controllers: $(cat /sys/fs/cgroup/cgroup.controllers)"
echo "root subtree_control: $(cat /sys/fs/cgroup/cgroup.subtree_control)"
systemctl --failed --no-pager --no-legend
loginctl list-sessions --no-pager --no-legend
aa-status 2>&1 | head -3
echo "memory: $(free -m | awk '/^Mem:/{print $2}') MiB, cpus: $(nproc)"
df -h / /root/gaiola /var/lib/gaiola | sed 1d
exit $fail
