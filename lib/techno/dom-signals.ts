/**
 * The technology signals the page's markup shows, read by the content script in its isolated world while it
 * reads the page anyway: script, stylesheet and iframe addresses, addresses written in inline scripts,
 * resource-timing entries, off-site links, meta tags, cookie names, which of the fingerprints' selectors
 * match, and the first HTML comments. Only window globals need the page's main world (see collect.ts).
 *
 * Reading here rather than in an injected function saves compiling a collector in every page and carrying
 * its answer back through `executeScript`; and the isolated world's built-ins are the extension's own, which
 * the page cannot replace. Imports types only: nothing of zod or of the fingerprints reaches the page (the
 * selectors come with the background's answer to `pageOpened`).
 */
import type { DomSignals } from './types';

/** Per-list caps, so a huge page returns a bounded answer (the background's schema holds the same caps). */
export const COLLECT_LIMITS = {
  urls: 400,
  links: 300,
  inlineScripts: 60,
  inlineChars: 100_000,
  /** All inline scripts together. */
  inlineTotalChars: 400_000,
  /** "//" positions examined in inline scripts, all together. */
  inlineProbes: 5000,
  anchors: 3000,
  domElements: 300,
  meta: 200,
  cookies: 100,
  comments: 40,
  commentChars: 300,
  urlChars: 500,
} as const;

