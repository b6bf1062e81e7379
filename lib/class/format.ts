// How the instructor view writes times, sizes and the class code. Relative times take their words from the
// catalog ("há 2 min", "hai 2 min"): Intl's relative times depend on the browser's locale data, and Debian's
// Chromium has none for Galician (it wrote "-35 s"). Numbers, dates and times go through intlLocales (a
// browser without Galician data writes them the Spanish way, which is Galician's way too).

import { intlLocales } from '@/lib/locales';
import { format } from '@/lib/template';

const MINUTE_S = 60;
const HOUR_S = 60 * MINUTE_S;
const DAY_S = 24 * HOUR_S;
/** Under this, "now": the table refreshes every few seconds and a ticking "3 s ago" is only noise. */
const NOW_S = 10;

/** The catalog's words for "how long ago" (`class.instructor.ago`); `{n}` is the count. */
export interface AgoWords {
  readonly now: string;
  readonly seconds: string;
  readonly minutes: string;
  readonly hours: string;
  readonly yesterday: string;
  readonly days: string;
}

/** `then` relative to `now` (epoch ms): "agora", "há 40 s", "há 2 min", "há 3 h", "ontem", "há 2 dias". */
export function relativeTime(then: number, now: number, words: AgoWords): string {
  const seconds = Math.round((now - then) / 1000);
  const ago = Math.max(0, seconds); // a clock slightly ahead of the agent's must not say "in 2 s"
  if (ago < NOW_S) return words.now;
  if (ago < MINUTE_S) return format(words.seconds, { n: ago });
  if (ago < HOUR_S) return format(words.minutes, { n: Math.floor(ago / MINUTE_S) });
  if (ago < DAY_S) return format(words.hours, { n: Math.floor(ago / HOUR_S) });
  const days = Math.floor(ago / DAY_S);
  // one day is "yesterday": no plural to agree with, in either language
  return days === 1 ? words.yesterday : format(words.days, { n: days });
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
