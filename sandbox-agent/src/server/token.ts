// Signed session tokens: `base64url(payload).base64url(hmac-sha256(payload))`. The secret never leaves
// the agent's data directory; a token names a student, never a sandbox or a host path.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AGENT_ID } from '../protocol';

const payloadSchema = z.strictObject({
  /** Student id: 128 random bits, hex. */
  s: z.string().regex(/^[0-9a-f]{32}$/),
  /** Issued at, ms since the epoch. */
  i: z.number().int().positive(),
  /** Mode the token was issued in. */
  m: z.enum(['solo', 'class']),
  /** The class a class-mode student joined (its id). */
  c: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  /** Expires at, ms since the epoch (tokens of the first version carried none). */
  x: z.number().int().positive().optional(),
  /** The agent whose terminals the student opens, when there are many (issue 22); none on one VM. */
  a: z.string().regex(AGENT_ID).optional(),
});
export type TokenPayload = z.infer<typeof payloadSchema>;

/** The instructor's token: names a class, never a student; a student token never parses as one. */
const instructorSchema = z.strictObject({
  r: z.literal('instructor'),
  c: z.string().regex(/^[0-9a-f]{32}$/),
  i: z.number().int().positive(),
  x: z.number().int().positive(),
});
export type InstructorPayload = z.infer<typeof instructorSchema>;

/** Tokens longer than this are rejected before any parsing. */
const MAX_TOKEN_LENGTH = 512;

/** A student stays the same student for a school term; the instructor's link is renewed at each start. */
export const STUDENT_TOKEN_MS = 120 * 24 * 3600 * 1000;
export const INSTRUCTOR_TOKEN_MS = 30 * 24 * 3600 * 1000;

export class TokenSigner {
  constructor(private readonly secret: Buffer) {}

  sign(payload: TokenPayload | InstructorPayload): string {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The payload of a well-formed, correctly signed, unexpired student token, or null. */
  verify(token: string, now = Date.now()): TokenPayload | null {
    const p = this.payloadOf(token, payloadSchema);
    return p && (p.x === undefined || p.x > now) ? p : null;
  }

  /** The payload of a well-formed, correctly signed, unexpired instructor token, or null. */
  verifyInstructor(token: string, now = Date.now()): InstructorPayload | null {
    const p = this.payloadOf(token, instructorSchema);
    return p && p.x > now ? p : null;
  }

  private payloadOf<T>(token: string, schema: z.ZodType<T>): T | null {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    const dot = token.indexOf('.');
    if (dot <= 0) return null;
    const body = token.slice(0, dot);
    const mac = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(body), 'base64url');
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null;
    try {
      const parsed = schema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

/** 128 random bits, hex: student and class ids. */
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
