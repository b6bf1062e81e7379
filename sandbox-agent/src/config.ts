// The agent's configuration, read once from the environment at start. Every knob has a default that
// serves one student on localhost (solo mode).
import path from 'node:path';
import { AGENT_ID, agentRef, MAX_WARM_TARGET } from './protocol';

export interface AgentConfig {
  /** Address the agent listens on: loopback unless the instructor asks for the LAN (CONVENTIONS §9). */
  host: string;
  port: number;
  /** Origins allowed to open a WebSocket or ask for a session (the site's). */
  siteOrigins: string[];
  /** Directory holding the SQLite file and the token secret. */
  dataDir: string;
  /** How long a sandbox and its shells outlive the last closed tab, so a reload finds the same shell. */
  graceMs: number;
  /** Sandboxes running at once, warm ones included; the next student is refused with close code 4007 (capacity). */
  maxSandboxes: number;
  /** Sandboxes kept started, each with an idle shell, for the next students to take (issue 18); 0 keeps none. */
  warmSandboxes: number;
  /** solo: one student on this machine; class: students join a class with its code and a name. */
  mode: 'solo' | 'class';
  /** The site's address as students open it (class mode's join URL and QR code). */
  siteUrl: string;
  /** Class mode: a student active in the terminal with no step done for this long is marked stuck (issue 20). */
  stuckMs: number;
  /** The same check failing after this many commands marks a student stuck (GAIOLA_STUCK_FAILURES). */
  stuckFailures: number;
  /** GAIOLA_DATABASE_URL: PostgreSQL shared by many agents (issue 22); undefined keeps the SQLite file. */
  databaseUrl: string | undefined;
  /** GAIOLA_AGENT_ID: this agent's name among many (a StatefulSet pod's name); 'local' on one VM. */
  agentId: string;
  /**
   * GAIOLA_AGENT_URL: where browsers reach this agent when it is one of many (`https://course.example/agents/<id>`);
   * set, the agent reports itself to the database and places students (issue 22). Needs GAIOLA_DATABASE_URL.
   */
  agentUrl: string | undefined;
}

/** Ten minutes without a step while typing: longer than most steps take, short enough to help within a lesson. */
export const DEFAULT_STUCK_MINUTES = 10;
/** The same check still failing after this many commands: the student is likely stuck, not exploring (issue 20). */
export const DEFAULT_STUCK_FAILURES = 5;
/**
 * Ten minutes (issue 4, "Lifecycle"): long enough to reload, restart a browser, follow a link or lose the
 * Wi-Fi for a while; short enough that a class VM frees the sandboxes of students who left.
 */
export const DEFAULT_GRACE_SECONDS = 600;
/** 30 students on a 2-core 24 GiB VM fit comfortably (research/sandbox.md §4); the hardening issue tunes this. */
const DEFAULT_MAX_SANDBOXES = 60;
/**
 * Two warm sandboxes: the next student, and the one after while the first is replaced, find a prompt at once;
 * each costs about 1 MiB idle (docs/PERFORMANCE.md, density). A class that arrives at once wants more.
 */
const DEFAULT_WARM_SANDBOXES = 2;

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  // Decimal digits only: Number() would also take '0x10', '1e3' or ' 5 ', which nobody means as a count.
  const n = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name}=${raw} is not an integer between ${min} and ${max}`);
  }
  return n;
}

export function siteOriginsFor(sitePort: number, extra: string[] = []): string[] {
  const hosts = ['localhost', '127.0.0.1', '[::1]'];
  return [...hosts.map((h) => `http://${h}:${sitePort}`), ...extra];
}

function modeFromEnv(): 'solo' | 'class' {
  const raw = process.env.GAIOLA_MODE ?? 'solo';
  if (raw !== 'solo' && raw !== 'class') throw new Error(`GAIOLA_MODE=${raw}: use solo or class`);
  return raw;
}

function databaseUrlFromEnv(): string | undefined {
  const raw = process.env.GAIOLA_DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  // The URL holds a password: it is named in errors, never printed.
  if (!/^postgres(ql)?:\/\//.test(raw))
    throw new Error('GAIOLA_DATABASE_URL must start with postgres:// or postgresql:// (unset it to keep SQLite)');
  return raw;
}

/** A DNS label, as a pod's name is: it goes into URLs (/agents/<id>/) and the database. */
function agentIdFromEnv(): string {
  const raw = process.env.GAIOLA_AGENT_ID;
  if (raw === undefined || raw === '') return 'local';
  if (!AGENT_ID.test(raw))
    throw new Error(`GAIOLA_AGENT_ID=${raw}: lowercase letters, digits and '-', as a pod's name (gaiola-agent-0)`);
  return raw;
}

function agentUrlFromEnv(): string | undefined {
  const raw = process.env.GAIOLA_AGENT_URL;
  if (raw === undefined || raw === '') return undefined;
  const url = raw.replace(/\/+$/, '');
  if (!agentRef.shape.url.safeParse(url).success)
    throw new Error(`GAIOLA_AGENT_URL=${raw}: an http(s) URL without query, as browsers reach this agent`);
  if (!process.env.GAIOLA_DATABASE_URL)
    throw new Error('GAIOLA_AGENT_URL needs GAIOLA_DATABASE_URL: the agents share their students through it');
  return url;
}

function siteUrlFromEnv(sitePort: number): string {
  const raw = process.env.GAIOLA_SITE_URL;
  if (raw === undefined || raw === '') return `http://localhost:${sitePort}`;
  const u = new URL(raw);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`GAIOLA_SITE_URL=${raw}: an http(s) URL`);
  return u.origin;
}

