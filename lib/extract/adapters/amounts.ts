/**
 * Reading stated head counts ("51-200 employees", "221,000 (2023)"). Pure; safe in the content script.
 */
import type { Range } from '../schema';
import { dropParenthesised, parseCount } from '../text';

/** One end of a band: "1,001", "10K", "1.5K" (LinkedIn's top card abbreviates). */
function bandNumber(digits: string | undefined, unit: string | undefined): number {
  if (!digits) return Number.NaN;
  if (!unit) return parseCount(digits);
  const scale = /k/i.test(unit) ? 1e3 : 1e6;
  return Math.round(Number(digits.replace(/,(?=\d{1,2}$)/, '.').replace(/,/g, '')) * scale);
}

/** Parses "51-200 employees", "10,001+ employees", "1K-5K employees", "2-10 Mitarbeiter". */
export function parseSizeBand(text: string): Range | undefined {
  // A K or M must stand alone: "10 Mitarbeiter" is ten, not ten million.
  const band =
    /(?<!\d)(?<!\d[.,])(\d(?:[.,]?\d)*[.,]?)\s*(?:([KkMm])(?![a-z])\s*)?[-–]\s*(\d[\d.,]*)(?:\s*([KkMm])(?![a-z]))?/.exec(
      text,
    );
  if (band) {
    const max = bandNumber(band[3], band[4]);
    const min = bandNumber(band[1], band[2]);
    return Number.isFinite(min) && Number.isFinite(max) && min <= max ? { min, max } : undefined;
  }
  const open = /(?<!\d)(?<!\d[.,])(\d(?:[.,]?\d)*[.,]?)\s*(?:([KkMm])(?![a-z])\s*)?\+/.exec(text);
  if (open) {
    const min = bandNumber(open[1], open[2]);
    return Number.isFinite(min) ? { min, max: null } : undefined;
  }
  return undefined;
}

/**
 * A head count as a range: a band ("1,001-5,000") as written, a single figure ("221,000 (2023)") as
 * min = max. Parenthesised notes are dropped first, so a year range "(2019–2020)" is not read as a band.
 */
export function parseHeadcount(text: string): Range | undefined {
  const bare = dropParenthesised(text);
  const band = parseSizeBand(bare);
  if (band) return band;
  const count = parseCount(bare);
  return Number.isFinite(count) && count > 0 ? { min: count, max: count } : undefined;
}
