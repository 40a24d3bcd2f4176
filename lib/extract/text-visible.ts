/**
 * The visible text of a page as lines, for the text fact readers. Pure DOM code with no dependencies: it
 * runs in the content script, so it reads attributes only and never asks for layout (which would cost far
 * more than the few milliseconds extraction may take).
 */

/** One block of visible text (a paragraph, a list item, a line ended by `<br>` ...). */
export interface TextLine {
  /** The line's text, whitespace collapsed. */
  text: string;
  /**
   * True inside a part of the page that speaks for the site's owner: header, footer, address, contact or
   * imprint blocks. An address there is the company's own; one in an article body may be anybody's.
   */
  region: boolean;
  /** Offset of the line in {@link VisibleText.text}. */
  start: number;
}

/** A page's visible text: the lines joined by newlines, and the lines themselves. */
export interface VisibleText {
  text: string;
  lines: TextLine[];
}

/** Most characters read from the page body; footers past this cap are still read (see below). */
export const MAX_VISIBLE_CHARS = 200_000;
/** Extra characters allowed for footer and address blocks that lie beyond the main cap. */
const MAX_REGION_CHARS = 30_000;
/** Most elements visited, so a pathological DOM cannot stall the page. */
const MAX_ELEMENTS = 60_000;

/** Elements whose text is never shown as text. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'SELECT',
  'DATALIST',
  'TEXTAREA',
  'INPUT',
  'HEAD',
  'TITLE',
  'MATH',
]);

/** Elements that start a new line of text. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Tags and roles of the blocks where a site states who runs it. */
const REGION_TAGS = new Set(['FOOTER', 'HEADER', 'ADDRESS']);
const REGION_ROLE = /^(?:contentinfo|banner)$/i;
/** Words in an id or class that mark such a block ("site-footer", "contactInfo", "impressum"). */
const REGION_WORDS = [
  'footer',
  'contact',
  'kontakt',
  'impressum',
  'imprint',
  'address',
  'adresse',
  'anschrift',
  'vcard',
  'copyright',
  'colophon',
  'site-info',
  'legal',
];
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Hidden by attribute or inline style. `aria-hidden` does not count: sites set it on the whole page while a
 * cookie dialog is open, and the text stays on screen.
 */
function isHidden(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

function isRegion(el: Element): boolean {
  if (REGION_TAGS.has(el.tagName.toUpperCase())) return true;
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role && REGION_ROLE.test(role)) return true;
  return hasRegionName(el);
}

/**
 * Whether an element's id or class names a region block. Plain substring tests on the lowered names: utility-class
 * sites carry kilobytes of class names, where a case-insensitive pattern costs milliseconds. (In a live page the
 * candidates come from one selector first, see {@link regionBlocks}; this test then confirms each.)
 */
function hasRegionName(el: Element): boolean {
  const name = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
  if (name.length < 2 || name.length > 400) return false;
  const lower = name.toLowerCase();
  return REGION_WORDS.some((word) => lower.includes(word));
}

/** Accumulates lines under a character budget. */
class LineBuilder {
  readonly lines: TextLine[] = [];
  private parts: string[] = [];
  private partRegion = false;
  private length = 0;

  constructor(private readonly budget: number) {}

  get full(): boolean {
    return this.length >= this.budget;
  }

  add(text: string, region: boolean): void {
    if (this.full) return;
    // One text node can be megabytes long (a data dump in a <pre>); keep only what the budget allows.
    const kept = text.length > this.budget - this.length ? text.slice(0, this.budget - this.length) : text;
    this.parts.push(kept);
    this.partRegion ||= region;
    this.length += kept.length;
  }

  /** Ends the current line. */
  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('').replace(/\s+/g, ' ').trim();
    if (text) this.lines.push({ text, region: this.partRegion, start: 0 });
    this.parts = [];
    this.partRegion = false;
  }
}

/**
 * Walks the children of `root` depth-first along sibling pointers, without recursion (deep DOMs must not
 * overflow the stack) and without indexing NodeLists (slow in some DOMs).
 */
