// The instructor's live view: Server-Sent Events to each open instructor page. A burst of changes (a class
// finishing a step together) becomes one event per interval at most, so the pages refetch once.
import type http from 'node:http';

export const EVENT_INTERVAL_MS = 250;
/** A comment line now and then keeps proxies and the browser from closing an idle stream. */
const KEEPALIVE_MS = 25_000;

export class ClassEvents {
  private readonly streams = new Set<http.ServerResponse>();
  private pending: Set<string> = new Set();
  private timer: NodeJS.Timeout | undefined;
  private readonly keepalive: NodeJS.Timeout;

  constructor(private readonly intervalMs = EVENT_INTERVAL_MS) {
    this.keepalive = setInterval(() => {
      for (const s of this.streams) s.write(': keepalive\n\n');
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  get listeners(): number {
    return this.streams.size;
  }

  /** Takes over a response as an event stream until the client goes away. */
  open(res: http.ServerResponse, headers: Record<string, string>): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      ...headers,
    });
    res.write('retry: 2000\n\n');
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
  }

  /** Something the table shows changed (`kind`: join, step, quiz, presence, action…). */
  changed(kind: string): void {
    this.pending.add(kind);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const kinds = [...this.pending];
      this.pending = new Set();
      const data = `event: change\ndata: ${JSON.stringify({ kinds })}\n\n`;
      for (const s of this.streams) s.write(data);
    }, this.intervalMs);
  }

  close(): void {
    clearInterval(this.keepalive);
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.streams) s.end();
    this.streams.clear();
  }
}
