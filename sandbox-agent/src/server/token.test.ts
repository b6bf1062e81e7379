import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateSecret, newStudentId, TokenSigner } from './token';

describe('TokenSigner', () => {
  const signer = new TokenSigner(randomBytes(32));
  const payload = { s: newStudentId(), i: 1_700_000_000_000, m: 'solo' as const };

  it('verifies what it signed', () => {
    expect(signer.verify(signer.sign(payload))).toEqual(payload);
  });

  it('rejects a token signed with another secret', () => {
    expect(new TokenSigner(randomBytes(32)).verify(signer.sign(payload))).toBeNull();
  });

  it('rejects a changed payload, a truncated signature and garbage', () => {
    const token = signer.sign(payload);
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...payload, s: newStudentId() })).toString('base64url');
    expect(signer.verify(`${forged}.${mac}`)).toBeNull();
    expect(signer.verify(`${body}.${mac.slice(0, 10)}`)).toBeNull();
    expect(signer.verify('')).toBeNull();
    expect(signer.verify('.')).toBeNull();
    expect(signer.verify('a'.repeat(5000))).toBeNull();
  });

  it('rejects a correctly signed payload of the wrong shape', () => {
    const odd = new TokenSigner(Buffer.alloc(32, 1));
    const body = Buffer.from(JSON.stringify({ s: '../../etc', i: 1, m: 'solo' })).toString('base64url');
    const mac = (odd as unknown as { mac(b: string): string }).mac(body);
    expect(odd.verify(`${body}.${mac}`)).toBeNull();
  });
});

describe('loadOrCreateSecret', () => {
  it('creates a 0600 secret once and reads the same one back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-secret-'));
    try {
      const a = loadOrCreateSecret(dir);
      const b = loadOrCreateSecret(dir);
      expect(a.equals(b)).toBe(true);
      expect(a.length).toBe(32);
      expect(fs.statSync(path.join(dir, 'secret')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('expiry', () => {
  it('refuses an expired student or instructor token, and never takes one kind for the other', () => {
    const signer = new TokenSigner(Buffer.alloc(32, 7));
    const now = 1_000_000;
    const student = signer.sign({ s: 'a'.repeat(32), i: now, m: 'class', c: 'c'.repeat(32), x: now + 10 });
    const instructor = signer.sign({ r: 'instructor', c: 'c'.repeat(32), i: now, x: now + 10 });
    expect(signer.verify(student, now)).not.toBeNull();
    expect(signer.verify(student, now + 10)).toBeNull();
    expect(signer.verifyInstructor(instructor, now)).not.toBeNull();
    expect(signer.verifyInstructor(instructor, now + 11)).toBeNull();
    expect(signer.verify(instructor, now)).toBeNull();
    expect(signer.verifyInstructor(student, now)).toBeNull();
    // a first-version solo token carried no expiry: still valid
    expect(signer.verify(signer.sign({ s: 'b'.repeat(32), i: now, m: 'solo' }), now + 1e12)).not.toBeNull();
  });
});
