/**
 * Merges what several pages said about one company into one profile. Per field a first-hand reading beats a
 * second-hand one (see {@link firstHand}), then the most confident reading wins (the more recent page on a
 * tie); the other pages' readings stay as alternatives, and every fact says which page it came from and when
 * that page was read. Facts that belong together come from one page: the
 * headquarters' city, region and country (another page adds a part only where its address agrees), and a
 * derived fact (the industry's taxonomy id, revenue in dollars) with the fact it was derived from.
 */
import { registrableDomain } from './merge';
import { platformOf } from './platforms';
import { type CompanyFacts, MAX_ALTERNATIVES, MAX_LIST_VALUES, type PageRole } from './schema';
import { DERIVED_FROM, HQ_PARTS } from './update-facts';

/** What one page contributed. */
export interface ProfilePage {
  url: string;
  title: string;
  pageRole: PageRole;
  facts: CompanyFacts;
  seenAt: number;
}

/** Platforms whose pages are a company's profile, kept by the company or by editors (not news, not search). */
const PROFILE_PLATFORMS = new Set(['linkedin', 'wikipedia', 'crunchbase', 'directory']);

/**
 * Whether a page speaks for the company it is about: a page of the company's own site (its address is on the
 * domain it names as the company's), or its profile on LinkedIn, Wikipedia, Crunchbase or a directory. Any
 * other site can name any company's domain or LinkedIn page in its markup; what it says of that company is
 * second-hand, and must not outweigh, or even reach, what the company's own pages say.
 */
export function firstHand(page: Pick<ProfilePage, 'url' | 'facts'> & { domain?: string | null }): boolean {
  let host: string;
  try {
    host = new URL(page.url).hostname;
  } catch {
    return false;
  }
  const platform = platformOf(host);
  if (platform) return PROFILE_PLATFORMS.has(platform);
  const claimed = page.facts.domain?.value ?? page.domain;
  return Boolean(claimed) && registrableDomain(host) === claimed;
}

type AnyFact = NonNullable<CompanyFacts[keyof CompanyFacts]>;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a).toLowerCase() === JSON.stringify(b).toLowerCase();
}

/** The merged facts of a company from its pages (the current page first, others in any order). */
export function mergeProfile(pages: ProfilePage[]): CompanyFacts {
  const byField = new Map<string, Array<AnyFact & { url: string; seenAt: number; trusted: boolean }>>();
  for (const page of pages) {
    const trusted = firstHand(page);
    for (const [field, fact] of Object.entries(page.facts) as Array<[string, AnyFact]>) {
      const list = byField.get(field) ?? [];
      list.push({ ...fact, url: fact.url ?? page.url, seenAt: fact.seenAt ?? page.seenAt, trusted });
      byField.set(field, list);
    }
  }
  /** First-hand before second-hand, then the more confident, then the more recent. */
  const order = (a: { trusted: boolean; confidence: number; seenAt: number }, b: typeof a) =>
    Number(b.trusted) - Number(a.trusted) || b.confidence - a.confidence || b.seenAt - a.seenAt;
  const merged: Record<string, unknown> = {};
  for (const [field, list] of byField) {
    list.sort(order);
    const [winner, ...rest] = list;
    if (!winner) continue;
    const alternatives = [...winner.alternatives];
    for (const other of rest) {
      for (const reading of [other, ...other.alternatives]) {
        if (
          sameValue(reading.value, winner.value) ||
          alternatives.some((a) => sameValue(a.value, reading.value))
        )
          continue;
        const {
          alternatives: _drop,
          trusted: _trusted,
          ...plain
        } = reading as AnyFact & { trusted?: boolean };
        alternatives.push({
          ...plain,
          url: reading.url ?? other.url,
          seenAt: reading.seenAt ?? other.seenAt,
        } as never);
      }
    }
    const { trusted: _trusted, ...shown } = winner;
    merged[field] = { ...shown, alternatives: alternatives.slice(0, MAX_ALTERNATIVES) };
  }
  type Reading = AnyFact & { url: string; seenAt: number; trusted?: boolean };
  /** Makes `reading` the field's winner, the previous winner joining its alternatives. */
  const crown = (field: string, reading: Reading) => {
    const current = merged[field] as Reading | undefined;
    if (current?.url === reading.url && sameValue(current.value, reading.value)) return;
    const { alternatives: _own, trusted: _was, ...plain } = (current ?? reading) as Reading;
    const alternatives = current
      ? [plain, ...current.alternatives]
          .filter((a) => !sameValue(a.value, reading.value))
          .slice(0, MAX_ALTERNATIVES)
      : [];
    const { trusted: _trusted, ...shown } = reading;
    merged[field] = { ...shown, alternatives };
  };
  const readingOn = (field: string, url: string) => byField.get(field)?.find((r) => r.url === url);

  // One address: the page with the most confident reading of any part gives its parts; another page fills in
  // a part it lacks only where it shows a part of the address so far and agrees on every part both show
  // ("Lisbon" from the careers page and "DE" from the imprint would be an address nowhere).
  const hqReadings = HQ_PARTS.flatMap((part) => byField.get(part) ?? []);
  const best = hqReadings.sort(order)[0];
  if (best) {
    const addressOn = (url: string) => HQ_PARTS.map((part) => readingOn(part, url));
    const address = addressOn(best.url);
    const fits = (other: Array<Reading | undefined>) => {
      const shared = HQ_PARTS.map((_, k) => k).filter((k) => address[k] && other[k]);
      return shared.length > 0 && shared.every((k) => sameValue(address[k]?.value, other[k]?.value));
    };
    // From the country down to the city: each part taken is one more a narrower part must agree with.
    for (let i = HQ_PARTS.length - 1; i >= 0; i--) {
      const part = HQ_PARTS[i] as (typeof HQ_PARTS)[number];
      address[i] ??= byField.get(part)?.find((r) => fits(addressOn(r.url)));
      const reading = address[i];
      if (reading) crown(part, reading);
      else delete merged[part];
    }
  }
  // A derived fact from the page whose source fact won: the industry shown is the industry scored.
  for (const [derived, source] of Object.entries(DERIVED_FROM)) {
    const from = merged[source] as Reading | undefined;
    const reading = from && readingOn(derived, from.url);
    if (reading) crown(derived, reading);
    else delete merged[derived];
  }

  // A site's pages load different tools (a form on the contact page, a chat on the pricing page): the
  // company runs all of them, so technologies are the union over its pages, the winning page's first.
  const technologies = byField.get('technologies');
  if (technologies && technologies.length > 1 && merged.technologies) {
    const all = new Map<string, string>();
    for (const reading of technologies)
      for (const name of reading.value as string[])
        if (!all.has(name.toLowerCase())) all.set(name.toLowerCase(), name);
    merged.technologies = {
      ...(merged.technologies as object),
      value: [...all.values()].slice(0, MAX_LIST_VALUES),
      alternatives: [],
    };
  }
  return merged as CompanyFacts;
}
