# The agent's host probe (what sandbox-agent/src/main.ts runs before serving anyone), from this login session:
# its problems and warnings as an instructor would read them. Only the overlay module may be missing: npm start
# loads it (scripts/lib.sh tune_host) before the agent probes.
cd /root/gaiola || exit 1
node --import tsx --input-type=module -e "
import { probeHost } from './sandbox-agent/src/kernel/probe.ts';
const p = probeHost();
console.log(JSON.stringify({ kernel: p.kernelRelease, cgroup: p.cgroup.mode, problems: p.problems, warnings: p.warnings }, null, 2));
const left = p.problems.filter((x) => !/overlay/.test(x));
if (p.cgroup.mode !== 'v2' || left.length > 0) { console.log('NOT OK: not cgroup v2, or a problem that npm start does not fix'); process.exit(1); }
"
