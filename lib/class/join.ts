// Joining a class from the student's side: the form's own checks (the same rules the agent applies, so
// a typo is caught before a request), `POST /class/join`, and which message each outcome shows. The
// returned token goes where the terminals look for it (lib/agent/session.ts).
import {
  CLASS_CODE_ALPHABET,
  CLASS_CODE_LENGTH,
  CLASS_JOIN_PATH,
  cleanDisplayName,
  type JoinResponse,
  joinResponse,
  MAX_NAME_LENGTH,
  normaliseClassCode,
} from '@protocol';
import { type Locale, pathForLocale } from '@/lib/locales';
import { format } from '@/lib/template';
import type { AgentLocation } from '@/lib/terminal/wire';
import { type AgentFailure, type AgentResult, agentUrl, type Fetch, postJson } from './agent';

/** Keys under `class.join.error` in the catalog. */
export type JoinErrorKey =
  | 'codeFormat'
  | 'nameInvalid'
  | 'unknownCode'
  | 'classClosed'
  | 'rateLimited'
  | 'full'
  | 'notClassMode'
  | 'origin'
  | 'unreachable'
  | 'unexpected';

export function joinUrl(at: AgentLocation): string {
  return agentUrl(at, CLASS_JOIN_PATH);
}

const CODE_PATTERN = new RegExp(`^[${CLASS_CODE_ALPHABET}]{${CLASS_CODE_LENGTH}}$`);

/**
 * What the form would send, or why not. A code outside the alphabet can be no class's code (0/O, 1/I…
 * are left out of it on purpose), so it is refused here with a hint about its shape rather than sent.
 */
export function checkJoinForm(
  rawCode: string,
  rawName: string,
): { ok: true; code: string; name: string } | { ok: false; error: 'codeFormat' | 'nameInvalid' } {
  const code = normaliseClassCode(rawCode);
  if (!CODE_PATTERN.test(code)) return { ok: false, error: 'codeFormat' };
  const name = cleanDisplayName(rawName);
  if (name === null) return { ok: false, error: 'nameInvalid' };
  return { ok: true, code, name };
}

/**
 * Asks to join. `token` is the one this browser already holds, if any: a student coming back (or typing
 * the same name again) keeps the same identity, progress and sandbox.
 */
export function joinClass(
  url: string,
  request: { code: string; name: string; token: string | null },
  fetcher?: Fetch,
): Promise<AgentResult<JoinResponse>> {
  const body = { code: request.code, name: request.name, ...(request.token ? { token: request.token } : {}) };
  return postJson(url, body, joinResponse, fetcher);
}

/** The message for a refused join. Wrong code and closed class differ: one means check, the other ask. */
export function joinErrorKey(failure: AgentFailure): JoinErrorKey {
  switch (failure) {
    case 'invalid_name':
      return 'nameInvalid';
    case 'unknown_code':
      return 'unknownCode';
    case 'class_closed':
      return 'classClosed';
    case 'rate_limited':
      return 'rateLimited';
    case 'full':
      return 'full';
    case 'not_class_mode':
      return 'notClassMode';
    case 'origin':
      return 'origin';
    case 'unreachable':
      return 'unreachable';
    default:
      return 'unexpected';
  }
}

/** The alphabet as a student reads it in a refusal: "A C D … 9", every character a code can have. */
const SPACED_ALPHABET = [...CLASS_CODE_ALPHABET].join(' ');

/**
 * The text of a refusal (`class.join.error`), its placeholders filled: the code's length and alphabet, the
 * name's limit, the agent's address (`address`: agentAddress) and the HTTP status.
 */
export function joinErrorText(
  errors: Readonly<Record<JoinErrorKey, string>>,
  refusal: { readonly key: JoinErrorKey; readonly status: number },
  address: string,
): string {
  return format(errors[refusal.key], {
    length: CLASS_CODE_LENGTH,
    alphabet: SPACED_ALPHABET,
    max: MAX_NAME_LENGTH,
    status: refusal.status,
    address,
  });
}

/**
 * The join link (the agent gives it in Portuguese, `/pt/turma?codigo=…`) in another language of the site:
 * the instructor page shows, and draws as a QR code, the link in its own language.
 */
export function joinPageIn(joinUrl: string, locale: Locale): string {
  let url: URL;
  try {
    url = new URL(joinUrl);
  } catch {
    return joinUrl;
  }
  url.pathname = pathForLocale(url.pathname, locale);
  return url.toString();
}
