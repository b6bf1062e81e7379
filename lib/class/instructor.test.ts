import { describe, expect, it, vi } from 'vitest';
import { exportFileName, InstructorClient } from './instructor';
import { sampleState } from './test-fixtures';

const at = { pageProtocol: 'http:', hostname: '10.0.0.5', port: 3001 };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('InstructorClient', () => {
  it('asks for the state with the token in the body, and validates the answer', async () => {
    const fetcher = vi.fn(async () => json(200, sampleState));
    const client = new InstructorClient(at, 'sec', fetcher);
    expect(await client.state()).toEqual({ ok: true, value: sampleState });
    expect(fetcher).toHaveBeenCalledWith(
      'http://10.0.0.5:3001/instructor/state',
      expect.objectContaining({ method: 'POST', body: '{"token":"sec"}' }),
    );
    const broken = new InstructorClient(at, 'sec', async () => json(200, { ...sampleState, students: 'all' }));
    expect(await broken.state()).toEqual({ ok: false, error: 'unexpected', status: 200 });
  });

  it('reports a refused token, so the page can ask for a new link', async () => {
    const client = new InstructorClient(at, 'old', async () => json(401, { error: 'token' }));
    expect(await client.state()).toEqual({ ok: false, error: 'token', status: 401 });
  });

  it('asks for one student and sends actions', async () => {
    const fetcher = vi.fn(async (url: string, _init: RequestInit) =>
      url.endsWith('/instructor/student')
        ? json(200, { student: sampleState.students[0], steps: [], attempts: [] })
        : json(200, { ok: true }),
    );
    const client = new InstructorClient(at, 'sec', fetcher);
    const id = 'a'.repeat(32);
    expect((await client.student(id)).ok).toBe(true);
    expect(await client.act('reset', id)).toEqual({ ok: true, value: true });
    expect(await client.act('close')).toEqual({ ok: true, value: true });
    const bodies = fetcher.mock.calls.map(([, init]) => JSON.parse(String(init.body)));
    expect(bodies).toEqual([
      { token: 'sec', student: id },
      { token: 'sec', action: 'reset', student: id },
      { token: 'sec', action: 'close' },
    ]);
    const refused = new InstructorClient(at, 'sec', async () => json(404, { error: 'unknown_student' }));
    expect(await refused.act('end', id)).toEqual({ ok: false, error: 'unknown_student', status: 404 });
  });

  it('asks for warm sandboxes, and hears a target out of bounds refused', async () => {
    const fetcher = vi.fn(async (_url: string, _init: RequestInit) => json(200, { ok: true }));
    expect(await new InstructorClient(at, 'sec', fetcher).warm(30)).toEqual({ ok: true, value: true });
    expect(fetcher).toHaveBeenCalledWith(
      'http://10.0.0.5:3001/instructor/warm',
      expect.objectContaining({ method: 'POST', body: '{"token":"sec","target":30}' }),
    );
    const refused = new InstructorClient(at, 'sec', async () => json(400, { error: 'invalid_warm_target', max: 20 }));
    expect(await refused.warm(30)).toEqual({ ok: false, error: 'invalid_warm_target', status: 400, max: 20 });
  });

  it('downloads the export as a CSV blob, text untouched', async () => {
    const csv = 'name,lesson\r\n"=HYPERLINK(""x"")",01-chroot\r\n';
    const client = new InstructorClient(
      at,
      'sec',
      async () => new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv' } }),
    );
    const result = await client.exportCsv();
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.type).toBe('text/csv;charset=utf-8');
      expect(await result.value.text()).toBe(csv);
    }
    const down = new InstructorClient(at, 'sec', async () => {
      throw new TypeError('fetch failed');
    });
    expect(await down.exportCsv()).toEqual({ ok: false, error: 'unreachable', status: 0 });
  });

  it('puts the token in the event stream query, escaped', () => {
    expect(new InstructorClient(at, 'a+b/c').eventsUrl()).toBe(
      'http://10.0.0.5:3001/instructor/events?token=a%2Bb%2Fc',
    );
    expect(new InstructorClient({ ...at, pageProtocol: 'https:' }, 't').eventsUrl()).toMatch(/^https:/);
    const behindIngress = { ...at, pageProtocol: 'https:', pagePort: '', path: '/agents/any' };
    expect(new InstructorClient(behindIngress, 't').eventsUrl()).toBe(
      'https://10.0.0.5/agents/any/instructor/events?token=t',
    );
  });

  it('opens a look on the page’s agent, at its port or at the site’s agent path (GAIOLA_AGENT_PATH)', () => {
    expect(new InstructorClient(at, 't').lookUrl('s1', 'Ana')).toBe(
      'ws://10.0.0.5:3001/instructor/look?token=t&student=s1&name=Ana',
    );
    const behindIngress = { ...at, pageProtocol: 'https:', pagePort: '8443', path: '/agents/any' };
    expect(new InstructorClient(behindIngress, 't').lookUrl('s1', 'Ana')).toBe(
      'wss://10.0.0.5:8443/agents/any/instructor/look?token=t&student=s1&name=Ana',
    );
  });
});

describe('exportFileName', () => {
  it('names the class and the day, nothing else', () => {
    expect(exportFileName('ACDEFG', new Date(2025, 2, 4, 23, 59))).toBe('gaiola-ACDEFG-2025-03-04.csv');
    expect(exportFileName('../x', new Date(2025, 0, 1))).toBe('gaiola-x-2025-01-01.csv');
  });
});
