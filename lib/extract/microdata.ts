/**
 * HTML microdata (`itemscope`, `itemtype`, `itemprop`, `itemid`, `itemref`) converted into JSON-LD-shaped
 * nodes, so that one reader (`extractOrganization` in `jsonld.ts`) serves every encoding.
 *
 * Follows the WHATWG microdata algorithm for an item's properties and their values, with one extension that
 * schema.org's own examples and the big crawlers rely on: a `content` attribute on any element (not only
 * `<meta>`) gives the value. Pure DOM code with hard caps: it runs in the content script on every page.
 */
import type { StructuredNode } from './jsonld';

/** Item elements converted per page: far more than any honest page marks up. */
const MAX_ITEMS = 500;
/** Property values read per page. */
const MAX_PROPERTIES = 5000;
/** Elements with `itemprop` looked at per page (nested items' properties are looked at and skipped). */
const MAX_SCANNED = 20_000;
/** How deep items nest inside items. */
const MAX_DEPTH = 8;
/** `itemref` ids followed per item. */
const MAX_ITEMREFS = 20;
/** Names per `itemprop` / types per `itemtype`. */
const MAX_TOKENS = 8;
/** Characters and nodes read for one text value: the reader keeps at most 2,000 characters anyway. */
const MAX_TEXT_CHARS = 4000;
const MAX_TEXT_NODES = 2000;

/** Elements whose value is a URL, and the attribute that holds it (WHATWG microdata, "property value"). */
const URL_ATTRIBUTE: Record<string, string> = {
  a: 'href',
  area: 'href',
  link: 'href',
  audio: 'src',
  embed: 'src',
  iframe: 'src',
  img: 'src',
  source: 'src',
  track: 'src',
  video: 'src',
  object: 'data',
};

const SCHEMA_ORG = /^https?:\/\/(?:www\.)?schema\.org\/([A-Za-z][\w-]*)\/?$/i;
/** Property names a page may use: a bare name or an absolute URL; never `@id` or `__proto__`. */
const PROPERTY_NAME = /^(?:[A-Za-z][\w.-]*|[a-z][a-z0-9+.-]*:\/\/\S+)$/i;

/**
 * The schema.org term an IRI names ("https://schema.org/Organization" → "Organization"); undefined for
 * IRIs of other vocabularies.
 */
export function schemaOrgTerm(iri: string): string | undefined {
  return SCHEMA_ORG.exec(iri)?.[1];
}

/**
 * The text inside an element, like `textContent` but bounded: a property on `<body>` must not copy the whole
 * page, once per property.
 */
export function elementText(root: Node, maxChars = MAX_TEXT_CHARS, maxNodes = MAX_TEXT_NODES): string {
  let out = '';
  let seen = 0;
  let node: Node | null = root.firstChild;
  while (node && seen < maxNodes && out.length < maxChars) {
    seen++;
    // 3 = text, 4 = CDATA section: `Node` constants are not globals outside the browser.
    if (node.nodeType === 3 || node.nodeType === 4) out += node.nodeValue ?? '';
    if (node.nodeType === 1 && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return out.slice(0, maxChars);
}

/** An attribute's value as an absolute URL against the document's base, as the spec resolves it. */
export function urlAttribute(el: Element, attribute: string): string {
  const raw = el.getAttribute(attribute)?.trim();
  if (!raw) return '';
  try {
    return new URL(raw, el.ownerDocument.baseURI).href;
  } catch {
    return raw;
  }
}

function tokens(value: string | null): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_TOKENS);
}

/** A property name as the tree uses it: schema.org URLs shortened to their term. */
function propertyName(token: string): string | undefined {
  const name = schemaOrgTerm(token) ?? token;
  return PROPERTY_NAME.test(name) ? name : undefined;
}

/** The value of a non-item property element (WHATWG microdata "property value", plus `content` anywhere). */
function propertyValue(el: Element): string {
  const content = el.getAttribute('content');
  if (content !== null) return content;
  const tag = el.localName;
  const urlName = URL_ATTRIBUTE[tag];
  if (urlName) return urlAttribute(el, urlName);
  if (tag === 'meta') return '';
  if (tag === 'data' || tag === 'meter') return el.getAttribute('value') ?? '';
  if (tag === 'time' && el.hasAttribute('datetime')) return el.getAttribute('datetime') ?? '';
  return elementText(el);
}

/** Converts a page's microdata items; state is per call, so one page's caps never leak into the next. */
class MicrodataReader {
  private items = 0;
  private properties = 0;
  private scanned = 0;
  private readonly done = new Map<Element, StructuredNode>();
  private readonly inProgress = new Set<Element>();
  /** Item elements that are some item's property value (the rest with `itemprop` are orphans). */
  readonly usedAsValue = new Set<Element>();

