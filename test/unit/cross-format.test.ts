/**
 * schema.org writes each of its examples in up to three encodings of the same data. Whichever encoding a
 * site chose, ICP Lens must read the same company from it: this test holds the JSON-LD, microdata and RDFa
 * readers to each other on every example that has two or more encodings (test/fixtures/schemaorg/README.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeCandidates } from '@/lib/extract/merge';
import type { CompanyFactKey } from '@/lib/extract/schema';
import { extractStructuredData } from '@/lib/extract/structured-data';
import { fixturePath, loadFixture } from '../helpers/dom';

const ENCODINGS = ['microdata', 'rdfa', 'jsonld'] as const;
type Encoding = (typeof ENCODINGS)[number];

const PAGE = 'https://example.com/';

interface Example {
  example_id: string;
  /** True when the example's main (top-level) entity is an organization. */
  primary_org: boolean;
}

const EXAMPLES: Array<Example & { encodings: Encoding[] }> = readFileSync(
  fixturePath('schemaorg/index.jsonl'),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Example)
  .map((example) => ({
    ...example,
    encodings: ENCODINGS.filter((e) => existsSync(fixturePath(`schemaorg/${example.example_id}/${e}.html`))),
  }));

/**
 * Examples whose encodings state different data, checked file by file. Each leaves one encoding out of the
 * comparison (for the fields given, or all), in the modes where the difference shows; the test below
 * fails when an exclusion no longer hides a difference.
 */
const EXCLUSIONS: Array<{
  example: string;
  encoding: Encoding;
  fields?: CompanyFactKey[];
  /** The `ownSite` modes the difference shows in (publishers count only on the company's own site). */
  ownSite: boolean[];
  reason: string;
}> = [
  {
    example: 'eg-0028',
    encoding: 'jsonld',
    ownSite: [true, false],
    reason:
      "The JSON-LD leaves out the job's hiringOrganization (ABC Company Inc.) that microdata and RDFa state.",
  },
  {
    example: 'eg-0192',
    encoding: 'jsonld',
    fields: ['description'],
    ownSite: [true, false],
    reason: 'The JSON-LD description drops the full stop that ends the description in microdata and RDFa.',
  },
  {
    example: 'eg-0221',
    encoding: 'jsonld',
    ownSite: [true],
    reason: 'The JSON-LD leaves out the publisher (IDW, idwpublishing.com) that microdata and RDFa state.',
  },
  {
    example: 'eg-0254',
    encoding: 'rdfa',
    ownSite: [true, false],
    reason:
      'The RDFa writes type="ArchiveOrganization" where RDFa needs typeof, so it states no organization at all.',
  },
  {
    example: 'eg-0262',
    encoding: 'rdfa',
    ownSite: [true, false],
    reason:
      'Two wineries are attractions of equal standing and the first in document order wins; the RDFa lists ' +
      'Bodega Alejandro F. Tinto Pesquera first, microdata and JSON-LD list Bodegas Protos first.',
  },
  {
    example: 'eg-0476',
    encoding: 'jsonld',
    fields: ['name'],
    ownSite: [true],
    reason: 'The publisher is named "Dataliberate" in the microdata but "Data Liberate" in the JSON-LD.',
  },
];

const parsed = new Map<string, Document>();
/** An example's encoding parsed at the example address; the readers never change the page, so once is enough. */
function page(example: string, file: string): Document {
  const path = `schemaorg/${example}/${file}.html`;
  const doc = parsed.get(path) ?? loadFixture(path, PAGE);
  parsed.set(path, doc);
  return doc;
}

type Values = Partial<Record<CompanyFactKey, { value: unknown; alternatives: unknown[] }>>;

