/**
 * What runs in the page: gathers the raw inputs of a page's extraction, cheaply, and nothing more. The
 * JSON-LD scripts' text, the meta tags the background reads, the microdata and RDFa converted into plain trees,
 * the site adapter's facts (on a platform) or the profile links (on a company site), and the visible text.
 * Parsing, classification and the reading of facts from all that run in the background (`interpretPage`,
 * interpret.ts), where their code is compiled once instead of in every page. No dependencies, so the content
 * script that runs it stays small.
 */
import { mayShowCompany } from './gate';
import { readMarkup } from './markup';
import { META_KEYS, type MetaKey, type MetaTags } from './meta-keys';
import type { Readers } from './readers';
import type { PageInputs } from './schema';

/** JSON-LD scripts read per page, characters kept of each, and of all together (the report must stay sendable). */
export const MAX_SCRIPTS = 40;
export const MAX_SCRIPT_CHARS = 400_000;
export const MAX_JSONLD_CHARS = 2_000_000;
/** Characters kept of a meta tag's content and of the title (the background cleans and caps them further). */
const MAX_META_CHARS = 4000;
const MAX_TITLE_CHARS = 2000;
/** Meta tags looked at. */
const MAX_METAS = 500;

/** The text of the page's JSON-LD scripts, unparsed (bounded). */
export function readJsonLdScripts(doc: Document): string[] {
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  const out: string[] = [];
  let budget = MAX_JSONLD_CHARS;
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS && budget > 0; i++) {
    const text = (scripts[i]?.textContent ?? '').slice(0, Math.min(MAX_SCRIPT_CHARS, budget));
    budget -= text.length;
    out.push(text);
  }
  return out;
}

const WANTED_META = new Set<string>(META_KEYS);

/**
 * The meta tags the background reads: for each key, the content of the first `<meta>` whose `property` or
 * `name` is the key, compared case-insensitively (as `meta[property="key" i]` does).
 */
export function readMetaTags(doc: Document): MetaTags {
  const tags: MetaTags = {};
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < MAX_METAS; i++) {
    const el = metas[i] as Element;
    for (const attribute of ['property', 'name']) {
      const key = el.getAttribute(attribute)?.toLowerCase();
      if (key && WANTED_META.has(key) && !(key in tags)) {
        tags[key as MetaKey] = (el.getAttribute('content') ?? '').slice(0, MAX_META_CHARS);
      }
    }
  }
  return tags;
}

/**
 * Gathers what the background needs to extract the page's company facts.
 * @param doc the page's document (a live page, or one parsed in Node)
 * @param href the page's address
 * @param readers the platform adapter or the own-site readers this page gets (see readers.ts)
 * @param now a millisecond clock, to measure the reading itself
 */
export function readPageInputs(
  doc: Document,
  href: string,
  readers: Readers,
  now: () => number = () => Date.now(),
): PageInputs {
  const started = now();
  const url = new URL(href);
  const profile = readers.adapter?.isProfile(doc, url);
  const inputs: PageInputs = {
    url: url.href,
    title: (doc.title ?? '').slice(0, MAX_TITLE_CHARS),
    ...(profile === undefined ? {} : { profile }),
    jsonLd: readJsonLdScripts(doc),
    meta: readMetaTags(doc),
    ms: 0,
  };
  // A page that its address (or the adapter) shows to be nobody's profile lends its facts to nobody: its body
  // is not read.
  if (mayShowCompany(url, profile)) {
    const markup = readMarkup(doc);
    const candidates = readers.adapter
      ? readers.adapter.extract(doc, url)
      : (readers.ownSite?.(doc, url) ?? []);
    const ownSiteText = readers.adapter ? undefined : readers.ownSiteText?.(doc);
    inputs.body = {
      ...markup,
      candidates: candidates.slice(0, 500),
      ...(ownSiteText ? { ownSiteText } : {}),
    };
  }
  inputs.ms = Math.max(0, now() - started);
  return inputs;
}
