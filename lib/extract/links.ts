/**
 * The company's own profiles, from the links its website carries (usually in the header or footer): its
 * LinkedIn company page and its other social profiles. Only used on the company's own site: on a platform or a
 * news page the links belong to the platform or to other companies.
 */
import type { FactCandidate } from './schema';
import { cleanText, snippet } from './text';

const MAX_LINKS = 3000;

/** Profile URL patterns by network; share and intent links are not profiles. */
const PROFILES: Array<{ network: string; pattern: RegExp }> = [
  {
    network: 'x',
    pattern:
      /^https?:\/\/(?:www\.)?(?:twitter|x)\.com\/(?!share|intent|home|search|hashtag|i\/)([A-Za-z0-9_]{1,15})\/?$/i,
  },
  {
    network: 'facebook',
    pattern:
      /^https?:\/\/(?:www\.|[a-z]{2}-[a-z]{2}\.)?facebook\.com\/(?!sharer|share|dialog|plugins|tr\b)([A-Za-z0-9.-]{3,})\/?$/i,
  },
  {
    network: 'instagram',
    pattern: /^https?:\/\/(?:www\.)?instagram\.com\/(?!p\/|explore)([A-Za-z0-9_.]{2,30})\/?$/i,
  },
  {
    network: 'youtube',
    pattern: /^https?:\/\/(?:www\.)?youtube\.com\/(?:c\/|channel\/|user\/|@)([A-Za-z0-9_.-]{2,})\/?$/i,
  },
  { network: 'github', pattern: /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9-]{2,39})\/?$/i },
  {
    network: 'xing',
    pattern: /^https?:\/\/(?:www\.)?xing\.com\/(?:pages|companies)\/([A-Za-z0-9-]{2,})\/?$/i,
  },
  {
    network: 'crunchbase',
    pattern: /^https?:\/\/(?:www\.)?crunchbase\.com\/organization\/([A-Za-z0-9-]{2,})\/?$/i,
  },
];
const LINKEDIN_COMPANY =
  /^https?:\/\/(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/company\/([^/?#\s]+)\/?(?:[?#].*)?$/i;

/** Whether a link sits in the page's chrome (header, footer, nav), where sites link their own profiles. */
function inChrome(a: Element): boolean {
  return (
    a.closest(
      'footer, header, nav, [role="contentinfo"], [class*="footer" i], [id*="footer" i], [class*="social" i]',
    ) !== null
  );
}

/** Reads the company's LinkedIn page and social profiles from its own site's links. */
export function extractProfileLinks(doc: Document): FactCandidate[] {
  const anchors = doc.querySelectorAll('a[href]');
  const linkedin = new Map<string, { href: string; chrome: boolean }>();
  const social = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (let i = 0; i < anchors.length && i < MAX_LINKS; i++) {
    const a = anchors[i] as Element;
    const href = cleanText(a.getAttribute('href'), 500);
    const li = LINKEDIN_COMPANY.exec(href);
    if (li?.[1]) {
      const slug = decodeURIComponent(li[1]).toLowerCase();
      const seen = linkedin.get(slug);
      linkedin.set(slug, { href, chrome: (seen?.chrome ?? false) || inChrome(a) });
      continue;
    }
    for (const { network, pattern } of PROFILES) {
      if (!pattern.test(href)) continue;
      const previous = social.get(network);
      // Two different accounts on one network: one is probably someone else's (a partner, an author).
      if (previous && previous.toLowerCase() !== href.toLowerCase()) ambiguous.add(network);
      else social.set(network, href);
    }
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