/** An encoding's company facts with the evidence stripped: what each field says, and its alternatives. */
function factValues(example: string, encoding: Encoding, ownSite: boolean): Values {
  const candidates = extractStructuredData(page(example, encoding), new URL(PAGE), ownSite);
  const values: Values = {};
  for (const [key, fact] of Object.entries(mergeCandidates({ url: PAGE, candidates }))) {
    values[key as CompanyFactKey] = {
      value: fact.value,
      alternatives: fact.alternatives.map((a) => a.value),
    };
  }
  return values;
}

function exclusionOf(example: string, encoding: Encoding, ownSite: boolean) {
  return EXCLUSIONS.find(
    (x) => x.example === example && x.encoding === encoding && x.ownSite.includes(ownSite),
  );
}

const MULTI = EXAMPLES.filter((e) => e.encodings.length >= 2);

describe('schema.org examples in several encodings', () => {
  it('cover every example with two or more encodings', () => {
    expect(MULTI).toHaveLength(65);
    expect(MULTI.reduce((n, e) => n + e.encodings.length, 0)).toBe(189);
  });

  describe.each([true, false])('on the company own site: %s', (ownSite) => {
    it.each(MULTI.map((e) => [e.example_id, e.encodings] as const))(
      '%s yields the same company facts from %j',
      (example, encodings) => {
        const readings = encodings.flatMap((encoding) => {
          const exclusion = exclusionOf(example, encoding, ownSite);
          if (exclusion && !exclusion.fields) return [];
          const skip = new Set<string>(exclusion?.fields ?? []);
          return [{ encoding, values: factValues(example, encoding, ownSite), skip }];
        });
        for (const [i, a] of readings.entries()) {
          for (const b of readings.slice(i + 1)) {
            const fields = new Set([...Object.keys(a.values), ...Object.keys(b.values)]);
            for (const field of fields as Set<CompanyFactKey>) {
              if (a.skip.has(field) || b.skip.has(field)) continue;
              expect(b.values[field], `${example} ${field}: ${b.encoding} vs ${a.encoding}`).toEqual(
                a.values[field],
              );
            }
          }
        }
      },
    );
  });

  it.each(
    EXCLUSIONS.flatMap((x) => x.ownSite.map((ownSite) => [x.example, x.encoding, ownSite, x] as const)),
  )(
    'the exclusion of %s %s (own site: %s) still hides a real difference',
    (example, encoding, ownSite, exclusion) => {
      const entry = MULTI.find((e) => e.example_id === example);
      const excluded = factValues(example, encoding, ownSite);
      const others = (entry?.encodings ?? [])
        .filter((e) => e !== encoding)
        .map((e) => factValues(example, e, ownSite));
      const pick = (values: Values) =>
        exclusion.fields ? exclusion.fields.map((f) => values[f]) : JSON.parse(JSON.stringify(values));
      expect(others.length).toBeGreaterThan(0);
      expect(others.some((values) => JSON.stringify(pick(values)) !== JSON.stringify(pick(excluded)))).toBe(
        true,
      );
    },
  );

  it("reads the organization's name from every encoding of the examples about an organization", () => {
    const about = MULTI.filter((e) => e.primary_org);
    expect(about.length).toBeGreaterThanOrEqual(20);
    for (const { example_id, encodings } of about) {
      for (const encoding of encodings) {
        if (EXCLUSIONS.some((x) => x.example === example_id && x.encoding === encoding && !x.fields))
          continue;
        expect(factValues(example_id, encoding, true).name, `${example_id} ${encoding}`).toBeDefined();
      }
    }
  });

  it('stamps each candidate with the encoding it was read from', () => {
    for (const { example_id, encodings } of MULTI) {
      for (const encoding of encodings) {
        for (const candidate of extractStructuredData(page(example_id, encoding), new URL(PAGE), true))
          expect(candidate.source, `${example_id} ${encoding}`).toBe(encoding);
      }
    }
  });

  it('finds nothing in the plain HTML the examples were marked up from', () => {
    for (const { example_id } of MULTI) {
      expect(extractStructuredData(page(example_id, 'pre-markup'), new URL(PAGE), true), example_id).toEqual(
        [],
      );
    }
  });
});
