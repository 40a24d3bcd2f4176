/**
 * RDFa Lite with the schema.org vocabulary (`vocab`, `typeof`, `property`, `resource`, `prefix`, plus
 * `about`, `rel`, `content`, `href`, `src` and `datetime`) converted into JSON-LD-shaped nodes, so that one
 * reader (`extractOrganization` in `jsonld.ts`) serves every encoding.
 *
 * Only schema.org terms are kept: the other vocabularies pages carry (Open Graph's `og:title`, Dublin Core)
 * say nothing the organization reader uses. Pure DOM code with hard caps: it runs in the content script on
 * every page.
 */
import type { StructuredNode } from './jsonld';
import { elementText, schemaOrgTerm, urlAttribute } from './microdata';

/** Elements with RDFa attributes looked at per page. */
const MAX_ELEMENTS = 5000;
/** Nodes (typed or identified resources) created per page. */
const MAX_NODES = 500;
/** Property values read per page. */
const MAX_PROPERTIES = 5000;
/** How deep nodes nest as property values of nodes. */
const MAX_DEPTH = 8;
/** Terms per `property` / `rel` / `typeof`. */
const MAX_TOKENS = 8;
/** Elements with a `prefix` attribute followed up the tree. */
const MAX_PREFIX_HOLDERS = 20;
/** Declarations read per `prefix` attribute. */
const MAX_PREFIXES = 30;

/**
 * Prefixes RDFa 1.1 predefines (its initial context), so `schema:name` works without a `prefix` attribute.
 * Only schema.org's matters here; the others keep `og:`/`dc:` terms from being misread as anything else.
 */
const INITIAL_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['schema', 'http://schema.org/'],
  ['og', 'http://ogp.me/ns#'],
  ['dc', 'http://purl.org/dc/terms/'],
  ['dcterms', 'http://purl.org/dc/terms/'],
  ['foaf', 'http://xmlns.com/foaf/0.1/'],
  ['rdf', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
  ['rdfs', 'http://www.w3.org/2000/01/rdf-schema#'],
  ['rdfa', 'http://www.w3.org/ns/rdfa#'],
]);

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFA_COPY = 'http://www.w3.org/ns/rdfa#copy';
const RDFA_PATTERN = 'http://www.w3.org/ns/rdfa#Pattern';

/**
 * Elements whose children describe a new resource. A plain link (`<a href>`, or `rel` with `href` or
 * `resource`) changes the subject in full RDFa Core, but RDFa Lite authors, schema.org's examples among them,
 * wrap properties in links for presentation; following Core there would move the company's name onto its
 * homepage URL. So only `typeof`, `about` and a bare `resource` start a resource here.
 */
const SUBJECT_SELECTOR = '[typeof], [about], [resource]:not([property]):not([rel])';

interface Subject {
  node: StructuredNode;
  depth: number;
}

function tokens(value: string | null): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_TOKENS);
}

/** Converts one page's RDFa; state is per call. */
class RdfaReader {
  private readonly prefixCache = new Map<Element, ReadonlyMap<string, string>>();

  /** The prefix mappings in force at an element: the initial context, overridden by `prefix` attributes. */
  private prefixes(el: Element): ReadonlyMap<string, string> {
    const holder = el.closest('[prefix]');
    if (!holder) return INITIAL_PREFIXES;
    const cached = this.prefixCache.get(holder);
    if (cached) return cached;
    const holders: Element[] = [];
    for (let h: Element | null = holder; h && holders.length < MAX_PREFIX_HOLDERS; ) {
      holders.push(h);
      h = h.parentElement?.closest('[prefix]') ?? null;
    }
    const merged = new Map(INITIAL_PREFIXES);
    // Outermost first, so nearer declarations override.
    for (const h of holders.reverse()) {
      const parts = (h.getAttribute('prefix') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 2 * MAX_PREFIXES);
      for (let i = 0; i + 1 < parts.length; i += 2) {
        const name = parts[i]?.match(/^([\w.-]*):$/)?.[1];
        const iri = parts[i + 1];
        if (name !== undefined && iri) merged.set(name.toLowerCase(), iri);
      }
    }
    this.prefixCache.set(holder, merged);
    return merged;
  }

