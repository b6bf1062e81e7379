// How the instructor view writes times, sizes and the class code: through Intl in the page's language
// (pt-BR or gl), so "há 2 min." and "hai 2 min" come from the browser, not from the catalog. Numbers, dates
// and times go through intlLocales (a browser without Galician data writes them the Spanish way).
import { intlLocales } from '@/lib/locales';

const MINUTE_S = 60;
const HOUR_S = 60 * MINUTE_S;
const DAY_S = 24 * HOUR_S;
/** Under this, "now": the table refreshes every few seconds and a ticking "3 s ago" is only noise. */
const NOW_S = 10;

/** `then` relative to `now` (epoch ms): "agora", "há 40 seg.", "há 2 min.", "há 3 h", "há 2 dias". */
export function relativeTime(then: number, now: number, lang: string): string {
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
  const seconds = Math.round((now - then) / 1000);
  const ago = Math.max(0, seconds); // a clock slightly ahead of the agent's must not say "in 2 s"
  if (ago < NOW_S) return rtf.format(0, 'second');
  if (ago < MINUTE_S) return rtf.format(-ago, 'second');
  if (ago < HOUR_S) return rtf.format(-Math.floor(ago / MINUTE_S), 'minute');
  if (ago < DAY_S) return rtf.format(-Math.floor(ago / HOUR_S), 'hour');
  return rtf.format(-Math.floor(ago / DAY_S), 'day');
}

/** A time of day ("14:05:09"), with the date in front when it is not today's. */
export function clockTime(at: number, now: number, lang: string): string {
  const when = new Date(at);
  const sameDay = when.toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(
    intlLocales(lang),
    sameDay ? { timeStyle: 'medium' } : { dateStyle: 'short', timeStyle: 'medium' },
  ).format(when);
}

/** Memory in decimal units, one decimal: "1,2 GB", "850 MB". */
export function formatBytes(bytes: number, lang: string): string {
  const gb = bytes / 1e9;
  if (gb >= 1) {
    return new Intl.NumberFormat(intlLocales(lang), {
      style: 'unit',
      unit: 'gigabyte',
      maximumFractionDigits: 1,
    }).format(gb);
  }
  return new Intl.NumberFormat(intlLocales(lang), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 }).format(
    bytes / 1e6,
  );
}

/** "ACDEFG" → "ACD EFG": groups of three are easier to read aloud and to copy from a projector. */
export function spacedCode(code: string): string {
  return code.replace(/(.{3})(?=.)/g, '$1 ');
}

/** A share 0–100 of `used` in `total`, rounded; 0 when the total is unknown. */
export function percent(used: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.round((used / total) * 100)));
}
