// The instructor's look at one student's terminal (issue 20), outside React: a WebSocket to the agent's look path
// with the instructor's token. Text frames are validated look messages (waiting, watching, each tab's size);
// binary frames are a tab's output, its first byte the tab. The close code says why the look ended. The
// instructor may ask to type (help-ask); once the student accepted, keystrokes go as binary frames, split to
// HELP_MAX_INPUT_BYTES, the tab's byte first.
import {
  HELP_MAX_INPUT_BYTES,
  LOOK_PATH,
  type LookCloseName,
  type LookListener,
  type LookRequest,
  lookCloseName,
  lookMessage,
} from '@protocol';
import { type AgentLocation, agentBase } from '@/lib/terminal/wire';

export type LookEnd = LookCloseName | 'closed';

export interface LookEvents extends LookListener<Uint8Array> {
  ended(why: LookEnd): void;
}

/** An open look: ask to type or stop, type into a tab, close it. */
export interface LookHandle {
  request(req: LookRequest): void;
  type(tab: number, data: string): void;
  close(): void;
}

export function lookUrl(at: AgentLocation, token: string, student: string, name: string): string {
  const q = new URLSearchParams({ token, student, name });
  return `${agentBase(at, 'ws')}${LOOK_PATH}?${q.toString()}`;
}

/** Why a look ended, from its close code. */
export function lookEndOf(code: number): LookEnd {
  return lookCloseName(code) ?? 'closed';
}

/** Opens a look. */
export function openLook(url: string, events: LookEvents): LookHandle {
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
      else if (msg.data.type === 'help') events.help(msg.data.state, msg.data.why);
      else events.screen(msg.data.tab, msg.data.cols, msg.data.rows);
      return;
    }
    const bytes = new Uint8Array(e.data as ArrayBuffer);
    if (bytes.length > 1) events.output(bytes[0] ?? 0, bytes.subarray(1));
  };
  ws.onclose = (e: CloseEvent) => events.ended(lookEndOf(e.code));
  const open = () => ws.readyState === WebSocket.OPEN;
  return {
    request: (req) => {
      if (open()) ws.send(JSON.stringify(req));
    },
    type: (tab, data) => {
      const bytes = new TextEncoder().encode(data);
      for (let at = 0; at < bytes.length && open(); at += HELP_MAX_INPUT_BYTES) {
        const chunk = bytes.subarray(at, at + HELP_MAX_INPUT_BYTES);
        const frame = new Uint8Array(chunk.length + 1);
        frame[0] = tab;
        frame.set(chunk, 1);
        ws.send(frame);
      }
    },
    close: () => ws.close(),
  };
}