  /** The IRI a term, CURIE or absolute IRI names at an element; undefined when it names none. */
  resolveTerm(token: string, el: Element): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(token)) return token;
    const colon = token.indexOf(':');
    if (colon > 0) {
      const namespace = this.prefixes(el).get(token.slice(0, colon).toLowerCase());
      return namespace ? namespace + token.slice(colon + 1) : undefined;
    }
    if (colon === 0) return undefined;
    let vocab = el.closest('[vocab]')?.getAttribute('vocab')?.trim();
    if (!vocab) return undefined;
    // "https://schema.org" without the slash is a common slip; concatenating would give "schema.orgname".
    if (/^https?:\/\/(?:www\.)?schema\.org$/i.test(vocab)) vocab += '/';
    return vocab + token;
  }

  /** An IRI-valued attribute (`about`, `resource`) resolved against the page; `[prefix:ref]` safe CURIEs too. */
  iriAttribute(el: Element, attribute: string): string {
    const raw = el.getAttribute(attribute)?.trim() ?? '';
    const curie = /^\[(.+)\]$/.exec(raw)?.[1];
    if (curie) return this.resolveTerm(curie, el) ?? '';
    return raw ? urlAttribute(el, attribute) : '';
  }
}

/** The IRI a `rel` links to: `resource`, else `href`, else `src`; '' for a hanging `rel`. */
function linkValue(el: Element, reader: RdfaReader): string {
  if (el.hasAttribute('resource')) return reader.iriAttribute(el, 'resource');
  return urlAttribute(el, 'href') || urlAttribute(el, 'src');
}

/** The value of a property element that starts no node of its own (RDFa 1.1 "object" rules, simplified). */
function literalValue(el: Element, reader: RdfaReader): string {
  const content = el.getAttribute('content');
  if (content !== null) return content;
  if (el.hasAttribute('resource')) return reader.iriAttribute(el, 'resource');
  if (el.hasAttribute('href')) return urlAttribute(el, 'href');
  if (el.hasAttribute('src')) return urlAttribute(el, 'src');
  const datetime = el.getAttribute('datetime');
  if (datetime !== null) return datetime;
  return elementText(el);
}

