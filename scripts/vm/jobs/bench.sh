# npm run test:vm -- --bench, measured in the guest:
#  - a new student's first prompt with each way into the sandbox's v2 cgroup (born there with clone3, or moved
#    there), beside the floor (bench/cgroup-entry.ts);
#  - the terminal stage of `npm run bench` (bench/measure-terminal.ts): sandbox starts alone, 10 at once and
#    warm, beside the unshare floor; keystroke echo beside wetty (installed on the host into bench/.peer: npm is
#    kept offline, so a missing peer fails at once). Not its busy echo row (50 sandboxes) nor the flood, whose
#    10 s of `yes` under TCG says more about the emulator than about the agent. Its table is in this log, its
#    JSON on the share (test-results/vm/TARGET/bench-terminal.json).
# Sized so both fit the stage's limit (LIMIT_BENCH in run.sh) under TCG.
cd /root/gaiola || exit 1
rc=0
BENCH_RUNS=${GAIOLA_VM_BENCH_RUNS:-20} npm run -s bench:cgroup-entry || rc=1
echo
npm_config_offline=true node --expose-gc --import tsx bench/run.ts --only terminal \
  --runs "${GAIOLA_VM_BENCH_RUNS:-20}" --together 10 --keys 300 --busy 0 --flood-seconds 0 \
  --out /mnt/share/out/bench-terminal.json || rc=1
exit "$rc"
