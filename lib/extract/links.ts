/**
 * The company's own profiles, from the links its website carries (usually in the header or footer): its
 * LinkedIn company page and its other social profiles. Only used on the company's own site: there the page's
 * furniture is the company's, while on a platform or a news page the same links belong to someone else (the
 * platform readers in adapters/links.ts skip the furniture for that reason).
 */
import { canonicalProfileUrl, linkUrl, socialKindOf } from './adapters/links';
import type { FactCandidate } from './schema';
import { snippet } from './text';

/** Most links examined, so a pathological page cannot stall the reader (footers come last: keep it generous). */
const MAX_LINKS = 20_000;
/**
 * Addresses that can be a LinkedIn company page or a social profile (adapters/links.ts lists the networks).
 * One pattern tested on each link's `href` attribute: cheaper than case-insensitive attribute selectors, which
 * the browser runs once per network over every link.
 */
const PROFILE_HREF =
  /(?:linkedin\.com\/company\/|(?:twitter|x|facebook|instagram|youtube|github|crunchbase|wellfound|tiktok|pinterest)\.com\/|angel\.co\/|threads\.(?:net|com)\/)/i;

/** Whether a link sits in the page's chrome (header, footer, nav), where sites link their own profiles. */
function inChrome(a: Element): boolean {
  return (
    a.closest(
      'footer, header, nav, [role="contentinfo"], [class*="footer" i], [id*="footer" i], [class*="social" i]',
    ) !== null
  );
}

/** A path segment decoded ("caf%C3%A9" → café), or as written where it is not valid percent-encoding ("100%-pure"). */
function decodedSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** Reads the company's LinkedIn page and social profiles from its own site's links. */
export function extractProfileLinks(doc: Document, pageUrl: URL): FactCandidate[] {
  // Only links to the networks in question are parsed as URLs.
  const anchors = doc.getElementsByTagName('a');
  const linkedin = new Map<string, { href: string; chrome: boolean }>();
  const social = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (let i = 0; i < anchors.length && i < MAX_LINKS; i++) {
    const a = anchors[i] as Element;
    if (!PROFILE_HREF.test(a.getAttribute('href') ?? '')) continue;
    const url = linkUrl(a, pageUrl);
    if (!url) continue;
    const host = url.hostname.toLowerCase();
    const slug = /^\/company\/([^/?#]+)/.exec(url.pathname)?.[1];
    if ((host === 'linkedin.com' || host.endsWith('.linkedin.com')) && slug) {
      const key = decodedSlug(slug).toLowerCase();
      const seen = linkedin.get(key);
      linkedin.set(key, { href: url.href, chrome: (seen?.chrome ?? false) || inChrome(a) });
      continue;
    }
    const network = socialKindOf(url);
    if (!network) continue;
    const profile = canonicalProfileUrl(url);
    const previous = social.get(network);
    // Two different accounts on one network: one is probably someone else's (a partner, an author).
    if (previous && previous.toLowerCase() !== profile.toLowerCase()) ambiguous.add(network);
    else social.set(network, profile);
  }
  const out: FactCandidate[] = [];
  // One LinkedIn company linked from the site's header or footer is the site's own; several are a list of others.
  const own = [...linkedin.entries()].filter(([, v]) => v.chrome);
  const pick = own.length === 1 ? own[0] : linkedin.size === 1 ? [...linkedin.entries()][0] : undefined;
  if (pick) {
    const [slug, { href, chrome }] = pick;
    out.push({
      field: 'linkedinUrl',
      value: `https://www.linkedin.com/company/${slug}`,
      source: 'text',
      snippet: snippet(`link to ${href}`),
      confidence: chrome ? 0.8 : 0.6,
    });
  }
  const profiles = [...social.entries()]
    .filter(([network]) => !ambiguous.has(network))
    .map(([, href]) => href);
  if (profiles.length > 0) {
    out.push({
      field: 'socialProfiles',
      value: profiles,
      source: 'text',
      snippet: snippet(profiles.join(' ')),
      confidence: 0.6,
    });
  }
  return out;
}
