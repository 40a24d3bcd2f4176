/**
 * Technographics: which tools a company's site runs, from signals its page shows (script hosts, globals,
 * cookie names, meta tags, markup). The fingerprints are compiled once per background; the content script
 * reads the markup's signals (dom-signals.ts), a small collector reads window globals in the page's main world
 * (collect.ts); everything else here is pure.
 */
import { platformOf } from '../extract/platforms';
import type { FactCandidate, PageRole } from '../extract/schema';
import { FINGERPRINTS } from './fingerprints';
import {
  type CompiledFingerprints,
  collectorRequest,
  compileFingerprints,
  detectTechnologies,
} from './match';
import { GlobalSignalsSchema } from './schema';
import type { Detection, DomSignals } from './types';

export { collectPageGlobals } from './collect';
export { COLLECT_LIMITS, readDomSignals } from './dom-signals';
export { FINGERPRINTS } from './fingerprints';
export { compileFingerprints, detectTechnologies } from './match';
export type { Detection, DomSignals, Fingerprint, GlobalSignals, PageSignals, TechCategory } from './types';
export { TECH_CATEGORIES } from './types';

let compiled: CompiledFingerprints | undefined;

/** The compiled fingerprints, built on first use and kept. */
export function fingerprints(): CompiledFingerprints {
  compiled ??= compileFingerprints(FINGERPRINTS);
  return compiled;
}

/**
 * Runs detection twice on made-up signals of every kind, so that the first page after the background starts
 * does not pay for the first run of the matcher's code and patterns: 1.65 against 0.15 ms per page in a fresh
 * Node process, mostly compiling the pattern of path fragments. The background calls it once it has started,
 * while the first page is still being read; a service worker that slept starts again for each page a rep opens
 * after a pause. Returns what the last run detected (every kind of signal finds something).
 */
export function warmUpDetection(): Detection[] {
  const c = fingerprints();
  // Each signal of another technology: a technology's evidence stops at a few kinds.
  const used = new Set<number>();
  const pick = <T>(entries: Iterable<[string, T]>, techs: (value: T) => number[]): [string, T] => {
    for (const entry of entries) {
      const found = techs(entry[1]);
      if (found.every((t) => !used.has(t))) {
        for (const t of found) used.add(t);
        return entry;
      }
    }
    throw new Error('No fingerprint left to warm the matcher up with');
  };
  const ruleTechs = (rules: Array<{ tech: number }>) => rules.map((r) => r.tech);
  // Not a hosting service's host: it counts only on the page's own site.
  const vendorHosts = [...c.urlHosts].filter(([, rules]) => !rules.some((r) => r.ownSite));
  const address = () => {
    const [host, rules] = pick(vendorHosts, ruleTechs);
    return `https://${host}${rules[0]?.path ?? '/'}`;
  };
  // A vendor's own site is skipped by design: link to a customer's page under it.
  const link = () => {
    const [host, rules] = pick(
      [...c.linkHosts].filter(([h]) => !c.vendorSites.has(h)),
      ruleTechs,
    );
    return `https://${host}${rules[0]?.path || '/'}`;
  };
  const url = 'https://warm-up.invalid/';
  const [metaName, metaRules] = pick(c.meta, ruleTechs);
  const comment = c.comments.find((x) => !used.has(x.tech));
  const signals: DomSignals = {
    url,
    // The path fragments' pattern on an address of no vendor's host.
    scripts: [address(), `${url}a${pick(c.pathTechs, ruleTechs)[0]}`],
    stylesheets: [address()],
    iframes: [address()],
    resources: [address()],
    inline: [address()],
    links: [link()],
    meta: [[metaName, metaRules[0]?.prefix ?? '']],
    cookies: [pick(c.cookies, (t) => t)[0]],
    dom: [pick(c.selectors, (t) => t)[0]],
    comments: [comment?.text ?? ''],
    ms: 0,
  };
  const globals = { url, globals: [pick(c.globals, (t) => t)[0]], ms: 0 };
  detectFromSignals(signals, globals, url);
  return detectFromSignals(signals, globals, url)?.detected ?? [];
}

/** The arguments for the main-world collector: the globals to look for. */
export function collectorArgs(): [string[]] {
  return [collectorRequest(fingerprints()).globals];
}

/**
 * The selectors the content script tests on a page at `url` (sent with the answer to `pageOpened`), or null
 * where technologies are not read at all (a platform's pages show the platform's technology).
 */
export function domSelectorsFor(url: string): string[] | null {
  return technologiesApply(url, 'profile') ? collectorRequest(fingerprints()).selectors : null;
}

/**
 * Whether a page's technology is the company's: not on a platform (LinkedIn, Wikipedia, a directory, news),
 * whose scripts are the platform's, and not on a page that is no company's own.
 */
export function technologiesApply(url: string, pageRole: PageRole): boolean {
  if (pageRole === 'negative') return false;
  try {
    return platformOf(new URL(url).hostname) === undefined;
  } catch {
    return false;
  }
}

/** Same document: the address without its fragment. */
const documentOf = (url: string) => url.split('#')[0];

/**
 * Matches a page's signals: the markup's, read by its content script (already validated with the page
 * report), and the main world's globals (`collected`, unknown until validated). Null when the markup's
 * signals are not of that page; globals that are not a valid answer for that page (the tab moved on, the page
 * tampered with the answer's shape, no answer in time) count as none, so the markup still shows what it shows.
 */
export function detectFromSignals(
  dom: DomSignals,
  collected: unknown,
  pageUrl: string,
): { detected: Detection[]; pageMs: number; matchMs: number } | null {
  const started = performance.now();
  if (documentOf(dom.url) !== documentOf(pageUrl)) return null;
  const answer = GlobalSignalsSchema.safeParse(collected);
  const valid = answer.success && documentOf(answer.data.url) === documentOf(pageUrl);
  const globals = valid ? answer.data.globals : [];
  const detected = detectTechnologies({ ...dom, globals }, fingerprints());
  return {
    detected,
    pageMs: dom.ms + (valid ? answer.data.ms : 0),
    matchMs: performance.now() - started,
  };
}

/** The `technologies` fact candidate for a page's detections (null when nothing was detected). */
export function technologiesCandidate(detected: Detection[]): FactCandidate | null {
  if (detected.length === 0) return null;
  const snippet = detected
    .map((d) => `${d.name}: ${d.evidence[0] ?? ''}`)
    .join('; ')
    .slice(0, 2000);
  return {
    field: 'technologies',
    value: detected.slice(0, 200).map((d) => d.name),
    source: 'techno',
    snippet,
    confidence: 0.9,
  };
}
