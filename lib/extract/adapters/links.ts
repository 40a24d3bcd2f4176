/**
 * Telling a profile's own links (the company's website, its X or GitHub account) from the hosting site's
 * links (its footer socials, navigation, cookie banner). Pure DOM code with hard limits.
 */
import { platformOf } from '../platforms';
import { cleanText } from '../text';
import { inRelatedList, visibleLines } from './dom-text';

/** Site furniture: footers, navigation and the page banner, in markup and ARIA terms. */
const CHROME =
  'footer, nav, [role="contentinfo"], [role="navigation"], [role="banner"], #footer, [class*="site-footer"], [class*="global-nav"], [class*="site-nav"], [class*="cookie"], [id*="cookie"], [class*="consent"]';

/**
 * True when the element is part of the hosting site's furniture rather than the profile: inside a footer,
 * navigation, cookie banner, or a page-level `<header>` (one that does not hold the page's heading).
 */
export function isPageChrome(el: Element): boolean {
  if (el.closest(CHROME)) return true;
  const header = el.closest('header');
  return Boolean(header && !header.closest('main, article') && !header.querySelector('h1'));
}

/** The second-level label of a host ("dribbble" for www.dribbble.com), to spot the platform's own accounts. */
export function hostLabel(hostname: string): string {
  const parts = hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  // "example.co.uk": the label before a two-part public suffix.
  const short = parts.length > 2 && (parts.at(-2)?.length ?? 0) <= 3 && (parts.at(-1)?.length ?? 0) === 2;
  return (short ? parts.at(-3) : parts.at(-2)) ?? parts[0] ?? '';
}

/** Social and profile hosts ICP Lens records as the company's other profiles. */
const SOCIAL_HOSTS: Array<[suffix: string, kind: string, path: RegExp]> = [
  ['twitter.com', 'x', /^\/(?!share|intent|home|hashtag|search|i\/)[A-Za-z0-9_]{1,30}\/?$/],
  ['x.com', 'x', /^\/(?!share|intent|home|hashtag|search|i\/)[A-Za-z0-9_]{1,30}\/?$/],
  ['facebook.com', 'facebook', /^\/(?!sharer|share|dialog|login|plugins)[^/]+\/?$/],
  ['instagram.com', 'instagram', /^\/(?!p\/|explore)[^/]+\/?$/],
  ['youtube.com', 'youtube', /^\/(?:@[^/]+|c\/[^/]+|channel\/[^/]+|user\/[^/]+)\/?$/],
  ['github.com', 'github', /^\/[^/]+\/?$/],
  ['crunchbase.com', 'crunchbase', /^\/organization\/[^/]+\/?$/],
  ['wellfound.com', 'wellfound', /^\/company\/[^/]+\/?$/],
  ['angel.co', 'wellfound', /^\/company\/[^/]+\/?$/],
  ['tiktok.com', 'tiktok', /^\/@[^/]+\/?$/],
  ['pinterest.com', 'pinterest', /^\/[^/]+\/?$/],
  ['threads.net', 'threads', /^\/@[^/]+\/?$/],
  ['threads.com', 'threads', /^\/@?[^/]+\/?$/],
];

/** The kind of social profile a URL points at ("x", "github" ...), or undefined for any other link. */
export function socialKindOf(url: URL): string | undefined {
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
  for (const [suffix, kind, path] of SOCIAL_HOSTS) {
    if ((host === suffix || host.endsWith(`.${suffix}`)) && path.test(url.pathname)) return kind;
  }
  return undefined;
}