  private readonly doc: Document;

  constructor(doc: Document) {
    this.doc = doc;
  }

  /** The elements that hold an item's properties: its subtree and the elements its `itemref` names. */
  private propertyElements(item: Element): Element[] {
    const roots: Element[] = [item];
    for (const id of tokens(item.getAttribute('itemref')).slice(0, MAX_ITEMREFS)) {
      const root = this.doc.getElementById(id);
      if (root && !roots.includes(root)) roots.push(root);
    }
    const found = new Set<Element>();
    for (const root of roots) {
      if (root !== item && root.hasAttribute('itemprop')) found.add(root);
      // A referenced item's properties are its own, not the referencing item's.
      if (root !== item && root.hasAttribute('itemscope')) continue;
      if (this.scanned >= MAX_SCANNED) break;
      const candidates = root.querySelectorAll('[itemprop]');
      for (let i = 0; i < candidates.length && this.scanned < MAX_SCANNED; i++, this.scanned++) {
        const el = candidates[i];
        if (!el) continue;
        // A property belongs to the nearest item above it; under an itemref root, to no item inside the root.
        const owner = el.parentElement?.closest('[itemscope]') ?? null;
        if (root === item ? owner === item : !owner || !root.contains(owner)) found.add(el);
      }
    }
    const list = [...found];
    // 4 = DOCUMENT_POSITION_FOLLOWING: properties come in tree order, whichever root they were found under.
    if (roots.length > 1) list.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    return list;
  }

  /** One item as a node; undefined past the caps or on an itemref cycle. */
  convert(item: Element, depth: number): StructuredNode | undefined {
    const cached = this.done.get(item);
    if (cached) return cached;
    if (this.inProgress.has(item) || depth > MAX_DEPTH || this.items >= MAX_ITEMS) return undefined;
    this.items++;
    this.inProgress.add(item);
    const node: StructuredNode = {};
    const types = tokens(item.getAttribute('itemtype')).map((t) => schemaOrgTerm(t) ?? t);
    if (types.length > 0) node['@type'] = types.length === 1 ? types[0] : types;
    const id = urlAttribute(item, 'itemid');
    if (id) node['@id'] = id;
    const values = new Map<string, unknown[]>();
    for (const el of this.propertyElements(item)) {
      if (this.properties >= MAX_PROPERTIES) break;
      const names = tokens(el.getAttribute('itemprop'))
        .map(propertyName)
        .filter((n): n is string => n !== undefined);
      if (names.length === 0) continue;
      let value: unknown;
      if (el.hasAttribute('itemscope')) {
        this.usedAsValue.add(el);
        value = this.convert(el, depth + 1);
      } else value = propertyValue(el);
      if (value === undefined || value === '') continue;
      this.properties++;
      for (const name of names) {
        const list = values.get(name);
        if (list) list.push(value);
        else values.set(name, [value]);
      }
    }
    for (const [name, list] of values) node[name] = list.length === 1 ? list[0] : list;
    this.inProgress.delete(item);
    this.done.set(item, node);
    return node;
  }

  get exhausted(): boolean {
    return this.items >= MAX_ITEMS || this.properties >= MAX_PROPERTIES;
  }
}

/**
 * Reads a page's microdata as JSON-LD-shaped nodes: one per top-level item (`itemscope` without
 * `itemprop`), nested items as property values. An item marked as a property of nothing (`itemprop` with no
 * item above it) is kept under its property name, `{publisher: {...}}`, so the reader still knows it was
 * the page's publisher rather than the page's subject.
 * @param doc the page; URLs resolve against its base URL
 */
export function readMicrodata(doc: Document): StructuredNode[] {
  const scopes = doc.querySelectorAll('[itemscope]');
  if (scopes.length === 0) return [];
  const reader = new MicrodataReader(doc);
  const out: StructuredNode[] = [];
  const limit = Math.min(scopes.length, MAX_ITEMS * 4);
  for (let i = 0; i < limit && !reader.exhausted; i++) {
    const el = scopes[i];
    if (!el || el.hasAttribute('itemprop')) continue;
    const node = reader.convert(el, 0);
    if (node) out.push(node);
  }
  for (let i = 0; i < limit && !reader.exhausted; i++) {
    const el = scopes[i];
    if (!el?.hasAttribute('itemprop') || reader.usedAsValue.has(el)) continue;
    // An item above it owns it (even when the depth cap kept that item from reading it): not an orphan.
    if (el.parentElement?.closest('[itemscope]')) continue;
    const node = reader.convert(el, 1);
    if (!node) continue;
    const wrapper: StructuredNode = {};
    for (const name of tokens(el.getAttribute('itemprop')).map(propertyName)) if (name) wrapper[name] = node;
    out.push(wrapper);
  }
  return out;
}
