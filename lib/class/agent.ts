// The browser's requests to the agent's class endpoints: JSON POSTs whose answers are validated with the
// protocol's schemas, every failure reduced to a code the page turns into pt/gl text (the agent never
// sends prose). Never throws: a page shows a result, it does not catch one.
import { type ClassError, errorResponse } from '@protocol';
import type { z } from 'zod';
import { type AgentLocation, agentBase } from '@/lib/terminal/wire';

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Why a request gave nothing: a protocol error code from the agent, `unreachable` (no HTTP answer at
 * all: agent down, wrong port, network) or `unexpected` (an answer the protocol does not describe).
 */
export type AgentFailure = ClassError | 'unreachable' | 'unexpected';

export type AgentResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: AgentFailure;
      readonly status: number;
      /** The bound the agent's refusal named, where it has one (`invalid_warm_target`). */
      readonly max?: number;
    };

/** `<page's agent><path>`: the agent on the machine that served the page, or at the site's agent path (agentBase). */
export function agentUrl(at: AgentLocation, path: string): string {
  return `${agentBase(at)}${path}`;
}

const browserFetch: Fetch = (u, i) => fetch(u, i);

/** POSTs `body` as JSON; the raw response when it is a 2xx, the failure otherwise. */
export async function postRaw(
  url: string,
  body: unknown,
  fetcher: Fetch = browserFetch,
): Promise<AgentResult<Response>> {
  let response: Response;
  try {
    response = await fetcher(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: 'unreachable', status: 0 };
  }
  if (response.ok) return { ok: true, value: response };
  return { ok: false, ...(await failureOf(response)), status: response.status };
}

/** POSTs `body` and validates the JSON answer with `schema`. */
export async function postJson<T>(
  url: string,
  body: unknown,
  schema: z.ZodType<T>,
  fetcher: Fetch = browserFetch,
): Promise<AgentResult<T>> {
  const raw = await postRaw(url, body, fetcher);
  if (!raw.ok) return raw;
  try {
    const parsed = schema.safeParse(await raw.value.json());
    if (parsed.success) return { ok: true, value: parsed.data };
  } catch {
    // Not JSON: below.
  }
  return { ok: false, error: 'unexpected', status: raw.value.status };
}

/** The `{error, max?}` of a refusal when the protocol knows it; `unexpected` for anything else (a proxy's page). */
async function failureOf(response: Response): Promise<{ error: AgentFailure; max?: number }> {
  try {
    const parsed = errorResponse.safeParse(await response.json());
    if (!parsed.success) return { error: 'unexpected' };
    const { error, max } = parsed.data;
    return max === undefined ? { error } : { error, max };
  } catch {
    return { error: 'unexpected' };
  }
}
