/**
 * Technographics: which tools a company's site runs, from signals its page shows (script hosts, globals,
 * cookie names, meta tags, markup). The fingerprints are compiled once per background; the collector runs in
 * the page's main world; everything else here is pure.
 */
import { platformOf } from '../extract/platforms';
import type { FactCandidate, PageRole } from '../extract/schema';
import { COLLECT_LIMITS } from './collect';
import { FINGERPRINTS } from './fingerprints';
import {
  type CompiledFingerprints,
  collectorRequest,
  compileFingerprints,
  detectTechnologies,
} from './match';
import { PageSignalsSchema } from './schema';
import type { Detection } from './types';

export { COLLECT_LIMITS, collectPageSignals } from './collect';
export { FINGERPRINTS } from './fingerprints';
export { compileFingerprints, detectTechnologies } from './match';
export type { Detection, Fingerprint, PageSignals, TechCategory } from './types';
export { TECH_CATEGORIES } from './types';

let compiled: CompiledFingerprints | undefined;

/** The compiled fingerprints, built on first use and kept. */
export function fingerprints(): CompiledFingerprints {
  compiled ??= compileFingerprints(FINGERPRINTS);
  return compiled;
}

/** The arguments for the main-world collector: the globals and selectors to look for, and the caps. */
export function collectorArgs(): [string[], string[], typeof COLLECT_LIMITS] {
  const { globals, selectors } = collectorRequest(fingerprints());
  return [globals, selectors, COLLECT_LIMITS];
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
 * Matches what the collector returned for a page; null when it is not valid signals of that page (the tab
 * moved on, or the page tampered with the answer's shape).
 */
export function detectFromCollected(
  collected: unknown,
  pageUrl: string,
): { detected: Detection[]; pageMs: number; matchMs: number } | null {
  const started = performance.now();
  const signals = PageSignalsSchema.safeParse(collected);
  if (!signals.success || documentOf(signals.data.url) !== documentOf(pageUrl)) return null;
  const detected = detectTechnologies(signals.data, fingerprints());
  return { detected, pageMs: signals.data.ms, matchMs: performance.now() - started };
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