function walk(root: Element, builder: LineBuilder, inRegion: boolean, counter: { elements: number }): void {
  const ancestors: Array<{ region: boolean; block: boolean }> = [];
  let region = inRegion;
  let node: Node | null = root.firstChild;
  while (node && !builder.full) {
    if (node.nodeType === TEXT_NODE) {
      builder.add(node.nodeValue ?? '', region);
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (!SKIP_TAGS.has(tag) && !isHidden(el)) {
        if (++counter.elements > MAX_ELEMENTS) break;
        const block = BLOCK_TAGS.has(tag);
        if (block) builder.flush();
        if (el.firstChild) {
          ancestors.push({ region, block });
          region ||= isRegion(el);
          node = el.firstChild;
          continue;
        }
      }
    }
    // Next node: the next sibling, or the next sibling of the nearest ancestor that has one.
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (!node || node === root) {
        node = null;
        break;
      }
      const frame = ancestors.pop();
      if (frame) {
        region = frame.region;
        if (frame.block) builder.flush();
      }
    }
    node = node?.nextSibling ?? null;
  }
  builder.flush();
}

/**
 * Reads the visible text of a document as lines: skips scripts, styles, templates, form controls and
 * elements hidden by attribute or inline style, and marks lines in header, footer, address, contact and
 * imprint blocks. Reads at most {@link MAX_VISIBLE_CHARS} characters (and elements up to a cap); when a page
 * is longer, its footer and address blocks are read as well, since that is where a company states its
 * address and legal name.
 */
export function readVisibleText(doc: Document): VisibleText {
  const body = doc.body ?? doc.documentElement;
  const lines: TextLine[] = [];
  if (body) {
    const counter = { elements: 0 };
    const main = new LineBuilder(MAX_VISIBLE_CHARS);
    walk(body, main, false, counter);
    lines.push(...main.lines);
    if (main.full || counter.elements > MAX_ELEMENTS) {
      const extra = new LineBuilder(MAX_REGION_CHARS);
      for (const el of Array.from(doc.querySelectorAll('footer, address, [role="contentinfo"]')).slice(-5)) {
        if (!isHidden(el)) walk(el, extra, true, { elements: 0 });
      }
      lines.push(...extra.lines);
    }
  }
  let offset = 0;
  for (const line of lines) {
    line.start = offset;
    offset += line.text.length + 1;
  }
  return { text: lines.map((l) => l.text).join('\n'), lines };
}

/** Most matches of one pattern examined per page: enough for any real page, bounded on hostile ones. */
export const MAX_MATCHES = 120;

/** The first `max` matches of a global pattern in `text`. */
export function limitedMatches(text: string, re: RegExp, max = MAX_MATCHES): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m && out.length < max; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** The own-site text as the text readers take it: the visible lines and the few head fields they use. */
export interface OwnSiteText {
  lines: Array<{ text: string; region: boolean }>;
  /** og:site_name, for recognising the company's own name. */
  siteName: string;
  /** The head's <title> (not `doc.title`, which some DOMs look up across the whole document). */
  title: string;
  /** The document's language, for reading German addresses. */
  lang: string;
}

/**
 * The page's text as the browser renders it, raw: the body's `innerText` and each region block's (see
 * {@link regionBlocks}). Split into lines and marked in the background ({@link ownSiteTextOf}).
 */
export interface RenderedText {
  text: string;
  regions: string[];
}

/**
 * What a page sends for the own-site text readers: its rendered text (in a browser), or its visible lines
 * (in a DOM without layout, such as jsdom), and the head fields.
 */
export type PageText = Omit<OwnSiteText, 'lines'> & { lines?: OwnSiteText['lines']; rendered?: RenderedText };

/** Characters of the body's rendered text sent: past the readers' budget, with room for the whitespace cleaned. */
export const MAX_RENDERED_CHARS = 2 * MAX_VISIBLE_CHARS;
/** Characters of one region block's rendered text sent, and of all of them. */
export const MAX_REGION_BLOCK_CHARS = 100_000;
export const MAX_REGION_TEXT_CHARS = 2 * MAX_VISIBLE_CHARS;
/** Lines of a region block marked as region lines. */
const MAX_REGION_LINES = 400;

/**
 * Reads what the own-site text readers need, and nothing else, so that the regular-expression work (and even the
 * splitting into lines) runs in the background instead of in the page, where every page would pay to compile
 * and run that code afresh.
 */
export function readOwnSiteText(doc: Document): PageText {
  const meta = doc.head?.querySelector('meta[property="og:site_name"], meta[name="og:site_name"]');
  const rendered = readRenderedText(doc);
  return {
    ...(rendered
      ? { rendered }
      : { lines: readVisibleText(doc).lines.map(({ text, region }) => ({ text, region })) }),
    siteName: (meta?.getAttribute('content') ?? '').trim().slice(0, 200),
    title: (doc.head?.querySelector('title')?.textContent ?? '').trim().slice(0, 300),
    lang: (doc.documentElement?.getAttribute('lang') ?? '').toLowerCase().slice(0, 20),
  };
}

