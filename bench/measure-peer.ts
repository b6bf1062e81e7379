// The peer for keystroke echo: wetty (npm `wetty`, a web terminal over socket.io and node-pty) serving a
// plain local bash on this machine, measured the same way as gaiola's terminal: a key sent → its echo
// received, in the same run. Installed on first use into bench/.peer (git-ignored), with node-pty built
// from source like the project's own; `npm run test:vm -- --bench` installs it on the host first
// (bench/install-peer.ts), as the guest it copies the checkout into has no network.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Stats, sleep, stats } from './lib';

export const WETTY_VERSION = '3.2.0';
const here = path.dirname(fileURLToPath(import.meta.url));
const peerDir = path.join(here, '.peer');
const PORT = 3330;
/** How long wetty may take to answer after its spawn: a second or two natively, more under QEMU's TCG. */
const START_MS = 60_000;

/** wetty into bench/.peer, unless it is there; npm's own error (its stderr) in the thrown message. */
export function installWetty(): void {
  if (fs.existsSync(path.join(peerDir, 'node_modules', 'wetty', 'package.json'))) return;
  fs.mkdirSync(peerDir, { recursive: true });
  fs.writeFileSync(
    path.join(peerDir, 'package.json'),
    `${JSON.stringify({ private: true, allowScripts: { 'node-pty': true } })}\n`,
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', `wetty@${WETTY_VERSION}`], {
    cwd: peerDir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

interface Socket {
  on(ev: string, f: (data: string) => void): void;
  off(ev: string, f: (data: string) => void): void;
  emit(ev: string, data: unknown): void;
  close(): void;
}

function next(socket: Socket, pred: (t: string) => boolean, ms = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`wetty: no matching output (${JSON.stringify(seen.slice(-200))})`)),
      ms,
    );
    const on = (d: string) => {
      seen += d;
      if (pred(seen)) {
        clearTimeout(timer);
        socket.off('data', on);
        resolve(performance.now());
      }
    };
    socket.on('data', on);
  });
}

/** Key → echo through wetty, `keys` times; undefined (with the reason printed) when wetty cannot run here. */
export async function measureWettyEcho(keys: number): Promise<Stats | undefined> {
  let server: ChildProcess | undefined;
  let socket: Socket | undefined;
  try {
    installWetty();
    server = spawn(
      process.execPath,
      [
        path.join(peerDir, 'node_modules', 'wetty', 'build', 'main.js'),
        '--port',
        String(PORT),
        '--host',
        '127.0.0.1',
        '--command',
        'bash --norc --noprofile',
      ],
      { stdio: 'ignore', env: { ...process.env, PS1: '$ ' } },
    );
    const require = createRequire(path.join(peerDir, 'node_modules', 'wetty', 'package.json'));
    const { io } = require('socket.io-client') as { io: (url: string, opts: object) => Socket };
    const until = performance.now() + START_MS;
    while (performance.now() < until) {
      if ((await fetch(`http://127.0.0.1:${PORT}/`).catch(() => undefined))?.ok) break;
      await sleep(100);
    }
    socket = io(`http://127.0.0.1:${PORT}`, { path: '/socket.io', transports: ['websocket'] });
    const s = socket;
    const ready = next(s, (t) => /[$#] $/.test(t), 20_000);
    s.emit('resize', { cols: 80, rows: 24 });
    await ready;
    const out: number[] = [];
    for (let i = 0; i < keys; i++) {
      const echo = next(s, (t) => t.includes('x'));
      const t0 = performance.now();
      s.emit('input', 'x');
      out.push((await echo) - t0);
      const erased = next(s, (t) => t.includes('\b'));
      s.emit('input', '\x7f');
      await erased;
      await sleep(20);
    }
    return stats(out);
  } catch (err) {
    console.log(`\n[bench] the peer (wetty ${WETTY_VERSION}) was not measured: ${(err as Error).message}`);
    return undefined;
  } finally {
    socket?.close();
    server?.kill('SIGTERM');
  }
}