export function loadAgentConfig(repoRoot: string): AgentConfig {
  const sitePort = intFromEnv('GAIOLA_SITE_PORT', 3000, 1, 65535);
  const extraOrigins = (process.env.GAIOLA_SITE_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    host: process.env.GAIOLA_AGENT_HOST ?? '127.0.0.1',
    port: intFromEnv('GAIOLA_AGENT_PORT', 3001, 1, 65535),
    siteOrigins: siteOriginsFor(sitePort, extraOrigins),
    dataDir: path.resolve(repoRoot, process.env.GAIOLA_DATA_DIR ?? 'data'),
    graceMs: intFromEnv('GAIOLA_GRACE_SECONDS', DEFAULT_GRACE_SECONDS, 0, 24 * 3600) * 1000,
    maxSandboxes: intFromEnv('GAIOLA_MAX_SANDBOXES', DEFAULT_MAX_SANDBOXES, 1, 1000),
    warmSandboxes: intFromEnv('GAIOLA_WARM_SANDBOXES', DEFAULT_WARM_SANDBOXES, 0, MAX_WARM_TARGET),
    mode: modeFromEnv(),
    siteUrl: siteUrlFromEnv(sitePort),
    stuckMs: intFromEnv('GAIOLA_STUCK_MINUTES', DEFAULT_STUCK_MINUTES, 1, 24 * 60) * 60_000,
    stuckFailures: intFromEnv('GAIOLA_STUCK_FAILURES', DEFAULT_STUCK_FAILURES, 1, 1000),
    databaseUrl: databaseUrlFromEnv(),
    agentId: agentIdFromEnv(),
    agentUrl: agentUrlFromEnv(),
  };
}

/** Kernel settings a test run or an instructor may override; each is validated, never passed to a shell. */
export interface KernelOverrides {
  cgroupParent?: string;
  runDir?: string;
  uidBase?: number;
  memoryBytes?: number;
  pidsMax?: number;
  cpuQuotaUs?: number;
  tmpfsBytes?: number;
  cgroupEntry?: 'clone' | 'move';
}

const MIB = 1024 * 1024;

export function kernelOverridesFromEnv(): KernelOverrides {
  const out: KernelOverrides = {};
  const parent = process.env.GAIOLA_CGROUP_PARENT;
  if (parent) {
    if (!/^gaiola[a-z0-9-]{0,40}$/.test(parent)) throw new Error(`GAIOLA_CGROUP_PARENT=${parent}: use gaiola[-a-z0-9]`);
    out.cgroupParent = parent;
  }
  const runDir = process.env.GAIOLA_RUN_DIR;
  if (runDir) {
    if (!/^\/run\/gaiola[a-z0-9-]{0,40}$/.test(runDir))
      throw new Error(`GAIOLA_RUN_DIR=${runDir}: use /run/gaiola[-a-z0-9]`);
    out.runDir = runDir;
  }
  if (process.env.GAIOLA_UID_BASE) {
    // Above the uids of ordinary users and systemd's dynamic range; the launcher maps 65536 per slot.
    out.uidBase = intFromEnv('GAIOLA_UID_BASE', 1048576, 1048576, 2 ** 32 - 1 - 1001 * 65536);
  }
  // Per-sandbox caps (defaults and their reasons in kernel/config.ts). Bounds: below them a login shell does not
  // fit (16 MiB, 8 processes, 1 MiB of disk, 1 % of a CPU); above them a cap is no longer a cap on a class VM.
  if (process.env.GAIOLA_SANDBOX_MEMORY_MIB)
    out.memoryBytes = intFromEnv('GAIOLA_SANDBOX_MEMORY_MIB', 512, 16, 1024 * 1024) * MIB;
  if (process.env.GAIOLA_SANDBOX_PIDS) out.pidsMax = intFromEnv('GAIOLA_SANDBOX_PIDS', 256, 8, 65536);
  if (process.env.GAIOLA_SANDBOX_CPU_PERCENT) {
    // percent of one CPU per cgroup period (100000 µs): 100 = one CPU, 200 = two
    out.cpuQuotaUs = intFromEnv('GAIOLA_SANDBOX_CPU_PERCENT', 100, 1, 100 * 1024) * 1000;
  }
  if (process.env.GAIOLA_SANDBOX_DISK_MIB)
    out.tmpfsBytes = intFromEnv('GAIOLA_SANDBOX_DISK_MIB', 256, 1, 1024 * 1024) * MIB;
  const entry = process.env.GAIOLA_CGROUP_ENTRY;
  if (entry) {
    if (entry !== 'clone' && entry !== 'move') throw new Error(`GAIOLA_CGROUP_ENTRY=${entry}: clone or move`);
    out.cgroupEntry = entry;
  }
  return out;
}
