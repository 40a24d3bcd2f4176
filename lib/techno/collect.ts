/**
 * The function the background runs in a page's main world (`scripting.executeScript({world: 'MAIN', func})`)
 * to read technology signals. It only reads and returns plain, bounded data (addresses, names, which of the
 * given globals and selectors exist); it evaluates no page code and reads no cookie or meta values beyond
 * what the fingerprints compare (cookie names only). Whatever it returns is validated in the background, as a
 * page could tamper with the built-ins it calls.
 *
 * It must be self-contained: `executeScript` sends its source text, so it may use nothing from its module
 * (and, for Playwright's `evaluate` in the command-line tools, no named inner functions).
 */
import type { PageSignals } from './types';

/** Per-list caps, so a huge page returns a bounded answer. */
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

/** Reads the page's technology signals; `globals` and `selectors` are the fingerprints' fixed lists. */
export function collectPageSignals(
  globals: string[],
  selectors: string[],
  limits: typeof COLLECT_LIMITS,
): PageSignals {
  const started = performance.now();
  const cap = (list: Iterable<string>, max: number): string[] => {
    const out = new Set<string>();
    for (const item of list) {
      if (out.size >= max) break;
      if (typeof item === 'string' && item && item.length <= limits.urlChars) out.add(item);
    }
    return [...out];
  };
  const web = (url: string) => url.startsWith('http:') || url.startsWith('https:') || url.startsWith('//');

  const scriptEls = Array.from(document.scripts);
  const scripts = cap(scriptEls.map((s) => s.src).filter(web), limits.urls);
  const stylesheets = cap(
    Array.from(document.querySelectorAll<HTMLLinkElement>('link[href]'))
      .filter((l) => /(?:^|\s)(?:stylesheet|preload|modulepreload)(?:\s|$)/i.test(l.rel))
      .map((l) => l.href)
      .filter(web),
    limits.urls,
  );
  const iframes = cap(
    Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe[src]'))
      .map((f) => f.src)
      .filter(web),
    limits.urls,
  );
  // A page can replace what it likes in its own world: read what is there, never trust its shape.
  const timing =
    typeof performance.getEntriesByType === 'function' ? performance.getEntriesByType('resource') : [];
  const resources = cap(timing.map((e) => e.name).filter(web), limits.urls);

  // Addresses written in inline scripts: tag snippets insert their script from there (GTM, Hotjar ...).
  const inlineFound: string[] = [];
  // Found with indexOf (native) and read with a sticky pattern at each "//": no pattern runs over whole scripts.
  const address = /\/\/(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}(?:\/[^\s"'`<>\\)]{0,200})?/iy;
  let probes = limits.inlineProbes;
  let inlineScripts = 0;
  let inlineBudget = limits.inlineTotalChars;
  for (const s of scriptEls) {
    if (s.src || (s.type && !/javascript|module|^text\/babel$/i.test(s.type))) continue;
    if (++inlineScripts > limits.inlineScripts || inlineBudget <= 0) break;
    const text = (s.textContent ?? '')
      .slice(0, Math.min(limits.inlineChars, inlineBudget))
      .replaceAll('\\/', '/');
    inlineBudget -= text.length;
    for (let at = text.indexOf('//'); at >= 0 && probes-- > 0; at = text.indexOf('//', at + 2)) {
      address.lastIndex = at;
      const m = address.exec(text);
      if (!m) continue;
      const scheme = text.startsWith('https:', at - 6)
        ? 'https:'
        : text.startsWith('http:', at - 5)
          ? 'http:'
          : '';
      inlineFound.push(scheme + m[0]);
      if (inlineFound.length >= limits.urls) break;
    }
    if (inlineFound.length >= limits.urls) break;
  }

  // Only absolute links can be off-site; the address is resolved for those alone.
  const links = cap(
    Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="http"], a[href^="//"]'))
      .slice(0, limits.anchors)
      .filter((a) => a.hostname !== location.hostname && (a.protocol === 'https:' || a.protocol === 'http:'))
      .map((a) => a.href),
    limits.links,
  );

  const meta: Array<[string, string]> = [];
  for (const m of Array.from(document.querySelectorAll('meta')).slice(0, limits.meta)) {
    const name = m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('http-equiv');
    const content = m.getAttribute('content');
    if (name && content !== null) meta.push([name.toLowerCase().slice(0, 100), content.slice(0, 300)]);
  }

  let cookieText = '';
  try {
    cookieText = document.cookie;
  } catch {
    // A sandboxed document has no cookies to read.
  }
  const cookies = cap(
    cookieText
      .split(';')
      .map((c) => c.split('=')[0]?.trim() ?? '')
      .filter(Boolean),
    limits.cookies,
  );

  // Own properties only, read through their descriptors: no getter of the page runs.
  const own = Object.prototype.hasOwnProperty;
  const present = globals.filter((name) => {
    if (!own.call(window, name)) return false;
    const d = Object.getOwnPropertyDescriptor(window, name);
    return d !== undefined && (d.get !== undefined || d.value !== undefined);
  });
  // Selectors by cost: an id is a lookup, a tag narrows to few elements (scripts, forms, custom elements), and
  // the rest (classes, attributes) share one pass over the document; only what it finds is tested one by one.
  const dom: string[] = [];
  const byTag = new Map<string, string[]>();
  const rest: string[] = [];
  for (const selector of selectors) {
    const id = /^#([\w-]+)$/.exec(selector)?.[1];
    const tag = /^([a-z][\w-]*)(?=[[.#]|$)/i.exec(selector)?.[1]?.toLowerCase();
    if (id !== undefined) {
      if (document.getElementById(id)) dom.push(selector);
    } else if (tag === 'html') {
      if (document.documentElement.matches(selector)) dom.push(selector);
    } else if (tag !== undefined) byTag.set(tag, [...(byTag.get(tag) ?? []), selector]);
    else rest.push(selector);
  }
  for (const [tag, list] of byTag) {
    const elements = Array.from(document.getElementsByTagName(tag)).slice(0, limits.domElements);
    for (const selector of list) {
      if (elements.some((el) => el.matches(selector))) dom.push(selector);
    }
  }
  try {
    const found = new Set<string>();
    const matched = rest.length > 0 ? document.querySelectorAll(rest.join(',')) : [];
    for (let i = 0; i < matched.length && i < limits.domElements && found.size < rest.length; i++) {
      const el = matched[i] as Element;
      for (const selector of rest) if (!found.has(selector) && el.matches(selector)) found.add(selector);
    }
    dom.push(...rest.filter((selector) => found.has(selector)));
  } catch {
    // A selector this browser does not know spoils the list: test them one by one.
    for (const selector of rest) {
      try {
        if (document.querySelector(selector) !== null) dom.push(selector);
      } catch {
        // Not a selector here.
      }
    }
  }

  // Products sign their output at the top level: in the head, or before or after the page's markup.
  const comments: string[] = [];
  for (const parent of [document, document.documentElement, document.head, document.body]) {
    for (const node of Array.from(parent?.childNodes ?? [])) {
      if (node.nodeType !== 8 || comments.length >= limits.comments) continue;
      const text = (node.nodeValue ?? '').trim();
      if (text) comments.push(text.slice(0, limits.commentChars));
    }
  }

  return {
    url: location.href,
    scripts,
    stylesheets,
    iframes,
    resources,
    inline: cap(inlineFound, limits.urls),
    links,
    meta,
    cookies,
    globals: present,
    dom,
    comments,
    ms: performance.now() - started,
  };
}
