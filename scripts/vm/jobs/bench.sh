# npm run test:vm -- --bench: a new student's first prompt with each way into the sandbox's v2 cgroup (born
# there with clone3, or moved there), beside the floor, measured in the guest (bench/cgroup-entry.ts).
cd /root/gaiola || exit 1
BENCH_RUNS=${GAIOLA_VM_BENCH_RUNS:-20} npm run -s bench:cgroup-entry
