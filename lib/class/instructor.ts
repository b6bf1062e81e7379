// The instructor's requests: class state, one student's detail, actions, the CSV export and the event
// stream's URL. The token travels in POST bodies; only the event stream carries it in the query string
// (EventSource can send no body and no header).
import {
  type BroadcastKind,
  INSTRUCTOR_PATHS,
  type InstructorAction,
  type InstructorState,
  instructorState,
  type StudentDetail,
  studentDetail,
} from '@protocol';
import { z } from 'zod';
import type { AgentLocation } from '@/lib/terminal/wire';
import { type AgentResult, agentUrl, type Fetch, postJson, postRaw } from './agent';
import { lookUrl } from './look';

const actionResponse = z.object({ ok: z.literal(true) });

export class InstructorClient {
  constructor(
    private readonly at: AgentLocation,
    private readonly token: string,
    private readonly fetcher?: Fetch,
  ) {}

  state(): Promise<AgentResult<InstructorState>> {
    return postJson(agentUrl(this.at, INSTRUCTOR_PATHS.state), { token: this.token }, instructorState, this.fetcher);
  }

  student(id: string): Promise<AgentResult<StudentDetail>> {
    return postJson(
      agentUrl(this.at, INSTRUCTOR_PATHS.student),
      { token: this.token, student: id },
      studentDetail,
      this.fetcher,
    );
  }

  act(action: InstructorAction, student?: string): Promise<AgentResult<true>> {
    return this.post(INSTRUCTOR_PATHS.action, { action, ...(student ? { student } : {}) });
  }

  /** A message (or a command shown as text) on every student's lesson page (issue 20). */
  broadcast(text: string, kind: BroadcastKind): Promise<AgentResult<true>> {
    return this.post(INSTRUCTOR_PATHS.broadcast, { text, kind });
  }

  /** Keep `target` sandboxes warm for the class (issue 18): 0 to the capacity less the students' sandboxes. */
  warm(target: number): Promise<AgentResult<true>> {
    return this.post(INSTRUCTOR_PATHS.warm, { target });
  }

  private async post(path: string, body: object): Promise<AgentResult<true>> {
    const result = await postJson(
      agentUrl(this.at, path),
      { token: this.token, ...body },
      actionResponse,
      this.fetcher,
    );
    return result.ok ? { ok: true, value: true } : result;
  }

  /** The class's results as CSV, as a Blob the page offers for download. */
  /** The class's steps and answers (`audit`: its looks, helps and broadcasts instead) as a CSV file. */
  async exportCsv(audit = false): Promise<AgentResult<Blob>> {
    const path = audit ? INSTRUCTOR_PATHS.audit : INSTRUCTOR_PATHS.export;
    const raw = await postRaw(agentUrl(this.at, path), { token: this.token }, this.fetcher);
    if (!raw.ok) return raw;
    try {
      const text = await raw.value.text();
      return { ok: true, value: new Blob([text], { type: 'text/csv;charset=utf-8' }) };
    } catch {
      return { ok: false, error: 'unreachable', status: raw.value.status };
    }
  }

  /** A look at a student's terminal (issue 20): a WebSocket, opened by lib/class/look.ts. */
  lookUrl(student: string, name: string): string {
    return lookUrl(this.at, this.token, student, name);
  }

  eventsUrl(): string {
    return `${agentUrl(this.at, INSTRUCTOR_PATHS.events)}?${new URLSearchParams({ token: this.token }).toString()}`;
  }
}

/** `gaiola-ACDEFG-2025-03-14.csv`: the class and the day, so several exports do not overwrite one another. */
export function exportFileName(code: string, now: Date, audit = false): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const safeCode = code.replace(/[^A-Za-z0-9]/g, '');
  return `gaiola-${safeCode || 'turma'}-${day}${audit ? '-registro' : ''}.csv`;
}
