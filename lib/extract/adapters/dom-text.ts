/**
 * Reading visible text and "label → value" pairs from a profile page, independent of the site's class names.
 * Shared by the site adapters; pure DOM code with hard limits, since it runs inside every page the rep opens.
 */
import { cleanText } from '../text';

/** Tags whose content is never page text a person reads. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'img',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  // Wikipedia footnote markers ("[1]", "[a]", "[citation needed]") are superscripts.
  'sup',
]);

/** Tags that start a new line when read, so "Consumer electronics<br>Software" stays two values. */
const LINE_TAGS = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'table',
  'caption',
  'section',
  'article',
  'aside',
  'main',
  'header',
  'footer',
  'nav',
  'address',
  'blockquote',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'pre',
  'form',
  'fieldset',
]);

/** Footnote markers written as plain text (older markup, copied text). */
const FOOTNOTE = /\[(?:\d{1,3}|[a-z]|note \d+|nb \d+|citation needed)\]/gi;

/** Tailwind-style responsive classes that show an element the bare `hidden` class hides. */
const RESPONSIVE_SHOW = /:(?:block|flex|grid|inline|inline-block|inline-flex|table)$/;

/** True when the element is hidden from people (hidden attribute, display:none, screen-reader-only ...). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const classes = el.classList;
  if (classes.contains('sr-only') || classes.contains('visually-hidden')) return true;
  if (classes.contains('hidden')) {
    for (const token of classes) if (RESPONSIVE_SHOW.test(token)) return false;
    return true;
  }
  return false;
}

/**
 * The visible text of an element as lines: block elements and `<br>` end a line, hidden elements,
 * footnote markers and icons are left out. Reads at most `maxNodes` nodes.
 */
