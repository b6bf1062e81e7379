// Runs the site and the sandbox agent together (scripts/serve.sh, the end of `npm start` and `npm run class`),
// and keeps the class served when the agent dies: a crash, the host's OOM killer or a `kill -9` takes only the
// agent, which is started again after a back-off (supervisor.ts) with a line saying why it died, while the site
// stays up. Students' pages reconnect by themselves to a fresh sandbox; their progress is in the database.
// Ctrl-C (or SIGTERM, as systemd stops a service) stops both; the agent frees every sandbox as it stops.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deathReason, RestartBackoff, restartArgs, seconds } from './supervisor';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** How often the supervisor asks a starting agent's /health (and the site's /pt) whether it serves yet. */
const POLL_MS = 500;

const env = process.env;
const sitePort = env.GAIOLA_SITE_PORT ?? '3000';
const siteHost = env.GAIOLA_SITE_HOST ?? '127.0.0.1';
const agentPort = env.GAIOLA_AGENT_PORT ?? '3001';
const agentHost = env.GAIOLA_AGENT_HOST ?? '127.0.0.1';

function say(line: string): void {
  process.stdout.write(`\x1b[1m[gaiola]\x1b[0m ${line}\n`);
}
function warn(line: string): void {
  process.stderr.write(`\x1b[1;33m[gaiola]\x1b[0m ${line}\n`);
}

function urlOf(host: string, port: string, pathname: string): string {
  // An IPv6 listen address needs brackets in a URL; an "any" address is reached through loopback.
  const reach = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}${pathname}`;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** Polls `url` until it answers or `child` has exited; true when it answered. */
async function whenServing(child: ChildProcess, url: string): Promise<boolean> {
  while (child.exitCode === null && child.signalCode === null) {
    if (await answers(url)) return true;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return false;
}

let stopping = false;
let exitCode = 0;
let agent: ChildProcess | undefined;
let site: ChildProcess | undefined;
let restartTimer: NodeJS.Timeout | undefined;
/** Whether any agent of this run ever served: one that cannot start the first time will not by retrying. */
let everServed = false;
const backoff = new RestartBackoff();

function running(child: ChildProcess | undefined): child is ChildProcess {
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

/** Stops both (the agent frees every sandbox on SIGTERM) and exits once both are gone. */
function stop(code: number): void {
  if (code !== 0) exitCode = code;
  if (stopping) return;
  stopping = true;
  if (restartTimer) clearTimeout(restartTimer);
  for (const child of [agent, site]) if (running(child)) child.kill('SIGTERM');
  maybeExit();
}

function maybeExit(): void {
  if (stopping && !running(agent) && !running(site)) process.exit(exitCode);
}

function startAgent(args: readonly string[]): void {
  // Through lib.sh's run_agent: on a systemd host with cgroup v2 it runs the agent in a delegated scope. It execs
  // the agent in place, so this child's PID is the agent's own and a signal to it reaches the agent.
  const child = spawn(
    'bash',
    [
      '-c',
      'source "$0"; run_agent "$@"',
      path.join(root, 'scripts/lib.sh'),
      process.execPath,
      '--import',
      'tsx',
      'sandbox-agent/src/main.ts',
      ...args,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  agent = child;
  let servingSince: number | undefined;
  void whenServing(child, urlOf(agentHost, agentPort, '/health')).then((ok) => {
    if (!ok) return;
    servingSince = Date.now();
    everServed = true;
  });
  child.on('exit', (code, signal) => {
    if (agent === child) agent = undefined;
    if (stopping) return maybeExit();
    const why = deathReason(code, signal);
    if (code === 0) {
      // The agent stops with 0 only when asked to (a SIGTERM sent to it alone): stop the rest too.
      say('the agent stopped; stopping the site too');
      return stop(0);
    }
    if (!everServed) {
      warn(`the agent could not start (${why}): see its message above`);
      return stop(1);
    }
    const delay = backoff.next(servingSince === undefined ? 0 : Date.now() - servingSince);
    warn(`agent ${why}; restarting in ${seconds(delay)} (the site stays up; students reconnect by themselves)`);
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (!stopping) startAgent(restartArgs(args));
    }, delay);
  });
}

function startSite(): void {
  // Next itself, not npx: this process holds the real server's PID and can stop it.
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', siteHost, '-p', sitePort], {
    cwd: root,
    stdio: 'inherit',
  });
  site = child;
  child.on('exit', (code, signal) => {
    if (stopping) return maybeExit();
    warn(`the site ${deathReason(code, signal)}; stopping the agent too`);
    stop(1);
  });
  void whenServing(child, urlOf(siteHost, sitePort, '/pt')).then((ok) => {
    if (!ok) return;
    if (env.GAIOLA_MODE === 'class') {
      say(`gaiola is running in class mode: students open http://${siteHost}:${sitePort}/ (Ctrl-C stops it)`);
    } else {
      say(`gaiola is running: open http://localhost:${sitePort}/ (Ctrl-C stops it)`);
    }
  });
}

// Ctrl-C reaches every process of the terminal's group at once; the SIGTERM sent on top of it is harmless (the
// agent and Next stop once). systemd's stop (KillMode=mixed) signals this process only.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(0));

startAgent(process.argv.slice(2));
startSite();
