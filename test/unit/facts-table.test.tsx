import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FactsTable } from '@/components/FactsTable';
import { extractWikipedia } from '@/lib/extract/adapters/wikipedia';
import { mergeCandidates } from '@/lib/extract/merge';
import type { CompanyFacts } from '@/lib/extract/schema';
import { loadFixture } from '../helpers/dom';

/** The facts table of a page's facts, as a document to query. */
function table(facts: CompanyFacts, url: string): Document {
  return new JSDOM(renderToStaticMarkup(<FactsTable facts={facts} currentUrl={url} />)).window.document;
}

const chipOf = (doc: Document, key: string) =>
  doc.querySelector(`[data-testid="evidence-${key}"] summary .chip`)?.textContent;

describe('revenue converted to dollars', () => {
  // A fictional article whose infobox states the revenue in euros: "€1.245 billion".
  const url = 'https://en.wikipedia.org/wiki/Brightwater_Instruments';
  const doc = loadFixture('adapters/wikipedia-brightwater-instruments.html', url);
  const facts = mergeCandidates({ url, candidates: extractWikipedia(doc, new URL(url)) });

  it('says it is converted from the amount the page stated, not that the page stated it', () => {
    expect(facts.revenue?.value.currency).toBe('EUR');
    const shown = table(facts, url);
    expect(chipOf(shown, 'revenue')).toBe('Wikipedia');
    expect(chipOf(shown, 'revenueUsd')).toBe('converted from €1.2B');
  });

  it('gives the rate it was converted at beside the text the revenue was read from', () => {
    const evidence = table(facts, url).querySelector('[data-testid="evidence-revenueUsd"]');
    expect(evidence?.querySelector('p')?.textContent).toBe(
      'Converted from the revenue above at €1 = $1.13, an approximate 2025 average:',
    );
    expect(evidence?.querySelector('q')?.textContent).toBe(facts.revenue?.snippet);
  });

  it('keeps its source where no revenue in another currency was read (a value saved in dollars)', () => {
    const { revenue: _, ...inDollarsOnly } = facts;
    expect(chipOf(table(inDollarsOnly, url), 'revenueUsd')).toBe('Wikipedia');
  });
});
