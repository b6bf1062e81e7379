// What the browser tests check of a page's accessibility (issue 21): axe-core finds no serious or critical
// violation, and the accessibility tree as Chromium exposes it holds no English string. Used by a11y.spec.ts
// (solo pages) and class-mode.spec.ts (the class's pages, served in class mode).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe's verdict on the page as it stands: every serious or critical violation fails, with its nodes. */
export async function expectNoSeriousAxeViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${what}`).toEqual([]);
}

/**
 * English words that are neither Portuguese nor Galician: function words and the words of an interface
 * (xterm's "Terminal input", a browser's "Loading", a left-over "Close"). Loanwords the course uses on purpose
 * (shell, sandbox, namespace, kernel, mount, overlay, root) are not here: they are how pt and gl speakers say them;
 * nor are the kernel's and tools' own names that the text uses as names (the `user` and `time` namespaces,
 * `docker run`, `--network none`).
 */
const ENGLISH = new Set(
  (
    'the and with without from your you this that these those is are was were been being to of for by an at it ' +
    'its or not on into onto out off all any there their they them what which who whose how when where why will ' +
    'would can cannot could should must has have had does did yes please loading input output close show hide ' +
    'search submit cancel send reply settings help new more less too much many read rows row manually announce ' +
    'navigate connected connecting disconnected retry reload page step steps question answer correct incorrect ' +
    'wrong done pending check checking lesson lessons instructor student students join table view chart process ' +
    'processes copy paste skip main content toggle button open closed next previous back home language ' +
    'select choose collapse expand waiting unknown empty failed success warning hint stop restart reset delete ' +
    'remove edit save download upload file name'
  ).split(' '),
);

/** Terms pt and gl take whole from English, as the course's text uses them. */
const TERMS = /\bcopy-on-write\b/gi;

/** The English words of a text, as written. */
export function englishWords(text: string): string[] {
  return (text.replace(TERMS, ' ').match(/\p{L}+/gu) ?? []).filter((w) => ENGLISH.has(w.toLowerCase()));
}

interface DomNode {
  backendNodeId: number;
  nodeName: string;
  nodeType?: number;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

interface AxValue {
  value?: unknown;
  sources?: { type: string; value?: unknown; superseded?: boolean }[];
}

interface AxRelated {
  backendDOMNodeId?: number;
  text?: string;
}

interface AxNode {
  ignored: boolean;
  role?: { value?: unknown };
  name?: AxValue;
  description?: AxValue;
  properties?: { name: string; value?: { relatedNodes?: AxRelated[] } }[];
  backendDOMNodeId?: number;
}

/** The DOM nodes (elements and text) inside an element marked translate="no": commands, code, the terminal's screen. */
function untranslated(root: DomNode): Set<number> {
  const out = new Set<number>();
  const walk = (node: DomNode, inside: boolean) => {
    const attrs = node.attributes ?? [];
    let here = inside;
    for (let i = 0; i + 1 < attrs.length; i += 2) if (attrs[i] === 'translate' && attrs[i + 1] === 'no') here = true;
    if (here) out.add(node.backendNodeId);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, here);
    if (node.contentDocument) walk(node.contentDocument, here);
  };
  walk(root, false);
  return out;
}

/** Every DOM node by its backend id. */
function byBackendId(root: DomNode): Map<number, DomNode> {
  const out = new Map<number, DomNode>();
  const walk = (node: DomNode) => {
    out.set(node.backendNodeId, node);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    if (node.contentDocument) walk(node.contentDocument);
  };
  walk(root);
  return out;
}

/** A DOM node's text, as textContent reads it. */
function textOf(node: DomNode | undefined): string {
  if (!node) return '';
  if (node.nodeType === 3) return node.nodeValue ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** Where a name comes from when it is not made of other nodes' text (which is read at those nodes). */
const OWN_NAME = new Set(['attribute', 'placeholder', 'implicit']);

/**
 * What the accessibility tree says to a screen reader in words: every node's name and description that the page
 * wrote (text, aria-label, title, alt, placeholder), but the text of what is marked translate="no" (commands and
 * the terminal's screen: those are the machine's words, not the interface's). A name made of its contents or of
 * another element's (a label, a legend) is read at those text nodes, so code inside it is left out there too; a
 * name from an attribute is read even inside translate="no" (xterm's input label).
 */
export async function accessibleTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const code = untranslated(root);
    const dom = byBackendId(root);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const texts: string[] = [];
    for (const node of nodes) {
      if (node.ignored) continue;
      const role = String(node.role?.value ?? '');
      if (role === 'InlineTextBox') continue;
      const inCode = node.backendDOMNodeId !== undefined && code.has(node.backendDOMNodeId);
      const name = typeof node.name?.value === 'string' ? node.name.value : '';
      const from = node.name?.sources?.find((s) => s.value !== undefined && !s.superseded)?.type;
      const textNode = role === 'StaticText';
      if (name && (textNode ? !inCode : OWN_NAME.has(from ?? ''))) texts.push(name);
      const description = typeof node.description?.value === 'string' ? node.description.value : '';
      // A description made of other elements (aria-describedby) is read element by element, leaving out those
      // marked translate="no": a run button is described by its command and by what it does.
      const describedBy = node.properties?.find((p) => p.name === 'describedby')?.value?.relatedNodes ?? [];
      if (
        description &&
        !inCode &&
        describedBy.some((r) => r.backendDOMNodeId !== undefined && code.has(r.backendDOMNodeId))
      )
        for (const r of describedBy) {
          if (r.backendDOMNodeId !== undefined && !code.has(r.backendDOMNodeId)) {
            const text = (r.text || textOf(dom.get(r.backendDOMNodeId))).trim();
            if (text) texts.push(text);
          }
        }
      else if (description && !inCode) texts.push(description);
    }
    return texts;
  } finally {
    await cdp.detach();
  }
}

/** The page's accessibility tree has no English string (each hit names its word and the text it is in). */
export async function expectNoEnglish(page: Page, what: string): Promise<void> {
  const hits = (await accessibleTexts(page)).flatMap((text) =>
    englishWords(text).map((word) => `"${word}" in "${text.slice(0, 160)}"`),
  );
  expect([...new Set(hits)], `English in the accessibility tree of ${what}`).toEqual([]);
}

/** Both checks on the page as it stands. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await expectNoSeriousAxeViolations(page, what);
  await expectNoEnglish(page, what);
}
