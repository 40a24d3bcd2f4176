/**
 * Matches a page's signals against the fingerprints with lookups instead of per-fingerprint patterns: a map
 * from host (and each parent domain) to the technologies served from it, one combined pattern of literal path
 * fragments, and exact maps for meta tags, cookie names, globals and selectors. Compiled once; pure.
 */
import { getDomain } from 'tldts';
import type { Detection, Fingerprint, PageSignals, SignalKind } from './types';

interface UrlRule {
  tech: number;
  /** Lower-cased path-and-query prefix ('' for any path). */
  path: string;
  /** Only in an address of the page's own site (a hosting service's `siteHosts`). */
  ownSite?: boolean;
}

/** A technology a path fragment shows, and whether only in an address of the page's own site. */
interface PathRule {
  tech: number;
  ownSite: boolean;
}

/** The fingerprints turned into lookup tables (see {@link compileFingerprints}). */
export interface CompiledFingerprints {
  fingerprints: readonly Fingerprint[];
  /** Host or parent domain → rules for addresses of the vendor's code and assets. */
  urlHosts: Map<string, UrlRule[]>;
  /** Host or parent domain → rules for links to the vendor's hosted pages. */
  linkHosts: Map<string, UrlRule[]>;
  /** Exact hosts of vendors' own sites, whose links are no evidence (see `Fingerprint.vendorSites`). */
  vendorSites: Set<string>;
  /** One alternation of every path and file fragment (literals only), longest first; null when there are none. */
  pathPattern: RegExp | null;
  pathTechs: Map<string, PathRule[]>;
  /** Meta name → rules (content prefix, lower-cased; '' for presence). */
  meta: Map<string, Array<{ tech: number; prefix: string }>>;
  cookies: Map<string, number[]>;
  cookiePrefixes: Array<{ prefix: string; tech: number }>;
  globals: Map<string, number[]>;
  selectors: Map<string, number[]>;
  /** Lower-cased comment fragments and their technology (a short list, checked with `includes`). */
  comments: Array<{ text: string; tech: number }>;
  byName: Map<string, number>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const escapeLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function addUrlRule(map: Map<string, UrlRule[]>, spec: string, tech: number, ownSite = false): void {
  const slash = spec.indexOf('/');
  const host = (slash < 0 ? spec : spec.slice(0, slash)).toLowerCase();
  const rule: UrlRule = { tech, path: slash < 0 ? '' : spec.slice(slash).toLowerCase() };
  push(map, host, ownSite ? { ...rule, ownSite } : rule);
}

/** Builds the lookup tables; run once per background (the fingerprints never change at run time). */
export function compileFingerprints(fingerprints: readonly Fingerprint[]): CompiledFingerprints {
  const compiled: CompiledFingerprints = {
    fingerprints,
    urlHosts: new Map(),
    linkHosts: new Map(),
    vendorSites: new Set(),
    pathPattern: null,
    pathTechs: new Map(),
    meta: new Map(),
    cookies: new Map(),
    cookiePrefixes: [],
    globals: new Map(),
    selectors: new Map(),
    comments: [],
    byName: new Map(),
  };
  fingerprints.forEach((fp, tech) => {
    compiled.byName.set(fp.name, tech);
    for (const spec of fp.urls ?? []) addUrlRule(compiled.urlHosts, spec, tech);
    for (const host of fp.siteHosts ?? []) addUrlRule(compiled.urlHosts, host, tech, true);
    for (const spec of fp.links ?? []) addUrlRule(compiled.linkHosts, spec, tech);
    for (const host of fp.vendorSites ?? []) compiled.vendorSites.add(host.toLowerCase());
    for (const path of fp.paths ?? []) push(compiled.pathTechs, path.toLowerCase(), { tech, ownSite: true });
    for (const file of fp.files ?? []) push(compiled.pathTechs, file.toLowerCase(), { tech, ownSite: false });
    for (const spec of fp.meta ?? []) {
      const eq = spec.indexOf('=');
      const name = (eq < 0 ? spec : spec.slice(0, eq)).toLowerCase();
      push(compiled.meta, name, { tech, prefix: eq < 0 ? '' : spec.slice(eq + 1).toLowerCase() });
    }
    for (const cookie of fp.cookies ?? []) {
      if (cookie.endsWith('*')) compiled.cookiePrefixes.push({ prefix: cookie.slice(0, -1), tech });
      else push(compiled.cookies, cookie, tech);
    }
    for (const name of fp.globals ?? []) push(compiled.globals, name, tech);
    for (const selector of fp.dom ?? []) push(compiled.selectors, selector, tech);
    for (const text of fp.comments ?? []) compiled.comments.push({ text: text.toLowerCase(), tech });
  });
  const fragments = [...compiled.pathTechs.keys()].sort((a, b) => b.length - a.length);
  if (fragments.length > 0) compiled.pathPattern = new RegExp(fragments.map(escapeLiteral).join('|'), 'g');
  return compiled;
}

/** What the main-world collector must look for: the globals and selectors the fingerprints name. */
export function collectorRequest(compiled: CompiledFingerprints): { globals: string[]; selectors: string[] } {
  return { globals: [...compiled.globals.keys()], selectors: [...compiled.selectors.keys()] };
}

/** `//host:port/path?query` → [host, path-and-query], lower-cased; null for anything else. */
const URL_PARTS = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#@:]+)(?::\d+)?([^#]*)/i;

function splitUrl(url: string): [string, string] | null {
  const m = URL_PARTS.exec(url);
  if (!m) return null;
  return [(m[1] as string).toLowerCase(), ((m[2] as string) || '/').toLowerCase()];
}

/**
 * The rules of the most specific host level that has any for this address: `js.hs-scripts.com` before
 * `hs-scripts.com`, so a vendor's own CloudFront host wins over CloudFront itself.
 */
function hostRules(map: Map<string, UrlRule[]>, host: string, path: string): UrlRule[] {
  let domain = host;
  for (;;) {
    const rules = map.get(domain);
    if (rules) {
      const hits = rules.filter((r) => r.path === '' || path.startsWith(r.path));
      if (hits.length > 0) return hits;
    }
    const dot = domain.indexOf('.');
    if (dot < 0 || domain.indexOf('.', dot + 1) < 0) return [];
    domain = domain.slice(dot + 1);
  }
}

/**
 * Domains of shared pull-zone CDNs (and WP Engine's and Kinsta's asset hosts): a host under one is no company's
 * site but where a site's own files are offloaded to (`d1abc2.cloudfront.net/wp-content/uploads/…`,
 * `acme.b-cdn.net/wp-content/themes/…`), so a platform's folder there is taken as the page's own. Not image
 * proxies such as Jetpack's `i0.wp.com`: they copy any site's files and name it in the path
 * (`i0.wp.com/otherblog.com/wp-content/…`), which {@link ownSiteOf} reads instead.
 */
const SHARED_CDN_DOMAINS = new Set([
  'cloudfront.net',
  'azureedge.net',
  'azurefd.net',
  'akamaized.net',
  'akamaihd.net',
  'fastly.net',
  'b-cdn.net',
  'kxcdn.com',
  'stackpathcdn.com',
  'netdna-ssl.com',
  'netdna-cdn.com',
  'rocketcdn.me',
  'cdn77.org',
  'nitrocdn.com',
  'wpenginepowered.com',
  'kinstacdn.com',
]);

function underSharedCdn(host: string): boolean {
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1))
    if (SHARED_CDN_DOMAINS.has(host.slice(dot + 1))) return true;
  return false;
}