const WEB = /^(?:https?:)?\/\//;
const PRELOADED = /(?:^|\s)(?:stylesheet|preload|modulepreload)(?:\s|$)/i;
const SCRIPT_TYPES = /javascript|module|^text\/babel$/i;
/** An address after a "//" in script text (read with a sticky pattern at each "//", never over whole scripts). */
const ADDRESS = /\/\/(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}(?:\/[^\s"'`<>\\)]{0,200})?/iy;
const ID_SELECTOR = /^#([\w-]+)$/;
const TAG_SELECTOR = /^([a-z][\w-]*)(?=[[.#]|$)/i;

function capped(list: Iterable<string>, max: number, maxChars: number): string[] {
  const out = new Set<string>();
  for (const item of list) {
    if (out.size >= max) break;
    if (item && item.length <= maxChars) out.add(item);
  }
  return [...out];
}

/** Addresses written in inline scripts: tag snippets insert their script from there (GTM, Hotjar ...). */
function inlineAddresses(scripts: HTMLScriptElement[], limits: typeof COLLECT_LIMITS): string[] {
  const found: string[] = [];
  let probes = limits.inlineProbes;
  let count = 0;
  let budget = limits.inlineTotalChars;
  for (const s of scripts) {
    if (s.src || (s.type && !SCRIPT_TYPES.test(s.type))) continue;
    if (++count > limits.inlineScripts || budget <= 0) break;
    const text = (s.textContent ?? '').slice(0, Math.min(limits.inlineChars, budget)).replaceAll('\\/', '/');
    budget -= text.length;
    for (let at = text.indexOf('//'); at >= 0 && probes-- > 0; at = text.indexOf('//', at + 2)) {
      ADDRESS.lastIndex = at;
      const m = ADDRESS.exec(text);
      if (!m) continue;
      const scheme = text.startsWith('https:', at - 6)
        ? 'https:'
        : text.startsWith('http:', at - 5)
          ? 'http:'
          : '';
      found.push(scheme + m[0]);
      if (found.length >= limits.urls) return found;
    }
  }
  return found;
}

/**
 * Which selectors match, by cost: an id is a lookup, a tag narrows to few elements (scripts, forms, custom
 * elements), and the rest (classes, attributes) share one pass over the document; only what that pass finds
 * is tested one selector at a time.
 */
function matchingSelectors(
  doc: Document,
  selectors: readonly string[],
  limits: typeof COLLECT_LIMITS,
): string[] {
  const dom: string[] = [];
  const byTag = new Map<string, string[]>();
  const rest: string[] = [];
  for (const selector of selectors) {
    const id = ID_SELECTOR.exec(selector)?.[1];
    const tag = TAG_SELECTOR.exec(selector)?.[1]?.toLowerCase();
    if (id !== undefined) {
      if (doc.getElementById(id)) dom.push(selector);
    } else if (tag === 'html') {
      if (doc.documentElement.matches(selector)) dom.push(selector);
    } else if (tag !== undefined) byTag.set(tag, [...(byTag.get(tag) ?? []), selector]);
    else rest.push(selector);
  }
  for (const [tag, list] of byTag) {
    const elements = Array.from(doc.getElementsByTagName(tag)).slice(0, limits.domElements);
    for (const selector of list) if (elements.some((el) => el.matches(selector))) dom.push(selector);
  }
  try {
    const found = new Set<string>();
    const matched = rest.length > 0 ? doc.querySelectorAll(rest.join(',')) : [];
    for (let i = 0; i < matched.length && i < limits.domElements && found.size < rest.length; i++) {
      const el = matched[i] as Element;
      for (const selector of rest) if (!found.has(selector) && el.matches(selector)) found.add(selector);
    }
    dom.push(...rest.filter((selector) => found.has(selector)));
  } catch {
    // A selector this browser does not know spoils the list: test them one by one.
    for (const selector of rest) {
      try {
        if (doc.querySelector(selector) !== null) dom.push(selector);
      } catch {
        // Not a selector here.
      }
    }
  }
  return dom;
}

/**
 * Reads a page's technology signals from its document (everything but window globals).
 * @param selectors the fingerprints' selectors (the background sends them with its answer to `pageOpened`)
 * @param now the clock the collection is timed with (`ms` in the answer)
 */
export function readDomSignals(
  doc: Document,
  selectors: readonly string[],
  limits: typeof COLLECT_LIMITS = COLLECT_LIMITS,
  now: () => number = () => performance.now(),
): DomSignals {
  const started = now();
  const cap = (list: Iterable<string>, max: number) => capped(list, max, limits.urlChars);
  const web = (url: string) => WEB.test(url);

  const scriptEls = Array.from(doc.scripts);
  const scripts = cap(scriptEls.map((s) => s.src).filter(web), limits.urls);
  const stylesheets = cap(
    Array.from(doc.querySelectorAll<HTMLLinkElement>('link[href]'))
      .filter((l) => PRELOADED.test(l.rel))
      .map((l) => l.href)
      .filter(web),
    limits.urls,
  );
  const iframes = cap(
    Array.from(doc.querySelectorAll<HTMLIFrameElement>('iframe[src]'))
      .map((f) => f.src)
      .filter(web),
    limits.urls,
  );
  const performance = doc.defaultView?.performance;
  const timing =
    typeof performance?.getEntriesByType === 'function' ? performance.getEntriesByType('resource') : [];
  const resources = cap(timing.map((e) => e.name).filter(web), limits.urls);

  // Only absolute links can be off-site; the address is resolved for those alone.
  const here = doc.location?.hostname;
  const links = cap(
    Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href^="http"], a[href^="//"]'))
      .slice(0, limits.anchors)
      .filter((a) => a.hostname !== here && (a.protocol === 'https:' || a.protocol === 'http:'))
      .map((a) => a.href),
    limits.links,
  );

  const meta: Array<[string, string]> = [];
  for (const m of Array.from(doc.querySelectorAll('meta')).slice(0, limits.meta)) {
    const name = m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('http-equiv');
    const content = m.getAttribute('content');
    if (name && content !== null) meta.push([name.toLowerCase().slice(0, 100), content.slice(0, 300)]);
  }

  let cookieText = '';
  try {
    cookieText = doc.cookie;
  } catch {
    // A sandboxed document has no cookies to read.
  }
  const cookies = capped(
    cookieText
      .split(';')
      .map((c) => c.split('=')[0]?.trim() ?? '')
      .filter(Boolean),
    limits.cookies,
    limits.urlChars,
  );

  // Products sign their output at the top level: in the head, or before or after the page's markup.
  const comments: string[] = [];
  for (const parent of [doc, doc.documentElement, doc.head, doc.body]) {
    for (const node of Array.from(parent?.childNodes ?? [])) {
      if (node.nodeType !== 8 || comments.length >= limits.comments) continue;
      const text = (node.nodeValue ?? '').trim();
      if (text) comments.push(text.slice(0, limits.commentChars));
    }
  }

  return {
    url: doc.location?.href ?? doc.URL,
    scripts,
    stylesheets,
    iframes,
    resources,
    inline: cap(inlineAddresses(scriptEls, limits), limits.urls),
    links,
    meta,
    cookies,
    dom: matchingSelectors(doc, selectors, limits),
    comments,
    ms: now() - started,
  };
}
