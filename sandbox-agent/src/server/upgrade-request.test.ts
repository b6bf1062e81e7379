import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CloseCode, PROTOCOL_VERSION } from '../protocol';
import { newStudentId, TokenSigner } from './token';
import { decideUpgrade } from './upgrade-request';

const signer = new TokenSigner(randomBytes(32));
const token = signer.sign({ s: newStudentId(), i: Date.now(), m: 'solo' });
const origins = ['http://localhost:3000'];
const url = (q: Record<string, string>) => `/ws?${new URLSearchParams(q)}`;
const good = { token, tab: '1', v: String(PROTOCOL_VERSION), cols: '120', rows: '40' };

describe('decideUpgrade', () => {
  it('accepts a well-formed request from the site', () => {
    const d = decideUpgrade(url(good), 'http://localhost:3000', origins, signer);
    expect(d).toMatchObject({ ok: true, tab: 1, cols: 120, rows: 40 });
  });

  it('defaults the size when absent', () => {
    const d = decideUpgrade(url({ token, tab: '0', v: '1' }), 'http://localhost:3000', origins, signer);
    expect(d).toMatchObject({ ok: true, cols: 80, rows: 24 });
  });

  it.each([
    ['no origin', url(good), undefined, 403, CloseCode.badOrigin],
    ['another origin', url(good), 'http://localhost:3000.evil', 403, CloseCode.badOrigin],
    ['another path', '/other', 'http://localhost:3000', 404, CloseCode.badRequest],
    ['bad token', url({ ...good, token: 'x.y' }), 'http://localhost:3000', 401, CloseCode.badToken],
    ['old protocol', url({ ...good, v: '0' }), 'http://localhost:3000', 400, CloseCode.protocolVersion],
    ['tab out of range', url({ ...good, tab: '2' }), 'http://localhost:3000', 400, CloseCode.badRequest],
    ['negative tab', url({ ...good, tab: '-1' }), 'http://localhost:3000', 400, CloseCode.badRequest],
    ['huge cols', url({ ...good, cols: '99999' }), 'http://localhost:3000', 400, CloseCode.badRequest],
    ['fractional rows', url({ ...good, rows: '2.5' }), 'http://localhost:3000', 400, CloseCode.badRequest],
  ])('refuses %s', (_name, u, origin, status, code) => {
    expect(decideUpgrade(u, origin, origins, signer)).toEqual({ ok: false, status, code, reason: expect.any(String) });
  });
});
