// The agent frees a connection whose client went silent (issue 24, item 9): a real agent pings every socket,
// and a client that stops answering is dropped, which detaches its tab and starts the sandbox's grace period,
// so the sandbox is freed. A client that answers is never dropped. The clients are `ws` sockets with autoPong
// off, answering pings by hand until told to stop, as a browser on a dead network or a frozen laptop would.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, WS_PATH } from '../src/protocol';
import { type Harness, ORIGIN, startAgent, tokenFor, waitUntil } from './agent-harness';
import { kernelSuite } from './kernel-helpers';

const { skip } = kernelSuite('heartbeat.kernel.test');

/** Slots of its own, between lifecycle-agent's (2000–50000) and the fuzz test's (51000 and up). */
const OFFSET = 50_100 + (randomBytes(1).readUInt8(0) % 50) * 16;
/**
 * Short, so the test sees several rounds (the agent's default is AGENT_PING_EVERY_MS), and long enough that a
 * client answering from this busy process, under software emulation too, is never a whole AGENT_MISSED_PINGS
 * rounds late.
 */
const HEARTBEAT_MS = 1000;
/** How long a wait for a few rounds may take: a bound for a slow host, not a time the test asserts. */
const ROUNDS_WAIT_MS = 90_000;

/** A terminal socket that answers the agent's pings only while `answering` is true. */
class PingClient {
  readonly ws: WebSocket;
  answering = true;
  pings = 0;
  closed = false;
  hello = false;

  constructor(h: Harness, token: string) {
    const q = new URLSearchParams({ token, tab: '0', v: String(PROTOCOL_VERSION), cols: '80', rows: '24' });
    this.ws = new WebSocket(`${h.url.replace('http', 'ws')}${WS_PATH}?${q}`, { origin: ORIGIN, autoPong: false });
    this.ws.on('ping', (data) => {
      this.pings++;
      if (this.answering) this.ws.pong(data);
    });
    this.ws.on('message', (data, isBinary) => {
      if (!isBinary && String(data).includes('"type":"hello"')) this.hello = true;
    });
    this.ws.on('close', () => {
      this.closed = true;
    });
    this.ws.on('error', () => undefined);
  }
}

describe.skipIf(skip)('the agent drops a silent client', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startAgent({ graceMs: 200, heartbeatMs: HEARTBEAT_MS, slotOffset: OFFSET });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it(
    'a client that stops answering pings is dropped and its sandbox freed; one that answers stays',
    async () => {
      const live = new PingClient(h, await tokenFor(h));
      const silent = new PingClient(h, await tokenFor(h));
      try {
        await waitUntil(() => live.hello && silent.hello, 'both hellos', 30_000);
        expect(h.events.created).toHaveLength(2);
        // Both answer for a few rounds: answering clients are kept.
        // Bounds far above the rounds they wait for (1 s each): under software emulation (the VM tier, some 10x
        // slower) the agent's timers and the sockets' frames lag behind the 15 s default wait.
        await waitUntil(() => silent.pings >= 3, 'three pings', ROUNDS_WAIT_MS);
        expect(silent.closed).toBe(false);
        silent.answering = false;
        await waitUntil(() => silent.closed, 'the agent to drop the silent client', ROUNDS_WAIT_MS);
        // Dropped means detached: with no tab left, the grace period ends and the sandbox is freed.
        await waitUntil(
          () => h.events.destroyed.length === 1,
          'the silent client’s sandbox to be freed',
          ROUNDS_WAIT_MS,
        );
        // The client that kept answering saw as many rounds again and is still there, its sandbox too.
        const seen = live.pings;
        await waitUntil(() => live.pings >= seen + 3, 'three more pings', ROUNDS_WAIT_MS);
        expect(live.closed).toBe(false);
        expect(h.events.destroyed).toHaveLength(1);
      } finally {
        live.ws.terminate();
        silent.ws.terminate();
      }
    },
    5 * ROUNDS_WAIT_MS,
  );
});
