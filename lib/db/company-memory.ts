/**
 * The company memory: pages the rep has seen, remembered locally so that the company's website, about page
 * and LinkedIn page enrich each other. It is a record of the rep's browsing, so it stays in this browser,
 * expires, and can be cleared in one click.
 */
import { firstHand } from '../extract/profile';
import type { IcpLensDb, SeenPage } from './index';

/** How a company is recognised across pages. */
export interface CompanyIdentity {
  domain: string | null;
  linkedinSlug: string | null;
}

/** Remembers (or refreshes) what a page said. */
export async function rememberPage(db: IcpLensDb, page: SeenPage): Promise<void> {
  await db.pages.put(page);
}

/**
 * Every remembered page that speaks for the company: pages with its domain or LinkedIn slug, plus pages
 * reached through one link between them (a website naming its LinkedIn page, a LinkedIn page naming its
 * website). Only first-hand pages count (the company's own site, its profiles on LinkedIn and the like): any
 * other site could name the company's domain to put its own facts, or another company's LinkedIn page, into
 * the company's profile.
 */
export async function pagesForCompany(db: IcpLensDb, identity: CompanyIdentity): Promise<SeenPage[]> {
  const found = new Map<string, SeenPage>();
  const add = (pages: SeenPage[]) => {
    for (const p of pages) if (firstHand(p)) found.set(p.url, p);
  };
  const byDomain = async (domains: string[]) =>
    domains.length ? db.pages.where('domain').anyOf(domains).toArray() : [];
  const bySlug = async (slugs: string[]) =>
    slugs.length ? db.pages.where('linkedinSlug').anyOf(slugs).toArray() : [];
  add(await byDomain(identity.domain ? [identity.domain] : []));
  add(await bySlug(identity.linkedinSlug ? [identity.linkedinSlug] : []));
  const domains = new Set([...found.values()].flatMap((p) => (p.domain ? [p.domain] : [])));
  const slugs = new Set([...found.values()].flatMap((p) => (p.linkedinSlug ? [p.linkedinSlug] : [])));
  if (identity.domain) domains.delete(identity.domain);
  if (identity.linkedinSlug) slugs.delete(identity.linkedinSlug);
  add(await byDomain([...domains]));
  add(await bySlug([...slugs]));
  return [...found.values()];
}

/** Forgets pages seen before `cutoff` (ms since the epoch); returns how many. */
export async function forgetPagesBefore(db: IcpLensDb, cutoff: number): Promise<number> {
  return db.pages.where('seenAt').below(cutoff).delete();
}

/** Forgets every remembered page; returns how many. */
export async function forgetAllPages(db: IcpLensDb): Promise<number> {
  const count = await db.pages.count();
  await db.pages.clear();
  return count;
}
