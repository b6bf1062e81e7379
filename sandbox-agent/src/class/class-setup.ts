// Class mode at start: the class the agent serves (kept across restarts; `--new-class` starts another),
// and what the instructor needs printed: the URL students open, the code, a QR code of the URL, and the
// private instructor link.

import { INSTRUCTOR_TOKEN_MS, newStudentId, type TokenSigner } from '../server/token';
import type { ClassRow, Store } from '../store/store';
import { newClassCode } from './class-code';
import { joinUrlOf } from './class-routes';

/** The current class, or a new one when there is none or `fresh` is asked for. */
export async function ensureClass(store: Store, fresh: boolean): Promise<ClassRow> {
  const current = await store.currentClass();
  if (current && !fresh) return current;
  // A code is unique among every class this install has had; with 25^6 codes a clash is rare, but possible.
  for (;;) {
    const code = newClassCode();
    if (!(await store.classByCode(code))) return store.createClass(newStudentId(), code);
  }
}

/** The private instructor link: the token in the URL's fragment, which browsers never send to a server. */
export function instructorLink(siteUrl: string, signer: TokenSigner, cls: ClassRow, now = Date.now()): string {
  const token = signer.sign({ r: 'instructor', c: cls.id, i: now, x: now + INSTRUCTOR_TOKEN_MS });
  return `${siteUrl.replace(/\/+$/, '')}/pt/instrutor#t=${token}`;
}

export async function classSummary(store: Store): Promise<{ code: string; open: boolean } | null> {
  const c = await store.currentClass();
  return c ? { code: c.code, open: c.closed_at === null } : null;
}

/** Prints the class's join URL, code, QR code and instructor link. */
export async function announceClass(store: Store, signer: TokenSigner, siteUrl: string, fresh: boolean): Promise<void> {
  const cls = await ensureClass(store, fresh);
  const url = joinUrlOf(siteUrl, cls.code);
  let qr = '';
  try {
    const { default: QRCode } = await import('qrcode');
    qr = await QRCode.toString(url, { type: 'terminal', small: true });
  } catch {
    // the QR code is a convenience: the URL and the code are printed anyway
  }
  const spaced = `${cls.code.slice(0, 3)} ${cls.code.slice(3)}`;
  process.stdout.write(
    [
      '',
      `[agent] class ${spaced}${cls.closed_at === null ? '' : ' (closed to new students)'}`,
      `[agent] students open: ${url}`,
      `[agent]   (in Galician: ${joinUrlOf(siteUrl, cls.code, 'gl')})`,
      qr,
      `[agent] instructor (keep it private): ${instructorLink(siteUrl, signer, cls)}`,
      '',
    ].join('\n'),
  );
}
