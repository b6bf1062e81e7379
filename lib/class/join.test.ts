import { CLASS_CODE_ALPHABET } from '@protocol';
import { describe, expect, it, vi } from 'vitest';
import { getMessages } from '@/lib/i18n';
import { checkJoinForm, joinClass, joinErrorKey, joinErrorText, joinPageIn, joinUrl } from './join';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const student = { id: 'a'.repeat(32), name: 'Ana', tag: 2 };

describe('checkJoinForm', () => {
  it('forgives case, spaces and dashes in the code and tidies the name', () => {
    expect(checkJoinForm(' acd-efg ', '  Ana   Maria ')).toEqual({ ok: true, code: 'ACDEFG', name: 'Ana Maria' });
    expect(checkJoinForm('acd efg', 'Ana')).toMatchObject({ ok: true, code: 'ACDEFG' });
  });

  it('refuses a code no class can have: wrong length or a look-alike character', () => {
    expect(checkJoinForm('ACDEF', 'Ana')).toEqual({ ok: false, error: 'codeFormat' });
    expect(checkJoinForm('ACDEFGH', 'Ana')).toEqual({ ok: false, error: 'codeFormat' });
    expect(checkJoinForm('ACDEF0', 'Ana')).toEqual({ ok: false, error: 'codeFormat' });
    expect(checkJoinForm('', 'Ana')).toEqual({ ok: false, error: 'codeFormat' });
  });

  it('refuses an empty, too long or control-character name', () => {
    expect(checkJoinForm('ACDEFG', '   ')).toEqual({ ok: false, error: 'nameInvalid' });
    expect(checkJoinForm('ACDEFG', 'x'.repeat(41))).toEqual({ ok: false, error: 'nameInvalid' });
    expect(checkJoinForm('ACDEFG', 'a\u0007b')).toEqual({ ok: false, error: 'nameInvalid' });
    // Hostile-looking names are names: the page renders them as text.
    expect(checkJoinForm('ACDEFG', '<script>alert(1)</script>')).toMatchObject({ ok: true });
  });
});

describe('joinClass', () => {
  it('POSTs code, name and the held token to the agent on the page host', async () => {
    const url = joinUrl({ pageProtocol: 'http:', hostname: '192.168.1.10', port: 3001 });
    expect(url).toBe('http://192.168.1.10:3001/class/join');
    const behindIngress = {
      pageProtocol: 'https:',
      hostname: 'c.example',
      pagePort: '',
      port: 3001,
      path: '/agents/any',
    };
    expect(joinUrl(behindIngress)).toBe('https://c.example/agents/any/class/join');
    const fetcher = vi.fn(async () => json(200, { token: 'tok', student }));
    const result = await joinClass(url, { code: 'ACDEFG', name: 'Ana', token: 'old' }, fetcher);
    expect(result).toEqual({ ok: true, value: { token: 'tok', student } });
    expect(fetcher).toHaveBeenCalledWith(
      url,
      expect.objectContaining({ method: 'POST', body: '{"code":"ACDEFG","name":"Ana","token":"old"}' }),
    );
  });

  it('sends no token when none is held', async () => {
    const fetcher = vi.fn(async (_u: string, _i: RequestInit) => json(200, { token: 'tok', student }));
    await joinClass('u', { code: 'ACDEFG', name: 'Ana', token: null }, fetcher);
    expect(JSON.parse(String(fetcher.mock.calls[0]?.[1].body))).toEqual({ code: 'ACDEFG', name: 'Ana' });
  });

  it('maps each refusal to its own message', async () => {
    const cases: [number, string, string][] = [
      [404, 'unknown_code', 'unknownCode'],
      [403, 'class_closed', 'classClosed'],
      [503, 'full', 'full'],
      [400, 'invalid_name', 'nameInvalid'],
      [429, 'rate_limited', 'rateLimited'],
      [400, 'not_class_mode', 'notClassMode'],
      [403, 'origin', 'origin'],
      [400, 'invalid_json', 'unexpected'],
    ];
    for (const [status, error, key] of cases) {
      const result = await joinClass('u', { code: 'ACDEFG', name: 'Ana', token: null }, async () =>
        json(status, { error }),
      );
      expect(result).toEqual({ ok: false, error, status });
      if (!result.ok) expect(joinErrorKey(result.error)).toBe(key);
    }
  });

  it('tells an agent that does not answer from one that answers nonsense', async () => {
    const down = await joinClass('u', { code: 'ACDEFG', name: 'Ana', token: null }, async () => {
      throw new TypeError('fetch failed');
    });
    expect(down).toEqual({ ok: false, error: 'unreachable', status: 0 });
    expect(joinErrorKey('unreachable')).toBe('unreachable');
    const html = await joinClass(
      'u',
      { code: 'ACDEFG', name: 'Ana', token: null },
      async () => new Response('<h1>502</h1>', { status: 502 }),
    );
    expect(html).toEqual({ ok: false, error: 'unexpected', status: 502 });
    const bad = await joinClass('u', { code: 'ACDEFG', name: 'Ana', token: null }, async () =>
      json(200, { token: '', student }),
    );
    expect(bad).toEqual({ ok: false, error: 'unexpected', status: 200 });
  });
});

describe('joinErrorText', () => {
  it('names every letter and digit a class code can have, in both languages', () => {
    // `ZZZZZZ` was refused with a message that named only 0, O, 1 and I
    expect(checkJoinForm('ZZZZZZ', 'Ana')).toEqual({ ok: false, error: 'codeFormat' });
    for (const locale of ['pt', 'gl'] as const) {
      const text = joinErrorText(getMessages(locale).class.join.error, { key: 'codeFormat', status: 0 }, '');
      expect(text, locale).toContain([...CLASS_CODE_ALPHABET].join(' '));
      expect(text, locale).toContain('6');
      expect(text, locale).not.toMatch(/\{\w+\}/);
    }
  });

  it('fills the agent’s address and the HTTP status where a message has them', () => {
    const errors = getMessages('pt').class.join.error;
    expect(joinErrorText(errors, { key: 'unreachable', status: 0 }, '10.0.0.5:3001')).toContain(' 10.0.0.5:3001.');
    expect(joinErrorText(errors, { key: 'unexpected', status: 502 }, '')).toContain('502');
  });
});

describe('joinPageIn', () => {
  it('gives the join link in the page’s language, keeping the address and the code', () => {
    const pt = 'http://10.0.0.5:3000/pt/turma?codigo=ACDEFG';
    expect(joinPageIn(pt, 'gl')).toBe('http://10.0.0.5:3000/gl/turma?codigo=ACDEFG');
    expect(joinPageIn(pt, 'pt')).toBe(pt);
    expect(joinPageIn('http://10.0.0.5:3000/gl/turma?codigo=ACDEFG', 'pt')).toBe(pt);
    expect(joinPageIn('not a url', 'gl')).toBe('not a url');
  });
});
