// Signed session tokens: `base64url(payload).base64url(hmac-sha256(payload))`. The secret never leaves
// the agent's data directory; a token names a student, never a sandbox or a host path.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const payloadSchema = z.strictObject({
  /** Student id: 128 random bits, hex. */
  s: z.string().regex(/^[0-9a-f]{32}$/),
  /** Issued at, ms since the epoch. */
  i: z.number().int().positive(),
  /** Mode the token was issued in. */
  m: z.enum(['solo']),
});
export type TokenPayload = z.infer<typeof payloadSchema>;

/** Tokens longer than this are rejected before any parsing. */
const MAX_TOKEN_LENGTH = 512;

export class TokenSigner {
  constructor(private readonly secret: Buffer) {}

  sign(payload: TokenPayload): string {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** Returns the payload of a well-formed, correctly signed token, or null. */
  verify(token: string): TokenPayload | null {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    const dot = token.indexOf('.');
    if (dot <= 0) return null;
    const body = token.slice(0, dot);
    const mac = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(body), 'base64url');
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null;
    try {
      const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

export function newStudentId(): string {
  return randomBytes(16).toString('hex');
}

/** Loads the agent's secret from `<dataDir>/secret`, creating it (0600) on first start. */
export function loadOrCreateSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    const s = fs.readFileSync(file);
    if (s.length >= 32) return s;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`reading ${file}: ${(err as Error).message}`);
    }
  }
  const secret = randomBytes(32);
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
