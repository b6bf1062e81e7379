// The Kernel panel's cost for one student: the agent's CPU time (its own and that of the launcher queries it
// spawns and waits for) per second of wall time, and the bytes of `panel` messages it sends per second, over
// a real WebSocket, with the panel closed and open, while the shell idles and while a memory hog grows to
// its cgroup's limit, is OOM-killed and starts again. The agent runs in this process (the harness's), so
// the CPU figure also holds the WebSocket client's share: the open−closed difference is the panel's cost.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type WebSocket from 'ws';
import { probeHost } from '../sandbox-agent/src/kernel/probe';
import type { PanelSectionId } from '../sandbox-agent/src/protocol';
import { startAgent, TermClient, tokenFor, waitUntil } from '../sandbox-agent/test/agent-harness';
import { type Row, sleep } from './lib';

/** utime + stime + cutime + cstime of this process, in ms (children: the launcher spawns, once reaped). */
function cpuMs(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14–17 of proc(5), counted from 1 with pid and comm as the first two.
  const ticks = [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/**
 * utime + stime of this process's main thread, in ms: the agent's and the client's JavaScript and the launcher
 * spawns it makes. The rest of cpuMs is reaped children and the other threads: V8's GC helpers, libuv's pool,
 * and the thread tsx's loader runs in (with esbuild's service pinging it), which cost while nothing happens.
 */
function mainThreadMs(): number {
  const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** A hog that grows by 2 MiB every 50 ms until the 100 MiB limit kills it, then starts again. */
const HOG = `while :; do perl -e '$x = ""; while (1) { $x .= "x" x 2097152; select(undef, undef, undef, 0.05) }' 2>/dev/null; done &`;

interface Window {
  cpuPerSec: number;
  /** Of cpuPerSec, the main thread's share (mainThreadMs). */
  mainPerSec: number;
  bytesPerSec: number;
  messagesPerSec: number;
}

async function measureWindow(seconds: number, counter: { bytes: number; messages: number }): Promise<Window> {
  const c0 = cpuMs();
  const t0Main = mainThreadMs();
  const b0 = counter.bytes;
  const m0 = counter.messages;
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const wall = (performance.now() - t0) / 1000;
  return {
    cpuPerSec: (cpuMs() - c0) / wall,
    mainPerSec: (mainThreadMs() - t0Main) / wall,
    bytesPerSec: (counter.bytes - b0) / wall,
    messagesPerSec: (counter.messages - m0) / wall,
  };
}

export async function measurePanel(quick: boolean): Promise<Row[]> {
  const seconds = quick ? 4 : 20;
  const v2 = probeHost().cgroup.mode === 'v2';
  const h = await startAgent({ panel: true, slotOffset: 40 });
  try {
    const client = new TermClient(h, await tokenFor(h), 0, { cols: 120, rows: 30 });
    await client.open();
    await client.hello();
    await client.run('true');
    const counter = { bytes: 0, messages: 0 };
    client.ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      if (isBinary) return;
      const text = Buffer.from(data as Buffer).toString('utf8');
      if (text.startsWith('{"type":"panel"')) {
        counter.bytes += Buffer.byteLength(text);
        counter.messages++;
      }
    });
    const setPanel = async (open: boolean, section: PanelSectionId = 'cgroups') => {
      client.sendJson(open ? { type: 'panel', open, section } : { type: 'panel', open });
      if (open) await waitUntil(() => counter.messages > 0, 'the first panel message');
      await sleep(1000); // the first (full) message and the settling back-off are not part of a window
    };

    // The first window after start costs more (JIT, the shell's start): measured and left out.
    const warmUp = await measureWindow(seconds, counter);
    await setPanel(true);
    const idleOpen = await measureWindow(seconds, counter);
    await setPanel(true, 'network'); // the costliest section: each network namespace is read through `ip`
    const idleNetwork = await measureWindow(seconds, counter);
    await setPanel(false);
    const idleClosed = await measureWindow(seconds, counter);
    const split = (w: Window) => `${w.cpuPerSec.toFixed(1)} ms/s (main thread ${w.mainPerSec.toFixed(1)})`;
    console.error(`[panel] warm-up window, panel closed: ${split(warmUp)}`);
    console.error(`[panel] idle shell, panel closed: ${split(idleClosed)}; open on cgroups: ${split(idleOpen)}`);
    console.error(`[panel] idle shell, panel open on network: ${split(idleNetwork)}`);

    const cg = v2 ? '/sys/fs/cgroup/hog' : '/sys/fs/cgroup/memory/hog';
    const limit = v2 ? 'memory.max' : 'memory.limit_in_bytes';
    await client.run(`mkdir ${cg} && echo 100M > ${cg}/${limit} && echo $$ > ${cg}/cgroup.procs`);
    if (v2) await client.run(`echo 0 > ${cg}/memory.swap.max`);
    client.type(`${HOG}\r`);
    await sleep(1000);
    const hogClosed = await measureWindow(seconds, counter);
    await setPanel(true);
    const hogOpen = await measureWindow(seconds, counter);
    await setPanel(false);
    console.error(`[panel] memory hog, panel closed: ${split(hogClosed)}; open on cgroups: ${split(hogOpen)}`);
    const snapshots = h.panel?.stats.snapshots ?? 0;
    await client.close();

    const note = (w: Window, base: Window) =>
      `${(w.cpuPerSec - base.cpuPerSec).toFixed(1)} ms/s more than closed (main thread ${(
        w.mainPerSec - base.mainPerSec
      ).toFixed(1)}); ${w.messagesPerSec.toFixed(1)} messages/s`;
    return [
      {
        metric: 'Kernel panel, idle shell: agent CPU with the panel open on cgroups',
        value: idleOpen.cpuPerSec,
        unit: 'ms/s',
        reference: { kind: 'floor', what: 'panel closed', value: idleClosed.cpuPerSec },
        note: note(idleOpen, idleClosed),
      },
      {
        metric: 'Kernel panel, idle shell: agent CPU with the panel open on network',
        value: idleNetwork.cpuPerSec,
        unit: 'ms/s',
        reference: { kind: 'floor', what: 'panel closed', value: idleClosed.cpuPerSec },
        note: note(idleNetwork, idleClosed),
      },
      {
        metric: 'Kernel panel, memory hog: agent CPU with the panel open on cgroups',
        value: hogOpen.cpuPerSec,
        unit: 'ms/s',
        reference: { kind: 'floor', what: 'panel closed', value: hogClosed.cpuPerSec },
        note: note(hogOpen, hogClosed),
      },
      {
        metric: 'Kernel panel, memory hog: bytes sent',
        value: hogOpen.bytesPerSec,
        unit: 'B/s',
        note: `idle shell: ${idleOpen.bytesPerSec.toFixed(0)} B/s; panel closed: ${(
          hogClosed.bytesPerSec + idleClosed.bytesPerSec
        ).toFixed(0)} B/s; ${snapshots} snapshots in all`,
      },
    ];
  } finally {
    await h.stop();
  }
}

/**
 * The measurement in a process of its own: children reaped by this process count in its CPU time, so an
 * earlier stage's browser or site exiting must not land in a window.
 */
export function measurePanelApart(quick: boolean): Promise<Row[]> {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--json', ...(quick ? ['--quick'] : [])];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`measure-panel: ${err.message}\n${stderr}`));
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as Row[]);
      } catch {
        reject(new Error(`measure-panel printed no result: ${stdout.slice(-500)}`));
      }
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measurePanel(process.argv.includes('--quick')).then(
    (rows) => {
      if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
      else for (const r of rows) console.log(`${r.metric}: ${r.value.toFixed(1)} ${r.unit} (${r.note ?? ''})`);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