const XHTML = 'http://www.w3.org/1999/xhtml';
/** Most region blocks read. */
const MAX_REGIONS = 200;

/**
 * Every element that may be a region block ({@link isRegion} decides), as one selector: the browser's own
 * matching finds them, which in a fresh page costs far less than visiting every element in script.
 */
const REGION_CANDIDATES = [
  'footer',
  'header',
  'address',
  '[role="contentinfo" i]',
  '[role="banner" i]',
  ...REGION_WORDS.flatMap((word) => [`[id*="${word}" i]`, `[class*="${word}" i]`]),
].join(', ');

/**
 * Outermost header, footer, address and contact blocks, in document order: where a site states who runs it.
 * Elements inside SVG and other foreign content are passed over.
 */
function regionBlocks(body: Element): Element[] {
  const candidates = body.querySelectorAll(REGION_CANDIDATES);
  const blocks: Element[] = [];
  let outer: Element | undefined;
  for (let i = 0; i < candidates.length && i < MAX_ELEMENTS && blocks.length < MAX_REGIONS; i++) {
    const el = candidates[i] as Element;
    // The selector over-finds (an id and class list past 400 characters names no block): isRegion decides.
    if (el.namespaceURI !== XHTML || !isRegion(el)) continue;
    // Document order lists a block before the blocks inside it: comparing with the last block kept is enough.
    if (outer?.contains(el)) continue;
    outer = el;
    blocks.push(el);
  }
  return blocks;
}

/** An element's rendered text, or undefined in a DOM without layout. */
function renderedText(el: Element): string | undefined {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (hidden parts left out, real line breaks).
  const text = (el as HTMLElement).innerText as unknown;
  return typeof text === 'string' ? text : undefined;
}

/**
 * The page's text as the browser renders it (`innerText`: computed visibility, real line breaks), and the text
 * of its header, footer, address and contact blocks, raw and capped. The browser does this natively, far
 * faster than a walk in script; undefined where `innerText` does not exist (DOMs without layout, such as jsdom).
 */
function readRenderedText(doc: Document): RenderedText | undefined {
  const body = doc.body;
  const text = body ? renderedText(body) : undefined;
  if (!body || text === undefined) return undefined;
  const regions: string[] = [];
  let budget = MAX_REGION_TEXT_CHARS;
  for (const block of regionBlocks(body)) {
    if (budget <= 0) break;
    const blockText = (renderedText(block) ?? '').slice(0, Math.min(MAX_REGION_BLOCK_CHARS, budget));
    regions.push(blockText);
    budget -= blockText.length;
  }
  return { text: text.slice(0, MAX_RENDERED_CHARS), regions };
}

/** Rendered text as lines, whitespace collapsed, empty lines dropped. */
function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The lines of a page's rendered text, those inside its region blocks marked (the readers' budget applies). */
function renderedLines(rendered: RenderedText): OwnSiteText['lines'] {
  const region = new Set<string>();
  for (const block of rendered.regions) {
    for (const line of splitLines(block).slice(0, MAX_REGION_LINES)) region.add(line);
  }
  const lines: OwnSiteText['lines'] = [];
  let length = 0;
  for (const text of splitLines(rendered.text)) {
    if (length > MAX_VISIBLE_CHARS) break;
    lines.push({ text: text.slice(0, 2000), region: region.has(text) });
    length += text.length + 1;
  }
  return lines;
}

/** The own-site text a page sent, as the text readers take it: rendered text split into marked lines. */
export function ownSiteTextOf(sent: PageText): OwnSiteText {
  const { rendered, lines, ...head } = sent;
  return { ...head, lines: rendered ? renderedLines(rendered) : (lines ?? []) };
}

/** The visible text again from its lines (offsets as {@link readVisibleText} sets them). */
export function visibleTextOf(lines: OwnSiteText['lines']): VisibleText {
  let offset = 0;
  const out: TextLine[] = lines.map(({ text, region }) => {
    const line = { text, region, start: offset };
    offset += text.length + 1;
    return line;
  });
  return { text: out.map((l) => l.text).join('\n'), lines: out };
}
