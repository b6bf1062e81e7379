// A request body read whole, up to a cap: the agent's bodies are a token and a few fields, never more.
import type http from 'node:http';

/** The body as text, or null when it is larger than `max` (the request is then dropped unread) or fails. */
export function readBody(req: http.IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}