/** Private suffixes count: `acme.vercel.app` and `widget.vercel.app` are two sites, as are two `*.github.io`. */
const SITES = { allowPrivateDomains: true } as const;

/**
 * Whether an address (its lower-cased host and path) is of the site of the page at `pageUrl`: on its registrable
 * domain (`cdn.acme.com` for `www.acme.com`), on a shared CDN's host, or written with the page's own domain in
 * the path before its query (an image CDN's copy of `acme.com/…`). Anything else is another site's file: an image, a widget or a
 * script from someone else's WordPress or Vercel deployment. Hosts are looked up once per page.
 */
export function ownSiteOf(pageUrl: string): (host: string, path: string) => boolean {
  const pageHost = splitUrl(pageUrl)?.[0] ?? '';
  const site = getDomain(pageHost, SITES) ?? pageHost;
  const known = new Map<string, boolean>();
  return (host, path) => {
    let own = known.get(host);
    if (own === undefined) {
      own = host === pageHost || (getDomain(host, SITES) ?? host) === site || underSharedCdn(host);
      known.set(host, own);
    }
    if (own || site === '') return own;
    // In the path only: a widget is often given the page's address in its query (`?ref=https://acme.com/`).
    const query = path.indexOf('?');
    const folders = query < 0 ? path : path.slice(0, query);
    return folders.includes(`/${site}/`) || folders.includes(`.${site}/`);
  };
}

const MAX_EVIDENCE = 3;
const MAX_KINDS = 5;
const MAX_SHOWN = 160;