/** A link's absolute http(s) address, or undefined. */
export function linkUrl(a: Element, base: URL): URL | undefined {
  const href = a.getAttribute('href');
  if (!href || href.length > 2000) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Query parameters through which sites route outbound links (`/redirect?u=https://acme.io`). */
const REDIRECT_PARAMS = [
  'url',
  'u',
  'target',
  'to',
  'dest',
  'destination',
  'redirect',
  'redirect_url',
  'link',
];

/**
 * The address an outbound redirect leads to, when the link goes through the hosting site's own redirector
 * (LinkedIn's `/redir/redirect?url=`, Clutch's `r.clutch.co/redirect?u=`); otherwise the link itself.
 */
export function redirectTarget(url: URL, platform: string): URL {
  if (hostLabel(url.hostname) !== platform && !/redir/i.test(url.pathname)) return url;
  for (const name of REDIRECT_PARAMS) {
    const value = url.searchParams.get(name);
    if (!value || !/^https?:\/\//i.test(value)) continue;
    try {
      return new URL(value);
    } catch {
      return url;
    }
  }
  return url;
}

/** A profile URL as recorded: https, no query or fragment ("https://x.com/acme"). */
export function canonicalProfileUrl(url: URL): string {
  return `https://${url.hostname.toLowerCase()}${url.pathname.replace(/(?<!\/)\/+$/, '')}`;
}

/** True when a URL is one of the hosting platform's own accounts (x.com/dribbble on Dribbble). */
function isPlatformAccount(url: URL, platform: string): boolean {
  // "/company/y-combinator" is YC's own page: compare without punctuation.
  return (
    platform.length > 2 &&
    url.pathname
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .includes(platform)
  );
}

/** Options of the link readers. */
export interface LinkOptions {
  /** Leaves out links this returns true for (a founders' section, say). */
  skip?: (a: Element) => boolean;
  /** Most links looked at. */
  maxLinks?: number;
}

/**
 * The social profiles linked from `root`, leaving out the site's furniture, lists of other companies and the
 * platform's own accounts. LinkedIn company pages are left to the `linkedinUrl` field.
 */
export function socialProfiles(
  root: ParentNode,
  pageUrl: URL,
  { skip, maxLinks = 2000 }: LinkOptions = {},
): string[] {
  const platform = hostLabel(pageUrl.hostname);
  const out = new Set<string>();
  const links = root.querySelectorAll('a[href]');
  for (let i = 0; i < links.length && i < maxLinks && out.size < 20; i++) {
    const a = links[i];
    const url = a && linkUrl(a, pageUrl);
    if (!a || !url || !socialKindOf(url) || isPlatformAccount(url, platform)) continue;
    if (hostLabel(url.hostname) === platform || isPageChrome(a) || inRelatedList(a) || skip?.(a)) continue;
    out.add(canonicalProfileUrl(url));
  }
  return [...out];
}

/** The LinkedIn company page linked from `root` (a company's own profile, never the platform's). */
export function linkedinCompanyLink(
  root: ParentNode,
  pageUrl: URL,
  { skip, maxLinks = 2000 }: LinkOptions = {},
): string | undefined {
  const platform = hostLabel(pageUrl.hostname);
  const links = root.querySelectorAll('a[href*="linkedin.com/company/"]');
  for (let i = 0; i < links.length && i < maxLinks; i++) {
    const a = links[i];
    const url = a && linkUrl(a, pageUrl);
    if (!a || !url || isPlatformAccount(url, platform) || isPageChrome(a) || inRelatedList(a) || skip?.(a))
      continue;
    if (/^\/company\/[^/]+/.test(url.pathname)) return canonicalProfileUrl(url);
  }
  return undefined;
}

/** Hosts whose links are never a company's own website (consent tools, maps, app stores, references). */
const NOT_A_WEBSITE =
  /(?:^|\.)(?:cookieyes\.com|onetrust\.com|cookiebot\.com|usercentrics\.eu|apps\.apple\.com|itunes\.apple\.com|play\.google\.com|maps\.google\.[a-z]{2,3}(?:\.[a-z]{2})?|goo\.gl|wikipedia\.org|wikimedia\.org|wikidata\.org|archive\.org|creativecommons\.org|w3\.org|schema\.org|bit\.ly|t\.co|calendly\.com|typeform\.com)$/i;

/**
 * True when a URL can be a company's own website: not a platform (LinkedIn, news, directories), a social
 * network, a consent tool or a reference site.
 */
export function isCompanyWebsite(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  return !platformOf(host) && !socialKindOf(url) && !NOT_A_WEBSITE.test(host);
}

/** Wording that marks a link as the profile's website, in attributes a redesign tends to keep. */
const WEBSITE_WORDING = /website|homepage|home page|company[-_ ]?url|external[-_ ]?link|visit site/i;

/** A hostname or URL written as link text ("acme.com", "https://www.acme.com/"), lower-cased, no www. */
function hostInText(text: string): string | undefined {
  const match = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/?#].*)?$/i.exec(text.trim());
  return match?.[1]?.toLowerCase();
}

/** A link that looks like the profile's own website, and why. */
export interface WebsiteLink {
  href: string;
  /** The link text, as evidence. */
  text: string;
  /** How many cues agreed (higher is surer). */
  score: number;
}

/**
 * The profile's own website among a page's links: an external link (not a platform, social network or
 * consent tool) outside the site's furniture, scored by independent cues: the link text spells the same
 * host, attributes call it a website, it is set apart as an external link. Returns the best link that
 * passes `minScore`.
 */
export function findOwnWebsite(
  root: ParentNode,
  pageUrl: URL,
  { skip, maxLinks = 3000, minScore = 2.5 }: LinkOptions & { minScore?: number } = {},
): WebsiteLink | undefined {
  const platform = hostLabel(pageUrl.hostname);
  const links = root.querySelectorAll('a[href]');
  let best: WebsiteLink | undefined;
  for (let i = 0; i < links.length && i < maxLinks; i++) {
    const a = links[i];
    const link = a && linkUrl(a, pageUrl);
    if (!a || !link) continue;
    const url = redirectTarget(link, platform);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    if (hostLabel(host) === platform || !isCompanyWebsite(url)) continue;
    const text = cleanText(visibleLines(a, 200).join(' '), 200);
    let score = 0;
    const written = hostInText(text);
    if (written) score += written === host || host.endsWith(`.${written}`) ? 3 : 1;
    if (/^(?:visit )?(?:our )?(?:web ?site|homepage)$/i.test(text)) score += 2;
    const attributes = a.getAttributeNames().filter((n) => n !== 'href');
    if (attributes.some((n) => WEBSITE_WORDING.test(n) || WEBSITE_WORDING.test(a.getAttribute(n) ?? '')))
      score += 2;
    // The remaining cues add at most 1: a link without any of the above cannot pass, so skip the costly checks.
    if (score + 1 < minScore || (best && score + 1 <= best.score)) continue;
    if (isPageChrome(a) || inRelatedList(a) || skip?.(a)) continue;
    if (
      a.getAttribute('target') === '_blank' &&
      /noopener|nofollow|noreferrer/i.test(a.getAttribute('rel') ?? '')
    )
      score += 0.5;
    if (a.closest('main, article, [role="main"]')) score += 0.5;
    if (score >= minScore && (!best || score > best.score)) best = { href: url.href, text, score };
  }
  return best;
}
