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
  meta: 200,
  cookies: 100,
  comments: 40,
  /** Comments looked at, nested ones included, before the top-level ones are given up on. */
  commentNodes: 2000,
  commentChars: 300,
  urlChars: 500,
} as const;

/** An address on the web: `http:`, `https:` or protocol-relative (a regex would be compiled in every page). */
const web = (url: string) => url.startsWith('https://') || url.startsWith('http://') || url.startsWith('//');
/** Links the page loads as styles or preloads (`~=` splits the rel list, `i` ignores its case). */
const PRELOADED = ['stylesheet', 'preload', 'modulepreload']
  .map((rel) => `link[href][rel~="${rel}" i]`)
  .join(',');
/**
 * An address after a "//" in script text (read with a sticky pattern at each "//", never over whole scripts).
 * Both cases are spelled out rather than asked with the `i` flag: each page compiles the pattern afresh, and
 * the case-insensitive one took 0.20 ms per page to compile and run on the corpus, this one 0.07 ms.
 */
const ADDRESS = /\/\/(?:[a-zA-Z0-9-]{1,63}\.){1,8}[a-zA-Z]{2,24}(?:\/[^\s"'`<>\\)]{0,200})?/y;

/** Whether an inline script's type runs as script (JSON data blocks and templates do not). */
function runsAsScript(type: string): boolean {
  const lower = type.toLowerCase();
  return !lower || lower.includes('javascript') || lower.includes('module') || lower === 'text/babel';
}

/** The host of a resolved http(s) address (`a.href`), or null for any other address. */
function httpHost(href: string): string | null {
  const start = href.startsWith('https://') ? 8 : href.startsWith('http://') ? 7 : 0;
  if (start === 0) return null;
  const slash = href.indexOf('/', start);
  const authority = href.slice(start, slash < 0 ? href.length : slash);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  // An IPv6 address is bracketed; otherwise a port follows the last colon.
  const colon = host.lastIndexOf(':');
  return colon > host.lastIndexOf(']') ? host.slice(0, colon) : host;
}

/** Up to `max` distinct items of `list` of at most `maxChars` characters (web addresses only with `webOnly`). */
function capped(list: ArrayLike<string>, max: number, maxChars: number, webOnly = false): string[] {
  const out = new Set<string>();
  for (let i = 0; i < list.length && out.size < max; i++) {
    const item = list[i] as string;
    if (item && item.length <= maxChars && (!webOnly || web(item))) out.add(item);
  }
  return [...out];
}

/** One string property of each element of a list (`src`, `href`), read in a single loop. */
function each<T>(list: ArrayLike<T>, key: keyof T): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) out.push((list[i] as T)[key] as string);
  return out;
}

/**
 * The resolved `href` of a link, or its attribute as written where the element has no resolved address (an
 * SVG link's `href` is an object).
 */
function hrefOf(el: Element): string {
  const href = (el as HTMLAnchorElement).href;
  return typeof href === 'string' ? href : (el.getAttribute('href') ?? '');
}

/** Addresses written in inline scripts: tag snippets insert their script from there (GTM, Hotjar ...). */
function inlineAddresses(
  scripts: ArrayLike<HTMLScriptElement>,
  srcs: string[],
  limits: typeof COLLECT_LIMITS,
): string[] {
  const found: string[] = [];
  let probes = limits.inlineProbes;
  let count = 0;
  let budget = limits.inlineTotalChars;
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i] as HTMLScriptElement;
    if (srcs[i] || !runsAsScript(s.type)) continue;
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
 * Which selectors match: one `querySelector` each. Chromium answers an id from its index and walks the document
 * natively for the rest (a class or tag test on each element). Measured against answering ids, classes and tags
 * with their own lookups and parsing each selector's leading part first, this is 0.4–0.8 ms cheaper per page: the
 * page runs the reader once, cold, so every line of script costs more than the walks it would save. A selector
 * list would walk once but try every selector on every element, which costs more again.
 */
