/** The list a reader gathers its fact candidates in. Pure; safe in the content script. */
import type { FactCandidate } from './schema';
import { snippet } from './text';

/**
 * An empty list of one source's candidates, and how one is added: its evidence cut to a snippet; an empty text
 * or a number that is none (NaN, Infinity) is not added.
 */
export function candidateList(source: FactCandidate['source'], defaultConfidence: number) {
  const out: FactCandidate[] = [];
  const add = (
    field: FactCandidate['field'],
    value: FactCandidate['value'],
    evidence: string,
    confidence = defaultConfidence,
  ) => {
    if (value === '' || (typeof value === 'number' && !Number.isFinite(value))) return;
    out.push({ field, value, source, snippet: snippet(evidence), confidence });
  };
  return { out, add };
}