export function visibleLines(root: Node, maxNodes = 3000): string[] {
  const lines: string[] = [];
  let current = '';
  let budget = maxNodes;
  const flush = () => {
    const line = cleanText(current.replace(FOOTNOTE, ''), 600);
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node) => {
    if (budget-- <= 0) return;
    if (node.nodeType === 3) {
      current += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    if (SKIPPED_TAGS.has(tag) || isHidden(el)) return;
    const breaks = LINE_TAGS.has(tag);
    if (breaks) flush();
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (breaks) flush();
  };
  if (root.nodeType === 1 && SKIPPED_TAGS.has((root as Element).localName)) return [];
  walk(root);
  flush();
  return lines;
}

/** A label as compared: lower case, no colon, trademark signs or extra spaces ("Team Size:" → "team size"). */
export function normaliseLabel(text: string): string {
  return cleanText(text.replace(/[:：®™*]/g, ' '), 80).toLowerCase();
}

/** A value read next to a visible label. */
export interface LabeledValue {
  /** The label as the page writes it. */
  label: string;
  /** The value's visible lines (a list value has one line per item). */
  lines: string[];
  /** The lines joined with ", ". */
  text: string;
  /** The element holding the value (for its links); the label's container when the value is bare text. */
  el: Element;
}

/** Options of {@link readLabeledValues}. */
export interface LabeledValueOptions {
  /** Most text nodes looked at; a page's label area comes early, the rest is cut off. */
  maxNodes?: number;
  /** Decides whether a label found in this element counts (to skip footers, "similar companies" lists ...). */
  accept?: (labelEl: Element) => boolean;
}

const TEXT_NODE_FILTER = 4;

/**
 * Finds the values printed next to visible labels, whatever the markup: `<dt>Founded</dt><dd>2011</dd>`,
 * `<span>Founded:</span><span>2011</span>`, `<li>Founded: 2011</li>`, or a label wrapped in its own
 * container followed by the value's container. Keys of the result are the normalised labels asked for;
 * the first occurrence of each label wins.
 */
export function readLabeledValues(
  root: Element | Document,
  labels: readonly string[],
  options: LabeledValueOptions = {},
): Map<string, LabeledValue> {
  const wanted = new Set(labels.map(normaliseLabel));
  const found = new Map<string, LabeledValue>();
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const walker = doc.createTreeWalker(root, TEXT_NODE_FILTER);
  let budget = options.maxNodes ?? 20000;
  for (let node = walker.nextNode(); node && budget > 0; node = walker.nextNode(), budget--) {
    if (found.size === wanted.size) break;
    const raw = (node as Text).data;
    if (raw.length > 400) continue;
    const text = cleanText(raw, 120);
    if (!text || text.length > 100) continue;
    const parent = node.parentElement;
    if (!parent || SKIPPED_TAGS.has(parent.localName)) continue;
    const label = normaliseLabel(text);
    if (wanted.has(label)) {
      if (found.has(label) || (options.accept && !options.accept(parent))) continue;
      const value = valueAfter(node, label, root, wanted);
      if (value) found.set(label, { label: text.replace(/[:：]\s*$/, ''), ...value });
      continue;
    }
    // "Founded: 2019" in one text node.
    const inline = /^([^:：]{2,40})[:：]\s*(\S.*)$/.exec(text);
    const inlineLabel = inline?.[1] ? normaliseLabel(inline[1]) : '';
    if (inline?.[2] && wanted.has(inlineLabel) && !found.has(inlineLabel)) {
      if (options.accept && !options.accept(parent)) continue;
      const lines = [cleanText(inline[2], 600)];
      found.set(inlineLabel, { label: cleanText(inline[1], 60), lines, text: lines.join(', '), el: parent });
    }
  }
  return found;
}

/** The first non-empty content after a label, climbing out of wrappers that hold only the label. */
function valueAfter(
  labelNode: Node,
  label: string,
  root: Element | Document,
  labels: Set<string>,
): Omit<LabeledValue, 'label'> | undefined {
  let current: Node = labelNode;
  for (let depth = 0; depth < 4; depth++) {
    let sibling = current.nextSibling;
    for (let steps = 0; sibling && steps < 8; steps++, sibling = sibling.nextSibling) {
      const lines =
        sibling.nodeType === 3
          ? [cleanText((sibling as Text).data.replace(FOOTNOTE, ''), 600)].filter(Boolean)
          : visibleLines(sibling, 800);
      if (lines.length === 0) continue;
      // An empty value followed by the next label: the label has no value here.
      if (labels.has(normaliseLabel(lines[0] ?? ''))) return undefined;
      const el = sibling.nodeType === 1 ? (sibling as Element) : current.parentElement;
      if (!el) return undefined;
      const kept = lines.slice(0, 40);
      return { lines: kept, text: cleanText(kept.join(', '), 600), el };
    }
    const parent: Element | null = current.parentElement;
    if (!parent || parent === root) return undefined;
    // Climbing is only safe while the wrapper holds nothing but the label itself.
    if (normaliseLabel(cleanText(parent.textContent, 200)) !== label) return undefined;
    current = parent;
  }
  return undefined;
}

/**
 * True when the element's text matches `pattern`, reading at most `maxNodes` text nodes (so asking about a
 * large container stays cheap). A match split across two text nodes is not seen.
 */
export function hasText(root: Element, pattern: RegExp, maxNodes = 400): boolean {
  const walker = root.ownerDocument.createTreeWalker(root, TEXT_NODE_FILTER);
  let budget = maxNodes;
  for (let node = walker.nextNode(); node && budget > 0; node = walker.nextNode(), budget--) {
    if (pattern.test((node as Text).data)) return true;
  }
  return false;
}

/** Heading tags, for finding a section by its title. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** The nearest ancestor of a title element that holds more than the title: the section it titles. */
function sectionOf(title: Element): Element | undefined {
  let section = title.parentElement;
  for (let depth = 0; section && depth < 4; depth++, section = section.parentElement) {
    if (section.children.length > 1) return section;
  }
  return undefined;
}

/**
 * The section a title names: a heading (`h1`–`h6`) whose text matches `title`, or, where a site styles a
 * plain `div` as its heading, any element whose whole text matches. Returns the nearest ancestor that holds
 * more than the title. Reads at most `maxHeadings` headings and `maxNodes` text nodes.
 */
export function sectionTitled(
  root: Element | Document,
  title: RegExp,
  { maxHeadings = 200, maxNodes = 20000, anyElement = false } = {},
): Element | undefined {
  const headings = root.querySelectorAll(HEADINGS);
  for (let i = 0; i < headings.length && i < maxHeadings; i++) {
    const heading = headings[i];
    const text = heading?.textContent ?? '';
    if (!heading || text.length > 300 || !title.test(cleanText(text, 120))) continue;
    const section = sectionOf(heading);
    if (section) return section;
  }
  if (!anyElement) return undefined;
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const walker = doc.createTreeWalker(root, TEXT_NODE_FILTER);
  let budget = maxNodes;
  for (let node = walker.nextNode(); node && budget > 0; node = walker.nextNode(), budget--) {
    const raw = (node as Text).data;
    if (raw.length > 200) continue;
    const text = cleanText(raw, 120);
    const parent = node.parentElement;
    if (!text || !parent || !title.test(text) || SKIPPED_TAGS.has(parent.localName)) continue;
    if (cleanText(parent.textContent, 200) !== text) continue;
    const section = sectionOf(parent);
    if (section) return section;
  }
  return undefined;
}

/** Headings of lists of *other* companies or people shown beside a profile. */
const RELATED_HEADING =
  /^(?:similar (?:pages|companies|organizations|profiles)|(?:pages )?people also (?:viewed|follow)|people also viewed|affiliated pages|showcase pages|related (?:companies|organizations|profiles)|competitors|top competitors|you may also like|more like this|recommended(?: for you)?|other (?:companies|profiles))\b/i;
/** Attribute wording of the same lists (`data-test-id="similar-pages"`, `class="browsemap"`). */
const RELATED_ATTRIBUTE =
  /similar|also[-_ ]?viewed|also[-_ ]?follow|browse[-_ ]?map|affiliated|showcase|recommend/i;

/**
 * True when the element sits in a list of other companies ("Similar pages", "People also viewed" ...),
 * recognised by the list's heading or by its attributes, whichever survives a redesign.
 */
export function inRelatedList(el: Element, maxDepth = 14): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < maxDepth; depth++, node = node.parentElement) {
    const name = node.localName;
    if (name === 'body' || name === 'main' || name === 'html') return false;
    for (const attribute of ['data-test-id', 'data-testid', 'aria-label', 'id', 'class']) {
      const value = node.getAttribute(attribute);
      if (value && RELATED_ATTRIBUTE.test(value)) return true;
    }
    for (let child = node.firstElementChild, n = 0; child && n < 6; child = child.nextElementSibling, n++) {
      if (/^h[1-6]$/.test(child.localName) && RELATED_HEADING.test(cleanText(child.textContent, 120)))
        return true;
    }
  }
  return false;
}
