/**
 * Sites whose pages are about other companies (profiles, news, search, code hosting). On these the page's own
 * domain, technology and footer belong to the platform, never to the company shown.
 */

/** A hostname and the kind of platform it is. */
export type PlatformKind =
  | 'linkedin'
  | 'wikipedia'
  | 'crunchbase'
  | 'directory'
  | 'news'
  | 'search'
  | 'social'
  | 'code';

const PLATFORMS: Array<[suffix: string, kind: PlatformKind]> = [
  ['linkedin.com', 'linkedin'],
  ['wikipedia.org', 'wikipedia'],
  ['crunchbase.com', 'crunchbase'],
  ['ycombinator.com', 'directory'],
  ['g2.com', 'directory'],
  ['capterra.com', 'directory'],
  ['producthunt.com', 'directory'],
  ['glassdoor.com', 'directory'],
  ['indeed.com', 'directory'],
  ['zoominfo.com', 'directory'],
  ['dribbble.com', 'directory'],
  ['behance.net', 'directory'],
  ['clutch.co', 'directory'],
  ['github.com', 'code'],
  ['gitlab.com', 'code'],
  ['bitbucket.org', 'code'],
  ['google.com', 'search'],
  ['bing.com', 'search'],
  ['duckduckgo.com', 'search'],
  ['yahoo.com', 'search'],
  ['facebook.com', 'social'],
  ['twitter.com', 'social'],
  ['x.com', 'social'],
  ['instagram.com', 'social'],
  ['youtube.com', 'social'],
  ['medium.com', 'social'],
  ['reddit.com', 'social'],
  // Newswires and business press: their pages are coverage of other companies.
  ['prnewswire.com', 'news'],
  ['globenewswire.com', 'news'],
  ['businesswire.com', 'news'],
  ['accesswire.com', 'news'],
  ['techcrunch.com', 'news'],
  ['venturebeat.com', 'news'],
  ['bloomberg.com', 'news'],
  ['reuters.com', 'news'],
  ['forbes.com', 'news'],
  ['fortune.com', 'news'],
  ['inc.com', 'news'],
  ['fastcompany.com', 'news'],
  ['businessinsider.com', 'news'],
  ['bizjournals.com', 'news'],
  ['wsj.com', 'news'],
  ['ft.com', 'news'],
  ['nytimes.com', 'news'],
  ['theguardian.com', 'news'],
  ['bbc.com', 'news'],
  ['bbc.co.uk', 'news'],
  ['cnbc.com', 'news'],
  ['cnn.com', 'news'],
  ['theverge.com', 'news'],
  ['wired.com', 'news'],
  ['zdnet.com', 'news'],
  ['handelsblatt.com', 'news'],
  ['spiegel.de', 'news'],
  ['heise.de', 'news'],
  ['t3n.de', 'news'],
];

/** The same list as a lookup table: no suffix in it ends with another one, so at most one matches a host. */
const PLATFORM_BY_SUFFIX = new Map(PLATFORMS);

/**
 * The platform a hostname belongs to, if any. Looks up the host and each of its parent domains (a few map
 * lookups: it runs in every page, before anything else is read).
 */
export function platformOf(hostname: string): PlatformKind | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  for (let start = 0; start >= 0; ) {
    const kind = PLATFORM_BY_SUFFIX.get(host.slice(start));
    if (kind) return kind;
    const dot = host.indexOf('.', start);
    start = dot < 0 ? -1 : dot + 1;
  }
  return undefined;
}

/** Match patterns (for content scripts) of every host of the given platform kinds. */
export function platformMatchPatterns(kinds: readonly PlatformKind[]): string[] {
  return PLATFORMS.filter(([, kind]) => kinds.includes(kind)).map(([suffix]) => `*://*.${suffix}/*`);
}
