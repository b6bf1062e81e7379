// What the VM has left for a class: memory from /proc/meminfo (MemTotal − MemAvailable) and CPU from the
// change of /proc/stat's first line between two readings.
import { readFileSync } from 'node:fs';

export function parseMeminfo(text: string): { totalBytes: number; usedBytes: number } {
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(text)?.[1] ?? Number.NaN) * 1024;
  const total = kb('MemTotal');
  const available = kb('MemAvailable');
  if (!Number.isFinite(total) || !Number.isFinite(available)) throw new Error('meminfo without MemTotal/MemAvailable');
  return { totalBytes: total, usedBytes: total - available };
}

/** Busy and total jiffies from the aggregate `cpu` line of /proc/stat. */
export function parseCpuLine(text: string): { busy: number; total: number } {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('/proc/stat without a cpu line');
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  // idle and iowait are not busy
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return { busy: total - idle, total };
}

export class CpuSampler {
  private last: { busy: number; total: number } | undefined;
  private percent = 0;

  constructor(private readonly read: () => string = () => readFileSync('/proc/stat', 'utf8')) {}

  /** CPU use since the previous call (0-100); the first call reads the average since boot. */
  sample(): number {
    const now = parseCpuLine(this.read());
    const prev = this.last ?? { busy: 0, total: 0 };
    const dt = now.total - prev.total;
    if (dt > 0) this.percent = Math.min(100, Math.max(0, ((now.busy - prev.busy) / dt) * 100));
    this.last = now;
    return Math.round(this.percent * 10) / 10;
  }
}
