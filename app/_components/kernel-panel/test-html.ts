// Just enough HTML reading for the panel's tests, over react-dom/server's well-formed markup: find elements
// by their attributes, take one element whole (nested same-name tags balanced), read its text. The unit
// tests run in node without a DOM, and the panel's markup needs no more than this.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", nbsp: ' ' };

export function decode(text: string): string {
  return text.replace(/&(#x27|#39|amp|lt|gt|quot|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** The attributes of an opening tag, decoded. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/\s([\w:-]+)(?:="([^"]*)")?/g)) out.set(m[1] ?? '', decode(m[2] ?? ''));
  return out;
}

export interface Element {
  tag: string;
  attrs: Map<string, string>;
  /** The element's whole markup, from its opening tag to its closing one. */
  html: string;
  /** Its text, tags removed and entities decoded. */
  text: string;
}

/** Every element whose attributes include all of `want` (a value of `true`: present, any value). */
export function findAll(html: string, want: Record<string, string | true>): Element[] {
  const found: Element[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s[^>]*?)?)(\/?)>/g)) {
    const attrs = attributes(m[2] ?? '');
    const ok = Object.entries(want).every(([k, v]) => (v === true ? attrs.has(k) : attrs.get(k) === v));
    if (!ok) continue;
    const tag = m[1] ?? '';
    const start = m.index;
    const openEnd = start + m[0].length;
    const end = m[3] === '/' || VOID.has(tag) ? openEnd : closeOf(html, tag, openEnd);
    const outer = html.slice(start, end);
    found.push({ tag, attrs, html: outer, text: textOf(outer) });
  }
  return found;
}

export function find(html: string, want: Record<string, string | true>): Element {
  const all = findAll(html, want);
  const first = all[0];
  if (!first) throw new Error(`no element with ${JSON.stringify(want)}`);
  return first;
}

function closeOf(html: string, tag: string, from: number): number {
  const re = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*?(/?)>`, 'g');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1] === '/') depth -= 1;
    else if (m[2] !== '/') depth += 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

export function textOf(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ''));
}
