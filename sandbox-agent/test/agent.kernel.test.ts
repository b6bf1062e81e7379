// The real agent end to end over WebSocket: real sandboxes, real ptys, real kernel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, FLOW_HIGH_WATERMARK, MAX_FRAME_BYTES } from '../src/protocol';
import { type Harness, newToken, startAgent, TermClient, tokenFor, waitUntil } from './agent-harness';

describe('agent: sessions and terminals', () => {
  let h: Harness;
  let token: string;
  const open: TermClient[] = [];
  const connect = async (tab: number, opts: { cols?: number; rows?: number } = {}) => {
    const c = new TermClient(h, token, tab, opts);
    open.push(c);
    await c.open();
    return c;
  };

  beforeAll(async () => {
    h = await startAgent();
    token = await tokenFor(h);
  });
  afterAll(async () => {
    for (const c of open) await c.close();
    await h?.stop();
  });

  it('is the agent main.ts serves: one composition, so /health answers as in production', async () => {
    // The harness once wired its own agent and answered {ok, sandboxes} here: the tests ran another composition.
    const res = await fetch(`${h.url}/health`);
    expect(await res.json()).toEqual({
      ok: true,
      sandboxes: 0,
      maxSandboxes: 4,
      warmSandboxes: 0,
      cgroups: expect.stringMatching(/^(v1|v2|none)$/),
      mode: 'solo',
      class: null,
      store: 'sqlite',
    });
  });

  it('hands out tokens only to the site origin and keeps a valid one', async () => {
    expect((await newToken(h, null, 'http://evil.example')).status).toBe(403);
    const again = (await (await newToken(h, token)).json()) as { token: string };
    expect(again.token).toBe(token);
    const tampered = `${token.slice(0, -2)}xx`;
    const fresh = (await (await newToken(h, tampered)).json()) as { token: string };
    expect(fresh.token).not.toBe(tampered);
    expect(fresh.token).not.toBe(token);
  });

  it('refuses an upgrade with a bad origin, token, version or tab', async () => {
    await expect(new TermClient(h, token, 0, { origin: 'http://evil.example' }).open()).rejects.toThrow('HTTP 403');
    await expect(new TermClient(h, `${token}x`, 0).open()).rejects.toThrow('HTTP 401');
    await expect(new TermClient(h, token, 7).open()).rejects.toThrow('HTTP 400');
    await expect(new TermClient(h, token, 0, { cols: 100000 }).open()).rejects.toThrow('HTTP 400');
  });

  it('gives a root shell in a sandbox of its own', async () => {
    const t0 = await connect(0);
    const hello = await t0.hello();
    expect(hello.resumed).toBe(false);
    expect(hello.sandbox).toMatch(/^gaiola-[0-9a-f]{4}$/);
    expect(await t0.run('echo ola')).toBe('ola');
    expect(await t0.run('id -u')).toBe('0');
    expect(await t0.run('hostname')).toBe(hello.sandbox);
    expect(Number(await t0.run('echo $$'))).toBeLessThan(100);
    expect(await t0.run('ip -o link | cut -d: -f2 | tr -d " "')).toBe('lo');
    expect(await t0.run('tty')).toMatch(/^\/dev\/pts\/\d+$/);
  });

  it('two tabs are two shells in the same sandbox', async () => {
    const t0 = open[0] as TermClient;
    const t1 = await connect(1);
    await t1.hello();
    await t0.run('hostname contedor-a-man');
    expect(await t1.run('hostname')).toBe('contedor-a-man');
    expect(await t0.run('echo $$')).not.toBe('');
    expect(await t1.run('echo $$')).not.toBe(await t0.run('echo $$'));
  });

  it('resizes the pty', async () => {
    const t0 = open[0] as TermClient;
    t0.sendJson({ type: 'resize', cols: 101, rows: 33 });
    await waitUntil(() => true, 'resize');
    expect(await t0.run('stty size')).toBe('33 101');
  });

  it('answers bad control frames with coded errors and keeps the connection', async () => {
    const t0 = open[0] as TermClient;
    t0.ws.send('{not json');
    t0.sendRaw({ type: 'resize', cols: 10_000, rows: 5 });
    t0.sendRaw({ type: 'bogus' });
    t0.sendRaw({ type: 'resize', cols: 80, rows: 24, extra: 1 });
    await waitUntil(() => t0.control.filter((m) => m.type === 'error').length >= 4, 'four errors');
    const codes = t0.control.filter((m) => m.type === 'error').map((m) => (m as { code: string }).code);
    expect(codes).toEqual(['invalid_json', 'invalid_message', 'unknown_type', 'invalid_message']);
    expect(await t0.run('stty size')).toBe('33 101');
  });

  it('a reconnecting tab finds the same shell, redrawn without the queries the shell printed', async () => {
    const t0 = open[0] as TermClient;
    await t0.run(String.raw`export GAIOLA_MARK=volvin; printf 'asked-\033[6n-once\n'`);
    await t0.close();
    const again = await connect(0);
    const hello = await again.hello();
    expect(hello.resumed).toBe(true);
    // `replayed` follows the redraw: the output so far is the replay.
    await waitUntil(() => again.control.some((m) => m.type === 'replayed'), 'replayed');
    expect(again.output).toContain('GAIOLA_MARK=volvin');
    expect(again.output).toContain('asked--once');
    expect(again.output).not.toContain('\x1b[6n');
    expect(again.outputBeforeHello).toBe(0);
    expect(await again.run('echo $GAIOLA_MARK')).toBe('volvin');
  });

  it('a second connection to the same tab replaces the first', async () => {
    const first = open.at(-1) as TermClient;
    const second = await connect(0);
    await second.hello();
    await waitUntil(() => first.closeCode !== undefined, 'first closed');
    expect(first.closeCode).toBe(4009);
    expect(await second.run('echo $GAIOLA_MARK')).toBe('volvin');
  });

  it('pauses a flooding shell until the browser acknowledges', async () => {
    const t1 = open[1] as TermClient;
    t1.autoAck = false;
    const before = t1.received;
    t1.type('yes\r');
    await waitUntil(() => t1.received - before > FLOW_HIGH_WATERMARK, 'the flood past the high watermark');
    // Evidence that the pty is paused, instead of a fixed wait (which passes when nothing ran): `yes` has
    // stopped writing (its wchar stays put) while the other tab's shell answers commands through the agent.
    const t0 = open.at(-1) as TermClient;
    const written = async () => Number(await t0.run("sed -n 's/^wchar: //p' /proc/$(pgrep -x yes)/io"));
    let last = await written();
    for (let tries = 0; ; tries++) {
      for (let i = 0; i < 3; i++) await t0.run('true');
      const now = await written();
      if (now === last) break;
      if (tries > 100) throw new Error('yes never stopped writing: the flood was not paused');
      last = now;
    }
    const unacked = t1.received - before;
    // The pty is paused once more than the high watermark is unacknowledged; what is already in
    // flight (a batch, the pty's own buffer) may still arrive, but not megabytes.
    expect(unacked).toBeGreaterThan(FLOW_HIGH_WATERMARK);
    expect(unacked).toBeLessThan(FLOW_HIGH_WATERMARK * 4);
    t1.sendJson({ type: 'ack', bytes: unacked });
    t1.autoAck = true;
    await waitUntil(() => t1.received - before > unacked + FLOW_HIGH_WATERMARK, 'flow resumed');
    t1.type('\x03');
    expect(await t1.run('echo after-flood')).toBe('after-flood');
  });

  it('closes a connection that sends a frame above the size cap', async () => {
    const t1 = open[1] as TermClient;
    t1.ws.send(Buffer.alloc(MAX_FRAME_BYTES + 1, 0x61), { binary: true });
    await waitUntil(() => t1.closeCode !== undefined, 'closed');
    expect(t1.closeCode).toBe(1009);
  });

  it('a shell that exits is reported, and the next connection gets a new one in the same sandbox', async () => {
    const t1 = await connect(1);
    await t1.hello();
    t1.type('exit 3\r');
    await waitUntil(() => t1.closeCode !== undefined, 'closed after exit');
    expect(t1.closeCode).toBe(CloseCode.shellExited);
    expect(t1.control).toContainEqual({ type: 'exit', exitCode: 3 });
    const t1b = await connect(1);
    expect((await t1b.hello()).resumed).toBe(false);
    expect(await t1b.run('hostname')).toBe('contedor-a-man');
  });
});

describe('agent: grace period and capacity', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startAgent({ graceMs: 400, maxSandboxes: 1, slotOffset: 20 });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('frees a sandbox when the grace period after its last tab ends', async () => {
    const token = await tokenFor(h);
    const t = new TermClient(h, token, 0);
    await t.open();
    await t.hello();
    expect(await t.run('echo up')).toBe('up');
    await t.close();
    await waitUntil(() => h.events.destroyed.length === 1, 'sandbox destroyed', 10_000);
    expect(h.registry.size).toBe(0);
  });

  it('refuses a student beyond the cap with the capacity code', async () => {
    const a = new TermClient(h, await tokenFor(h), 0);
    await a.open();
    await a.hello();
    const b = new TermClient(h, await tokenFor(h), 0);
    await b.open();
    await waitUntil(() => b.closeCode !== undefined, 'refused');
    expect(b.closeCode).toBe(CloseCode.capacity);
    await a.close();
  });
});
