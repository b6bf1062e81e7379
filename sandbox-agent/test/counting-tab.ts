// A browser tab that keeps nothing, in a process of its own, so that a test measuring the agent's memory does
// not count the tab's: it acknowledges every frame (as xterm's write callback does) and counts the bytes.
// Run: node --import tsx sandbox-agent/test/counting-tab.ts WS_URL ORIGIN. Input: JSON lines {"type": text}
// on stdin. Output: a JSON line {"received": bytes, "frames": count, "tail": last bytes as text} on stdout after each frame
// (a flood's frames are tens of KiB: a few thousand short lines for a test's flood).
import { createInterface } from 'node:readline';
import WebSocket from 'ws';

const [url, origin] = process.argv.slice(2);
if (!url || !origin) throw new Error('usage: counting-tab.ts WS_URL ORIGIN');
const ws = new WebSocket(url, { origin });
let received = 0;
let frames = 0;
ws.on('message', (data: Buffer, isBinary) => {
  if (!isBinary) return;
  received += data.length;
  frames++;
  ws.send(JSON.stringify({ type: 'ack', bytes: data.length }));
  process.stdout.write(`${JSON.stringify({ received, frames, tail: data.subarray(-256).toString('latin1') })}\n`);
});
ws.on('close', () => process.exit(0));
ws.on('error', (err) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  const { type } = JSON.parse(line) as { type: string };
  ws.send(Buffer.from(type, 'utf8'), { binary: true });
});
