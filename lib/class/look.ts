// The instructor's look at one student's terminal (issue 20), outside React: a WebSocket to the agent's look path
// with the instructor's token. Text frames are validated look messages (waiting, watching, each tab's size);
// binary frames are a tab's output, its first byte the tab. The close code says why the look ended.
import { LOOK_PATH, LookCloseCode, lookMessage } from '@protocol';
import type { AgentLocation } from '@/lib/terminal/wire';

export type LookEnd = keyof typeof LookCloseCode | 'closed';

export interface LookEvents {
  state(state: 'waiting' | 'watching'): void;
  screen(tab: number, cols: number, rows: number): void;
  output(tab: number, bytes: Uint8Array): void;
  ended(why: LookEnd): void;
}

export function lookUrl(at: AgentLocation, token: string, student: string, name: string): string {
  const scheme = at.pageProtocol === 'https:' ? 'wss' : 'ws';
  const q = new URLSearchParams({ token, student, name });
  return `${scheme}://${at.hostname}:${at.port}${LOOK_PATH}?${q.toString()}`;
}

/** Why a look ended, from its close code. */
export function lookEndOf(code: number): LookEnd {
  const entry = Object.entries(LookCloseCode).find(([, c]) => c === code);
  return entry ? (entry[0] as keyof typeof LookCloseCode) : 'closed';
}

/** Opens a look; returns the function that closes it. */
export function openLook(url: string, events: LookEvents): () => void {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  ws.onmessage = (e: MessageEvent) => {
    if (typeof e.data === 'string') {
      let json: unknown;
      try {
        json = JSON.parse(e.data);
      } catch {
        return;
      }
      const msg = lookMessage.safeParse(json);
      if (!msg.success) return;
      if (msg.data.type === 'look') events.state(msg.data.state);
      else events.screen(msg.data.tab, msg.data.cols, msg.data.rows);
      return;
    }
    const bytes = new Uint8Array(e.data as ArrayBuffer);
    if (bytes.length > 1) events.output(bytes[0] ?? 0, bytes.subarray(1));
  };
  ws.onclose = (e: CloseEvent) => events.ended(lookEndOf(e.code));
  return () => ws.close();
}
