// A check's hint as the student reads it: the step's template for the hint key, in the page's locale,
// with `{param}` filled from what the check observed. Text between backticks is code (a path, a
// command) and renders in `<code translate="no">`.
import { format } from '@/lib/template';

export type HintPart = { readonly text: string } | { readonly code: string };

export function hintParts(template: string, params: Readonly<Record<string, string | number>>): HintPart[] {
  const parts: HintPart[] = [];
  template.split('`').forEach((piece, i) => {
    if (piece === '') return;
    const filled = format(piece, params);
    // An unpaired backtick leaves an odd piece out: it is text, not code.
    parts.push(i % 2 === 1 ? { code: filled } : { text: filled });
  });
  const unpaired = (template.match(/`/g)?.length ?? 0) % 2 === 1;
  if (unpaired) return [{ text: format(template, params) }];
  return parts;
}
