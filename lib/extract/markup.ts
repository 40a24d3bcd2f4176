/**
 * The page's microdata and RDFa, converted in the page into JSON-LD-shaped trees (the DOM work) and copied
 * into plain, bounded data that a message can carry; the background reads the organization out of them
 * (`extractOrganization` in jsonld.ts). Pure DOM code with no dependencies: it runs in the content script.
 */
import type { StructuredNode } from './jsonld';
import { readMicrodata } from './microdata';
import { readRdfa } from './rdfa';
import { MAX_TREE_CHARS, MAX_TREE_DEPTH, MAX_TREE_VALUES } from './tree-limits';

/** A page's schema.org markup other than JSON-LD, as plain trees. */
export interface Markup {
  microdata: StructuredNode[];
  rdfa: StructuredNode[];
}

/**
 * Elements that can give an RDFa node a type: `typeof`, or a `property`/`rel` naming rdf:type, schema.org's
 * `additionalType` or a `type`. A page without any has no typed RDFa node, hence no organization in RDFa, and
 * its RDFa is not converted at all: most pages carry `property` only on their OpenGraph meta tags. OpenGraph's
 * own `og:type` names no type of a node, unless a `prefix` attribute maps `og:` elsewhere.
 */
const RDFA_TYPE_SELECTOR = '[typeof], [rel*="type" i], [property*="type" i]:not([property="og:type" i])';
/** `prefix` attributes looked at; past this many, `og:` is assumed to be mapped elsewhere. */
const MAX_PREFIX_HOLDERS = 50;
const OPEN_GRAPH_IRI = /^https?:\/\/ogp\.me\/ns#?$/i;

/** Whether a `prefix` attribute maps `og:` to anything but Open Graph's own vocabulary. */
function openGraphRemapped(doc: Document): boolean {
  const holders = doc.querySelectorAll('[prefix]');
  if (holders.length > MAX_PREFIX_HOLDERS) return true;
  for (let i = 0; i < holders.length; i++) {
    const iri = /(?:^|\s)og:\s+(\S+)/i.exec(holders[i]?.getAttribute('prefix') ?? '')?.[1];
    if (iri && !OPEN_GRAPH_IRI.test(iri)) return true;
  }
  return false;
}

/** Whether the page's RDFa can hold a typed node (see above). */
function mayHaveRdfaTypes(doc: Document): boolean {
  if (doc.querySelector(RDFA_TYPE_SELECTOR)) return true;
  return doc.querySelector('[property="og:type" i]') !== null && openGraphRemapped(doc);
}

/**
 * Copies converted trees into plain data, depth-first in document order, within the caps a message is
 * validated against (schema.ts). The converters share a node wherever markup references it twice, and RDFa
 * property copying can even make a cycle: each place gets its own copy, down to the depth cap.
 */
export function plainTrees(nodes: readonly StructuredNode[]): StructuredNode[] {
  // The list itself is the first value, and the nodes sit one level down, as schema.ts counts them.
  let values = 1;
  let chars = 0;
  const copy = (value: unknown, depth: number): unknown => {
    if (values >= MAX_TREE_VALUES || depth > MAX_TREE_DEPTH) return undefined;
    if (typeof value === 'string') {
      const kept = value.length > MAX_TREE_CHARS - chars ? value.slice(0, MAX_TREE_CHARS - chars) : value;
      values++;
      chars += kept.length;
      return kept;
    }
    if (typeof value === 'number') {
      values++;
      return Number.isFinite(value) ? value : undefined;
    }
    if (typeof value === 'boolean' || value === null) {
      values++;
      return value;
    }
    if (typeof value !== 'object') return undefined;
    values++;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) {
        const copied = copy(item, depth + 1);
        if (copied !== undefined) out.push(copied);
      }
      return out;
    }
    const out: StructuredNode = {};
    for (const key of Object.keys(value)) {
      if (key === '__proto__' || chars + key.length > MAX_TREE_CHARS) continue;
      const copied = copy((value as StructuredNode)[key], depth + 1);
      if (copied === undefined) continue;
      chars += key.length;
      out[key] = copied;
    }
    return out;
  };
  const out: StructuredNode[] = [];
  for (const node of nodes) {
    const copied = copy(node, 1);
    if (copied !== undefined) out.push(copied as StructuredNode);
  }
  return out;
}

/** Reads the page's microdata and RDFa as plain JSON-LD-shaped trees. */
export function readMarkup(doc: Document): Markup {
  return {
    microdata: plainTrees(readMicrodata(doc)),
    rdfa: mayHaveRdfaTypes(doc) ? plainTrees(readRdfa(doc)) : [],
  };
}
