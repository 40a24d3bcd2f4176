/**
 * Checks of an ICP against the list of countries, apart from schema.ts: the list is loaded only where it is
 * needed (the command line), not by every extension page that reads an ICP.
 */
import isoCountries from 'i18n-iso-countries';
import type { Icp } from './schema';

/** Each location criterion's codes that are no country's ("EU", "XX"): valid, but they never match a company. */
export function unknownCountries(icp: Icp): Array<{ label: string; code: string }> {
  return icp.criteria.flatMap((c) =>
    c.kind === 'location'
      ? c.countries.filter((code) => !isoCountries.isValid(code)).map((code) => ({ label: c.label, code }))
      : [],
  );
}