function matchingSelectors(doc: Document, selectors: readonly string[]): string[] {
  const matched: string[] = [];
  for (let i = 0; i < selectors.length; i++) {
    const selector = selectors[i] as string;
    try {
      if (doc.querySelector(selector) !== null) matched.push(selector);
    } catch {
      // Not a selector this browser knows.
    }
  }
  return matched;
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
  const url = doc.location?.href ?? doc.URL;
  const addresses = (list: string[]) => capped(list, limits.urls, limits.urlChars, true);

  const scriptEls = doc.scripts;
  const srcs = each(scriptEls, 'src');
  const scripts = addresses(srcs);
  const stylesheets = addresses(each(doc.querySelectorAll<HTMLLinkElement>(PRELOADED), 'href'));
  const iframes = addresses(each(doc.querySelectorAll<HTMLIFrameElement>('iframe[src]'), 'src'));
  const performance = doc.defaultView?.performance;
  const timing =
    typeof performance?.getEntriesByType === 'function' ? performance.getEntriesByType('resource') : [];
  const resources = addresses(each(timing, 'name'));

  // Only absolute links can be off-site; each address is resolved once, and its host read from it.
  const here = doc.location?.hostname;
  const links: string[] = [];
  // HTML and SVG links alike (`a` in any namespace).
  // Links written with the page's own host are left out by the selector itself: many sites write every link
  // to their own pages as an absolute address, and each would otherwise be wrapped and resolved here.
  // (A hostname as the location gives it has no quote or backslash to escape.)
  const own = here
    ? `:not([href^="https://${here}/"]):not([href^="http://${here}/"]):not([href^="//${here}/"])`
    : '';
  const anchors = doc.querySelectorAll(`a[href^="http"]${own}, a[href^="//"]${own}`);
  for (let i = 0; i < anchors.length && i < limits.anchors; i++) {
    const href = hrefOf(anchors[i] as Element);
    const host = httpHost(href);
    if (host !== null && host !== here) links.push(href);
  }

  const meta: Array<[string, string]> = [];
  const metaEls = doc.getElementsByTagName('meta');
  for (let i = 0; i < metaEls.length && i < limits.meta; i++) {
    const m = metaEls[i] as HTMLMetaElement;
    const name = m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('http-equiv');
    const content = m.getAttribute('content');
    if (name && content !== null) meta.push([name.toLowerCase().slice(0, 100), content.slice(0, 300)]);
  }

  // Products sign their output at the top level: the document's own comments (before or after the markup),
  // the root's, the head's and the body's, in the order they come. One native walk to the comments alone:
  // stepping through the top level instead would wrap each element there, and each kind of element costs the
  // content script's fresh world a DOM interface of its own (0.12–0.14 ms per page on the corpus, now 0.09).
  const comments: string[] = [];
  const { documentElement: root, head, body } = doc;
  const walker = doc.createTreeWalker(doc, 128 /* NodeFilter.SHOW_COMMENT */);
  for (
    let node = walker.nextNode(), seen = 1;
    node && comments.length < limits.comments && seen <= limits.commentNodes;
    node = walker.nextNode(), seen++
  ) {
    const parent = node.parentNode;
    if (parent !== doc && parent !== root && parent !== head && parent !== body) continue;
    const text = (node.nodeValue ?? '').trim();
    if (text) comments.push(text.slice(0, limits.commentChars));
  }

  const inline = capped(inlineAddresses(scriptEls, srcs, limits), limits.urls, limits.urlChars);
  const dom = matchingSelectors(doc, selectors);
  let cookieText = '';
  try {
    cookieText = doc.cookie;
  } catch {
    // A sandboxed document has no cookies to read.
  }
  const names: string[] = [];
  for (const pair of cookieText.split(';')) names.push(pair.split('=')[0]?.trim() ?? '');
  const cookies = capped(names, limits.cookies, limits.urlChars);
  return {
    url,
    scripts,
    stylesheets,
    iframes,
    resources,
    inline,
    links: capped(links, limits.links, limits.urlChars),
    meta,
    cookies,
    dom,
    comments,
    ms: now() - started,
  };
}
