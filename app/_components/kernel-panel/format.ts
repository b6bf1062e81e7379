// How the panel writes sizes, shares of a CPU and times: numbers through Intl in the page's language
// ("12,5 MiB" in both pt-BR and gl, through lib/locales.ts's intlLocales), units in IEC binary symbols
// because that is what memory.max and `free -h` speak (100M in memory.max is 100 MiB). A value the kernel
// keeps as a number (a weight, pids.max, a quota in µs, a PID, an inode) is written as its file holds it,
// never as a number of the page's locale: "1024", as `cat` prints it, not "1.024".
import { intlLocales as locales } from '@/lib/locales';

const KIB = 1024;
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;
/** Below this many units, one decimal: 99.6 MiB next to a 100 MiB limit must not round to the limit. */
const DECIMALS_BELOW = 100;

/** Bytes in binary units: "512 B", "4 KiB", "12,5 MiB", "1 GiB". */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= KIB && unit < UNITS.length - 1) {
    value /= KIB;
    unit += 1;
  }
  const digits = unit > 0 && value < DECIMALS_BELOW ? 1 : 0;
  return `${new Intl.NumberFormat(locales(locale), { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}

/** A CPU quota as a share of one CPU: 50000 µs every 100000 µs is "50%"; two CPUs' worth is "200%". */
export function formatCpuShare(quotaUs: number, periodUs: number, locale: string): string {
  const share = periodUs > 0 ? quotaUs / periodUs : 0;
  return new Intl.NumberFormat(locales(locale), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A time of day with seconds: when an OOM kill or a refused fork was seen. */
export function formatClock(t: number, locale: string): string {
  return new Intl.DateTimeFormat(locales(locale), { timeStyle: 'medium' }).format(new Date(t));
}
