/**
 * Merges what several pages said about one company into one profile. Per field the most confident reading
 * wins (the more recent page on a tie); the other pages' readings stay as alternatives, and every fact says
 * which page it came from and when that page was read.
 */
import type { CompanyFacts, PageRole } from './schema';

/** What one page contributed. */
export interface ProfilePage {
  url: string;
  title: string;
  pageRole: PageRole;
  facts: CompanyFacts;
  seenAt: number;
}

type AnyFact = NonNullable<CompanyFacts[keyof CompanyFacts]>;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a).toLowerCase() === JSON.stringify(b).toLowerCase();
}

/** The merged facts of a company from its pages (the current page first, others in any order). */
export function mergeProfile(pages: ProfilePage[]): CompanyFacts {
  const byField = new Map<string, Array<AnyFact & { url: string; seenAt: number }>>();
  for (const page of pages) {
    for (const [field, fact] of Object.entries(page.facts) as Array<[string, AnyFact]>) {
      const list = byField.get(field) ?? [];
      list.push({ ...fact, url: fact.url ?? page.url, seenAt: fact.seenAt ?? page.seenAt });
      byField.set(field, list);
    }
  }
  const merged: Record<string, unknown> = {};
  for (const [field, list] of byField) {
    list.sort((a, b) => b.confidence - a.confidence || b.seenAt - a.seenAt);
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
        const { alternatives: _drop, ...plain } = reading as AnyFact;
        alternatives.push({
          ...plain,
          url: reading.url ?? other.url,
          seenAt: reading.seenAt ?? other.seenAt,
        } as never);
      }
    }
    merged[field] = { ...winner, alternatives: alternatives.slice(0, 8) };
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
      value: [...all.values()].slice(0, 200),
      alternatives: [],
    };
  }
  return merged as CompanyFacts;
}