/** Runs the lookups over a page's signals; each technology once, with a few pieces of evidence of each kind. */
export function detectTechnologies(signals: PageSignals, compiled: CompiledFingerprints): Detection[] {
  const evidence = new Map<number, string[]>();
  const hit = (tech: number, kind: SignalKind, what: string) => {
    const list = evidence.get(tech);
    // A few of any kind, and beyond that one of each other kind (a script, then also the global it set).
    // Decided before the line is written: a site's hundredth WordPress address adds nothing.
    if (
      list &&
      (list.length >= MAX_KINDS ||
        (list.length >= MAX_EVIDENCE && list.some((l) => l.startsWith(`${kind} `))))
    )
      return;
    const line = `${kind} ${what.length > MAX_SHOWN ? `${what.slice(0, MAX_SHOWN)}…` : what}`;
    if (!list) evidence.set(tech, [line]);
    else if (!list.includes(line)) list.push(line);
  };

  const urlLists: Array<[SignalKind, string[]]> = [
    ['script', signals.scripts],
    ['stylesheet', signals.stylesheets],
    ['iframe', signals.iframes],
    ['resource', signals.resources],
    ['inline', signals.inline],
  ];
  const pattern = compiled.pathPattern;
  const ownSite = ownSiteOf(signals.url);
  // The page's own address: a site served from a hosting service's host (`acme.netlify.app`).
  const page = splitUrl(signals.url);
  if (page)
    for (const rule of hostRules(compiled.urlHosts, page[0], page[1]))
      if (rule.ownSite) hit(rule.tech, 'page', signals.url);
  for (const [kind, urls] of urlLists) {
    for (const url of urls) {
      const parts = splitUrl(url);
      if (!parts) continue;
      const [host, path] = parts;
      for (const rule of hostRules(compiled.urlHosts, host, path))
        if (!rule.ownSite || ownSite(host, path)) hit(rule.tech, kind, url);
      if (!pattern) continue;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(path); m; m = pattern.exec(path)) {
        for (const rule of compiled.pathTechs.get(m[0]) ?? [])
          if (!rule.ownSite || ownSite(host, path)) hit(rule.tech, kind, url);
        // Also find fragments that start inside this one ('/wp-content/plugins/x/' holds '/plugins/x/').
        pattern.lastIndex = m.index + 1;
      }
    }
  }
  for (const url of signals.links) {
    const parts = splitUrl(url);
    if (!parts || compiled.vendorSites.has(parts[0])) continue;
    for (const rule of hostRules(compiled.linkHosts, parts[0], parts[1])) hit(rule.tech, 'link', url);
  }
  for (const [name, content] of signals.meta) {
    const rules = compiled.meta.get(name);
    if (!rules) continue;
    const lower = content.toLowerCase();
    for (const rule of rules)
      if (lower.startsWith(rule.prefix)) hit(rule.tech, 'meta', `${name}="${content.slice(0, 80)}"`);
  }
  for (const cookie of signals.cookies) {
    for (const tech of compiled.cookies.get(cookie) ?? []) hit(tech, 'cookie', cookie);
    for (const { prefix, tech } of compiled.cookiePrefixes)
      if (cookie.startsWith(prefix)) hit(tech, 'cookie', cookie);
  }
  for (const name of signals.globals)
    for (const tech of compiled.globals.get(name) ?? []) hit(tech, 'global', name);
  for (const selector of signals.dom)
    for (const tech of compiled.selectors.get(selector) ?? []) hit(tech, 'dom', selector);

  for (const comment of signals.comments) {
    const lower = comment.toLowerCase();
    for (const { text, tech } of compiled.comments) if (lower.includes(text)) hit(tech, 'comment', comment);
  }

  // What a detected technology always runs on (a WordPress plugin → WordPress).
  const queue = [...evidence.keys()];
  while (queue.length > 0) {
    const tech = queue.pop() as number;
    const fp = compiled.fingerprints[tech] as Fingerprint;
    for (const name of fp.implies ?? []) {
      const implied = compiled.byName.get(name);
      if (implied === undefined || evidence.has(implied)) continue;
      evidence.set(implied, [`implied by ${fp.name}`]);
      queue.push(implied);
    }
  }

  // A more specific edition is reported instead of the general one.
  for (const tech of [...evidence.keys()]) {
    for (const name of compiled.fingerprints[tech]?.replaces ?? []) {
      const general = compiled.byName.get(name);
      if (general !== undefined) evidence.delete(general);
    }
  }

  return [...evidence.entries()]
    .sort(([a], [b]) => a - b)
    .map(([tech, lines]) => {
      const fp = compiled.fingerprints[tech] as Fingerprint;
      return { name: fp.name, category: fp.category, evidence: lines };
    });
}