/** Adds a value to a node's property, turning it into a list from the second value on. */
function addValue(node: StructuredNode, name: string, value: unknown): void {
  const existing = node[name];
  if (existing === undefined) node[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else node[name] = [existing, value];
}

/**
 * Reads a page's RDFa (schema.org terms only) as JSON-LD-shaped nodes: one per resource that is no other
 * resource's property value, nested resources as property values. Properties outside any resource describe the
 * page itself and come back as one untyped node, so an organization marked as the page's `publisher` stays
 * recognisable as such.
 *
 * Beyond RDFa Lite it reads what schema.org's own RDFa examples use: `rel` (with a `resource`/`href`, or
 * "hanging" over typed children), `rdf:type` links and `rdfa:copy` property copying from an `rdfa:Pattern`.
 * @param doc the page; IRIs resolve against its base URL
 */
export function readRdfa(doc: Document): StructuredNode[] {
  // `rel` counts only under a `vocab`: elsewhere it is HTML's own (stylesheet, nofollow) on every page.
  const elements = doc.querySelectorAll('[property], [typeof], [about], [resource], [vocab] [rel]');
  if (elements.length === 0) return [];
  const reader = new RdfaReader();
  const page: Subject = { node: {}, depth: 0 };
  const subjects = new Map<Element, Subject>();
  const top: StructuredNode[] = [];
  const copies: Array<{ node: StructuredNode; pattern: string }> = [];
  let properties = 0;

  /** The keys an attribute's terms name: schema.org terms, `@type` for rdf:type, `rdfa:copy` as itself. */
  const keysOf = (el: Element, attribute: 'property' | 'rel'): string[] => {
    const keys: string[] = [];
    for (const token of tokens(el.getAttribute(attribute))) {
      const iri = reader.resolveTerm(token, el);
      if (!iri) continue;
      const key = iri === RDF_TYPE ? '@type' : iri === RDFA_COPY ? RDFA_COPY : schemaOrgTerm(iri);
      if (key && !keys.includes(key)) keys.push(key);
    }
    return keys;
  };
  const attach = (node: StructuredNode, keys: string[], value: unknown) => {
    if (keys.length === 0 || value === '' || properties >= MAX_PROPERTIES) return;
    properties++;
    for (const key of keys) {
      if (key === RDFA_COPY) {
        if (typeof value === 'string') copies.push({ node, pattern: value });
      } else if (key === '@type') {
        if (typeof value === 'string') addValue(node, key, schemaOrgTerm(value) ?? value);
      } else addValue(node, key, value);
    }
  };
  /** The `rel` an element's new resource completes: a link-less `rel` between it and its parent resource. */
  const hangingRel = (el: Element, parentElement: Element | null): Element | undefined => {
    const rel = el.parentElement?.closest('[rel]');
    if (!rel || rel.hasAttribute('resource') || rel.hasAttribute('href') || rel.hasAttribute('src')) return;
    if (parentElement && (rel === parentElement || !parentElement.contains(rel))) return;
    return rel;
  };

  for (let i = 0; i < elements.length && i < MAX_ELEMENTS; i++) {
    const el = elements[i];
    if (!el) continue;
    const parentElement = el.parentElement?.closest(SUBJECT_SELECTOR) ?? null;
    // Ancestors come first in document order; an ancestor that is not registered was past a cap.
    const parent = parentElement ? subjects.get(parentElement) : page;
    if (!parent) continue;
    const propertyKeys = keysOf(el, 'property');
    const relKeys = keysOf(el, 'rel');
    const hasAbout = el.hasAttribute('about');
    if (el.matches(SUBJECT_SELECTOR)) {
      if (subjects.size >= MAX_NODES) continue;
      const node: StructuredNode = {};
      const types = tokens(el.getAttribute('typeof'))
        .map((t) => reader.resolveTerm(t, el))
        .filter((iri): iri is string => iri !== undefined)
        .map((iri) => schemaOrgTerm(iri) ?? iri);
      if (types.length > 0) node['@type'] = types.length === 1 ? types[0] : types;
      const id = hasAbout
        ? reader.iriAttribute(el, 'about')
        : el.hasAttribute('resource')
          ? reader.iriAttribute(el, 'resource')
          : urlAttribute(el, 'href') || urlAttribute(el, 'src');
      if (id) node['@id'] = id;
      // `property`/`rel` next to `typeof` link the parent to the new resource; next to `about` they describe it.
      const hanging = hangingRel(el, parentElement);
      const linkKeys = hasAbout
        ? []
        : [...propertyKeys, ...relKeys, ...(hanging && !propertyKeys.length ? keysOf(hanging, 'rel') : [])];
      const depth = linkKeys.length > 0 ? parent.depth + 1 : 0;
      if (depth > MAX_DEPTH) continue;
      subjects.set(el, { node, depth });
      if (linkKeys.length > 0) attach(parent.node, linkKeys, node);
      else top.push(node);
      if (hasAbout) {
        attach(node, propertyKeys, literalValue(el, reader));
        attach(node, relKeys, linkValue(el, reader));
      }
      continue;
    }
    attach(parent.node, propertyKeys, literalValue(el, reader));
    attach(parent.node, relKeys, linkValue(el, reader));
  }
  return applyCopies([...(Object.keys(page.node).length > 0 ? [page.node] : []), ...top], copies);
}

/**
 * RDFa property copying: a resource with `rdfa:copy` gets every property of the `rdfa:Pattern` it names, and
 * the patterns themselves leave the output (they are templates, not things the page describes).
 */
function applyCopies(
  nodes: StructuredNode[],
  copies: Array<{ node: StructuredNode; pattern: string }>,
): StructuredNode[] {
  if (copies.length === 0) return nodes;
  const isPattern = (node: StructuredNode) => [node['@type']].flat().includes(RDFA_PATTERN);
  const patterns = new Map<string, StructuredNode>();
  for (const node of nodes)
    if (isPattern(node) && typeof node['@id'] === 'string') patterns.set(node['@id'], node);
  // Many copies of a big pattern must not multiply past the page's property budget.
  let copied = 0;
  for (const { node, pattern } of copies) {
    const source = patterns.get(pattern);
    if (!source || source === node) continue;
    for (const [key, value] of Object.entries(source)) {
      if (key === '@id' || key === '@type') continue;
      const values = [value].flat().slice(0, MAX_PROPERTIES - copied);
      for (const v of values) addValue(node, key, v);
      copied += values.length;
    }
    if (copied >= MAX_PROPERTIES) break;
  }
  return nodes.filter((node) => !isPattern(node));
}
