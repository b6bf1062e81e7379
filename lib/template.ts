// Filling and splitting `{placeholder}` templates, apart from the catalogs: client leaves receive their
// strings as props and import only this, so neither locale's catalog (lib/i18n.ts) ships in the page's
// JavaScript (issue 18).

/** Fills `{name}` placeholders; an unknown placeholder stays as written, so a gap is visible, not blank. */
export function format(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Splits a template into text and placeholder parts, for callers that render a placeholder as markup
 * (a command in `<code translate="no">`).
 */
export function templateParts(template: string): ({ text: string } | { name: string })[] {
  const parts: ({ text: string } | { name: string })[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index) });
    parts.push({ name: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** The placeholder names a template uses, sorted and unique. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}
