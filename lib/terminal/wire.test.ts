import { CloseCode, FLOW_ACK_EVERY, MAX_COLS, MIN_ROWS, PASTE_CHUNK_BYTES, PROTOCOL_VERSION } from '@protocol';
import { describe, expect, it } from 'vitest';
import {
  agentAddress,
  agentBase,
  agentLocation,
  backoffMs,
  binaryStringToBytes,
  CAPACITY_RETRY_MS,
  chunkUtf8,
  clampSize,
  closeBehavior,
  encodeInput,
  FlowAcker,
  FramePacer,
  parseServerFrame,
  RESTART_RECONNECT_MS,
  SilenceWatch,
  sessionUrl,
  socketUrl,
} from './wire';

const decoder = new TextDecoder('utf-8', { fatal: true });

describe('agent URLs', () => {
  const at = { pageProtocol: 'http:', hostname: '10.0.0.5', port: 3001 };
  it('POSTs sessions to /session on the agent port', () => {
    expect(sessionUrl(at)).toBe('http://10.0.0.5:3001/session');
    expect(sessionUrl({ ...at, pageProtocol: 'https:' })).toBe('https://10.0.0.5:3001/session');
  });
  it('opens /ws with token, tab, protocol version and a clamped size', () => {
    const url = new URL(socketUrl(at, 'a+b/c=', 1, 9999, 0));
    expect(url.protocol).toBe('ws:');
    expect(url.pathname).toBe('/ws');
    expect(url.searchParams.get('token')).toBe('a+b/c=');
    expect(url.searchParams.get('tab')).toBe('1');
    expect(url.searchParams.get('v')).toBe(String(PROTOCOL_VERSION));
    expect(url.searchParams.get('cols')).toBe(String(MAX_COLS));
    expect(url.searchParams.get('rows')).toBe(String(MIN_ROWS));
    expect(socketUrl({ ...at, pageProtocol: 'https:' }, 't', 0, 80, 24)).toMatch(/^wss:\/\//);
  });
  it('opens the terminal on the agent the session placed the student on, path and all (issue 22)', () => {
    const onOther = new URL(socketUrl(at, 't', 0, 80, 24, 'http://127.0.0.1:3102'));
    expect(`${onOther.origin}${onOther.pathname}`).toBe('ws://127.0.0.1:3102/ws');
    const behindIngress = socketUrl(at, 't', 1, 80, 24, 'https://c.example/agents/gaiola-agent-2');
    expect(behindIngress).toMatch(/^wss:\/\/c\.example\/agents\/gaiola-agent-2\/ws\?token=t&tab=1&/);
  });
});

describe('the page’s agent: a port on the page’s host, or a path on its origin (GAIOLA_AGENT_PATH, issue 22)', () => {
  const page = (href: string) => new URL(href);
  it('without a path: the agent port on the page’s hostname, whatever port the page has', () => {
    const at = agentLocation(page('http://10.0.0.5:3000/pt/01-chroot'), { port: 3001 });
    expect(agentBase(at)).toBe('http://10.0.0.5:3001');
    expect(agentBase(at, 'ws')).toBe('ws://10.0.0.5:3001');
    expect(sessionUrl(at)).toBe('http://10.0.0.5:3001/session');
    expect(agentAddress(at)).toBe('10.0.0.5:3001');
    const v6 = agentLocation(page('https://[::1]:8443/pt'), { port: 4001 });
    expect(agentBase(v6, 'ws')).toBe('wss://[::1]:4001');
  });
  it('with a path: the page’s own origin (its port kept), then the path', () => {
    const at = agentLocation(page('https://gaiola.example.org/pt/01-chroot'), { port: 3001, path: '/agents/any' });
    expect(agentBase(at)).toBe('https://gaiola.example.org/agents/any');
    expect(sessionUrl(at)).toBe('https://gaiola.example.org/agents/any/session');
    expect(agentAddress(at)).toBe('gaiola.example.org/agents/any');
    const socket = new URL(socketUrl(at, 't', 0, 80, 24));
    expect(`${socket.origin}${socket.pathname}`).toBe('wss://gaiola.example.org/agents/any/ws');
    const local = agentLocation(page('http://localhost:8080/gl'), { port: 3001, path: '/a' });
    expect(sessionUrl(local)).toBe('http://localhost:8080/a/session');
    expect(socketUrl(local, 't', 1, 80, 24)).toMatch(/^ws:\/\/localhost:8080\/a\/ws\?token=t&tab=1&/);
  });
  it('a placed session’s agent still wins over the page’s for the terminal', () => {
    const at = agentLocation(page('https://c.example/pt'), { port: 3001, path: '/agents/any' });
    expect(socketUrl(at, 't', 0, 80, 24, 'https://c.example/agents/gaiola-agent-1')).toMatch(
      /^wss:\/\/c\.example\/agents\/gaiola-agent-1\/ws\?/,
    );
  });
});

describe('clampSize', () => {
  it('keeps sizes in the agent bounds and survives NaN', () => {
    expect(clampSize(80.4, 24)).toEqual({ cols: 80, rows: 24 });
    expect(clampSize(Number.NaN, Number.POSITIVE_INFINITY).cols).toBe(2);
  });
});

describe('parseServerFrame', () => {
  it('accepts the agent messages', () => {
    expect(parseServerFrame('{"type":"hello","protocol":1,"sandbox":"s1","tab":0,"resumed":true}')).toEqual({
      type: 'hello',
      protocol: 1,
      sandbox: 's1',
      tab: 0,
      resumed: true,
    });
    expect(parseServerFrame('{"type":"exit","exitCode":130}')?.type).toBe('exit');
  });
  it('drops anything invalid', () => {
    for (const bad of ['', 'nope', '[]', '{"type":"hello"}', '{"type":"evil"}', '{"type":"pong","t":1,"x":2}']) {
      expect(parseServerFrame(bad)).toBeNull();
    }
  });
});

describe('encodeInput', () => {
  it('keeps typing in one frame', () => {
    expect(encodeInput('ls -l\r')).toHaveLength(1);
    expect(encodeInput('')).toEqual([]);
  });
  it('splits a large paste into frames of at most PASTE_CHUNK_BYTES without splitting characters', () => {
    const text = 'ção€𝄞'.repeat(20_000);
    const chunks = encodeInput(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(PASTE_CHUNK_BYTES);
      expect(() => decoder.decode(chunk)).not.toThrow();
    }
    expect(chunks.map((c) => decoder.decode(c)).join('')).toBe(text);
  });
  it('still splits bytes that are not UTF-8', () => {
    const bytes = new Uint8Array(10).fill(0x80);
    expect(chunkUtf8(bytes, 4).map((c) => c.length)).toEqual([4, 4, 2]);
  });
  it('maps onBinary strings to bytes', () => {
    expect([...binaryStringToBytes('\x1b[M\xff')]).toEqual([0x1b, 0x5b, 0x4d, 0xff]);
  });
});

describe('FlowAcker', () => {
  it('acknowledges in batches of at least FLOW_ACK_EVERY bytes', () => {
    const acker = new FlowAcker();
    expect(acker.parsed(FLOW_ACK_EVERY - 1)).toBe(0);
    expect(acker.parsed(10)).toBe(FLOW_ACK_EVERY + 9);
    expect(acker.parsed(1)).toBe(0);
    acker.reset();
    expect(acker.parsed(FLOW_ACK_EVERY)).toBe(FLOW_ACK_EVERY);
  });
});

describe('FramePacer', () => {
  it('lets frames through up to the rate, then says how long to wait', () => {
    const pacer = new FramePacer(3);
    for (let i = 0; i < 3; i++) {
      expect(pacer.delay(1000)).toBe(0);
      pacer.record(1000);
    }
    expect(pacer.delay(1200)).toBe(800);
    expect(pacer.delay(2000)).toBe(0);
  });
});

describe('backoffMs', () => {
  it('doubles from 1 s up to 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  });
});

describe('closeBehavior', () => {
  it('renews the token on 4002', () => {
    expect(closeBehavior(CloseCode.badToken)).toEqual({ kind: 'renewToken' });
  });
  it('never takes a replaced terminal back by itself', () => {
    expect(closeBehavior(CloseCode.replaced)).toMatchObject({ kind: 'stop', action: 'takeBack' });
  });
  it('offers a new shell after the shell exits', () => {
    expect(closeBehavior(CloseCode.shellExited)).toMatchObject({ kind: 'stop', state: 'exited', action: 'newShell' });
  });
  it('waits a minute when the VM is full', () => {
    expect(closeBehavior(CloseCode.capacity)).toMatchObject({ kind: 'reconnect', delayMs: CAPACITY_RETRY_MS });
  });
  it('comes back at once to the fresh sandbox after "start this lesson again"', () => {
    expect(closeBehavior(CloseCode.restarted)).toEqual({
      kind: 'reconnect',
      message: 'restarted',
      delayMs: RESTART_RECONNECT_MS,
    });
  });
  it("comes back at once after an instructor's reset, with a message of its own (not the student's restart)", () => {
    expect(closeBehavior(CloseCode.resetByInstructor)).toEqual({
      kind: 'reconnect',
      message: 'instructorReset',
      delayMs: RESTART_RECONNECT_MS,
    });
  });
  it('reconnects after network drops and restarts', () => {
    for (const code of [1006, 1001, CloseCode.shuttingDown, 4999]) {
      expect(closeBehavior(code).kind).toBe('reconnect');
    }
  });
  it('has a message for every close code of the protocol', () => {
    for (const code of Object.values(CloseCode)) {
      const b = closeBehavior(code);
      if (b.kind !== 'renewToken') expect(b.message).not.toBe('closed');
    }
  });
});

describe('SilenceWatch', () => {
  // A SilenceWatch(1000, 3000) fed in order: a tick at a time with the verdict it must give, or a frame heard.
  type Event = readonly [at: number, verdict: ReturnType<SilenceWatch['tick']>] | 'heard';
  const cases: [name: string, events: Event[]][] = [
    [
      'pings, then calls a connection dead once nothing came for the silence period after a ping',
      [
        [0, 'ping'],
        [1000, 'wait'],
        [2000, 'wait'],
        [3000, 'dead'],
      ],
    ],
    [
      'any frame heard resets it, and the next tick pings again',
      [[0, 'ping'], 'heard', [1000, 'ping'], [2000, 'wait'], 'heard', [3000, 'ping'], [5000, 'wait'], [6000, 'dead']],
    ],
    [
      'gives no verdict on a late tick (the page itself was stalled), only on the next punctual one',
      [
        [0, 'ping'],
        [60_000, 'wait'],
        [61_000, 'dead'],
      ],
    ],
  ];
  for (const [name, events] of cases) {
    it(name, () => {
      const w = new SilenceWatch(1000, 3000);
      for (const e of events) {
        if (e === 'heard') w.heard();
        else expect(w.tick(e[0]), `tick at ${e[0]}`).toBe(e[1]);
      }
    });
  }
});
