/**
 * Fuzzing of every parser of outside input, with property-based tests (fast-check): ICP files and team-URL
 * responses (JSON text → `parseIcp`), backup files (`restoreBackup`, checked against the database after),
 * JSON-LD (`parseJsonLd`, `readJsonLdDocuments`, `extractOrganization`), whole pages (`readPageInputs` and what
 * the background reads from them, on random HTML in jsdom), extension messages (`createMessageListener`) and CRM
 * accounts files (`decodeCsv` then `importAccounts`, the calibration import).
 *
 * Every property runs FUZZ_RUNS cases (500 unless the FUZZ_RUNS environment variable says more); the totals
 * are printed at the end and listed in docs/SECURITY.md ("Fuzzing"). A failing case is printed by fast-check
 * with its seed, so it can be replayed.
 */
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { importAccounts } from '@/lib/calibrate/import';
import { CsvFileError, decodeCsv } from '@/lib/calibrate/parse';
import { ImportedAccountSchema, RejectedRowSchema } from '@/lib/calibrate/schema';
import { createBackup, restoreBackup } from '@/lib/db/backup';
import { IcpLensDb } from '@/lib/db/index';
import { allProspects, saveProspect } from '@/lib/db/prospects';
import { type Prospect, ProspectSchema } from '@/lib/db/schema';
import { hubspotCsv, salesforceCsv } from '@/lib/export/csv';
import { readersFor } from '@/lib/extract/all-readers';
import { extractOrganization, parseJsonLd, readJsonLdDocuments } from '@/lib/extract/jsonld';
import { readPageInputs } from '@/lib/extract/page';
import { type CompanyFacts, PageExtractSchema, PageInputsSchema } from '@/lib/extract/schema';
import { DEFAULT_ICP, IcpSchema, parseIcp, scoreCompany } from '@/lib/icp';
import { IcpVersionError, migrateIcp } from '@/lib/icp/migrate';
import { createMessageListener, protocol } from '@/lib/messaging';
import type { TeamSyncState } from '@/lib/settings/precedence';
import { syncTeamIcp } from '@/lib/team-sync';
import { parseHtml, readPage } from '../helpers/dom';
import { fact } from '../helpers/facts';

/** Cases per property; raise with `FUZZ_RUNS=20000 npx vitest run test/unit/fuzz.test.ts`. */
const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 500);
/** jsdom parses a whole page per case: a fifth of the runs (100 by default). */
const PAGE_RUNS = Math.max(1, Math.round(FUZZ_RUNS / 5));

// Hundreds of cases per property take seconds, more with FUZZ_RUNS raised.
vi.setConfig({ testTimeout: 60_000 + FUZZ_RUNS * 200 });

const ran = new Map<string, number>();
/** Runs a property and counts its cases for the summary printed at the end. */
/** Runs a property `numRuns` times, `examples` (cases that must always be among them) first. */
function check<Ts extends unknown[]>(
  name: string,
  property: fc.IProperty<Ts>,
  numRuns: number,
  examples: Ts[] = [],
) {
  fc.assert(property, { numRuns, examples });
  ran.set(name, numRuns);
}
async function checkAsync<Ts extends unknown[]>(
  name: string,
  property: fc.IAsyncProperty<Ts>,
  numRuns: number,
) {
  await fc.assert(property, { numRuns });
  ran.set(name, numRuns);
}
afterAll(() => {
  const total = [...ran.values()].reduce((a, b) => a + b, 0);
  console.info(
    [
      `Fuzzing: ${total} cases over ${ran.size} properties (FUZZ_RUNS=${FUZZ_RUNS})`,
      ...[...ran].map(([name, n]) => `  ${String(n).padStart(6)}  ${name}`),
    ].join('\n'),
  );
});

/** Keys that pollute `Object.prototype` when code merges untrusted objects carelessly. */
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const OBJECT_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();
const ARRAY_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Array.prototype).sort().join();
/** True while nothing has been added to `Object.prototype` or `Array.prototype`. */
function prototypesClean(): boolean {
  return (
    Object.getOwnPropertyNames(Object.prototype).sort().join() === OBJECT_PROTOTYPE_KEYS &&
    Object.getOwnPropertyNames(Array.prototype).sort().join() === ARRAY_PROTOTYPE_KEYS &&
    ({} as Record<string, unknown>).polluted === undefined
  );
}

/** JSON values whose object keys are often the polluting ones. */
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    ),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...POLLUTING_KEYS, '@type', '@id', '@graph', 'name', 'address'), fc.string()),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

/** Writes a value as JSON text in which `__proto__` stays an ordinary key, the way a file or a page carries it. */
const asJsonText = (value: unknown) => JSON.stringify(value);

/** A path into a document and a replacement: the mutation of a valid file. */
function mutate(doc: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof doc !== 'object' || doc === null) return replacement;
  const keys = Object.keys(doc);
  if (keys.length === 0) return replacement;
  const key = keys[(path[0] ?? 0) % keys.length] as string;
  const copy = (Array.isArray(doc) ? [...doc] : { ...doc }) as Record<string, unknown>;
  copy[key] = mutate((doc as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}
const mutation = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), hostileJson);

describe('ICP import and team-URL responses (JSON text → parseIcp)', () => {
  it(`never throws on random text, and names every problem with its path (${FUZZ_RUNS} cases)`, () => {
    check(
      'parseIcp: random JSON text and non-JSON text',
      fc.property(fc.oneof(fc.json(), fc.string(), fc.string({ unit: 'binary' })), (text) => {
        let doc: unknown;
        try {
          doc = JSON.parse(text);
        } catch {
          return; // What the caller reports as "not JSON" before the schema is asked.
        }
        const result = parseIcp(doc);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) expect(p).toMatch(/^[^\n]+: \S/);
        }
      }),
      FUZZ_RUNS,
    );
  });

  it(`never throws on a valid ICP with any one value replaced anywhere, and what it accepts is valid (${FUZZ_RUNS} cases)`, () => {
    check(
      'parseIcp: valid ICP mutated at a random path (JSON text)',
      fc.property(mutation, ([path, replacement]) => {
        const doc = JSON.parse(asJsonText(mutate(DEFAULT_ICP, path, replacement)));
        const result = parseIcp(doc);
        if (result.ok) {
          // Accepted means valid, and parsing what was accepted changes nothing.
          expect(IcpSchema.safeParse(result.icp).success).toBe(true);
          expect(parseIcp(JSON.parse(JSON.stringify(result.icp)))).toEqual(result);
        } else for (const p of result.problems) expect(p).toMatch(/^[^\n]+: \S/);
        expect(prototypesClean()).toBe(true);
      }),
      FUZZ_RUNS,
    );
  });

  it(`rejects prototype-pollution keys anywhere in an ICP file without polluting anything (${FUZZ_RUNS} cases)`, () => {
    check(
      'parseIcp: __proto__/constructor/prototype keys at a random path',
      fc.property(
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.constantFrom(...POLLUTING_KEYS),
        hostileJson,
        (path, key, value) => {
          const target = mutate(DEFAULT_ICP, [...path, 0], '§') as Record<string, unknown>;
          const text = asJsonText(target).replace(
            '"§"',
            () => `{${JSON.stringify(key)}: ${asJsonText(value)}}`,
          );
          const result = parseIcp(JSON.parse(text));
          expect(prototypesClean()).toBe(true);
          // Every object in the schema is strict: an unexpected key is a problem, never silently dropped.
          if (result.ok) expect(JSON.stringify(result.icp)).not.toContain(`"${key}"`);
        },
      ),
      FUZZ_RUNS,
    );
  });

  it(`migrateIcp throws nothing but a version error, whatever the document (${FUZZ_RUNS} cases)`, () => {
    check(
      'migrateIcp: random documents and schemaVersion values',
      fc.property(hostileJson, hostileJson, (doc, schemaVersion) => {
        for (const input of [doc, { ...DEFAULT_ICP, schemaVersion }]) {
          try {
            migrateIcp(input);
          } catch (error) {
            expect(error).toBeInstanceOf(IcpVersionError);
            expect(parseIcp(input)).toMatchObject({ ok: false });
          }
        }
      }),
      FUZZ_RUNS,
    );
  });
});

/** A real list to restore into: three saved companies. */
async function seededDb(): Promise<{ db: IcpLensDb; before: Prospect[] }> {
  const db = new IcpLensDb(`fuzz-${Math.random()}`);
  for (const [i, domain] of ['a.com', 'b.com', 'c.com'].entries()) {
    const facts: CompanyFacts = { name: fact(domain), domain: fact(domain), industry: fact('Software') };
    await saveProspect(
      db,
      {
        facts,
        result: scoreCompany(facts, DEFAULT_ICP),
        icp: DEFAULT_ICP,
        sourceUrls: [`https://${domain}/`],
      },
      i + 1,
    );
  }
  return { db, before: await allProspects(db) };
}

describe('team ICP file responses (syncTeamIcp)', () => {
  const URL_ = 'https://ops.acme.test/icp.json';
  const NOW = Date.UTC(2026, 10, 23, 12);
  const previous: TeamSyncState = {
    url: URL_,
    icp: { ...DEFAULT_ICP, version: 3 },
    icpUrl: URL_,
    icpSetBy: null,
    etag: '"v3"',
    lastModified: null,
    fetchedAt: NOW - 3_600_000,
    checkedAt: NOW - 3_600_000,
    error: null,
  };
  /** What a compromised or broken server can answer: any status, headers, final address and body. */
  const response = fc.record({
    status: fc.constantFrom(200, 200, 200, 201, 204, 301, 304, 403, 404, 500),
    body: fc.oneof(
      fc.string(),
      fc.json(),
      hostileJson.map(asJsonText),
      mutation.map(([path, value]) => asJsonText(mutate({ ...DEFAULT_ICP, version: 4 }, path, value))),
      fc.nat({ max: 10 }).map((v) => asJsonText({ ...DEFAULT_ICP, version: v, name: `Team v${v}` })),
      fc.constant('x'.repeat(600 * 1024)),
    ),
    contentLength: fc.option(fc.oneof(fc.nat(), fc.constantFrom('-1', 'abc', '1e9'))),
    etag: fc.option(fc.string({ maxLength: 40 })),
    finalUrl: fc.constantFrom(URL_, 'https://ops.acme.test/moved.json', 'https://evil.example/icp.json', ''),
  });

  it(`never throws, keeps the last good ICP on every failure, and only ever holds a valid ICP (${FUZZ_RUNS} cases)`, async () => {
    let accepted = 0;
    let refused = 0;
    await checkAsync(
      'syncTeamIcp: random server answers (status, headers, final address, body)',
      fc.asyncProperty(response, async (r) => {
        const fetch = (async () => {
          const headers = new Headers();
          if (r.contentLength !== null) headers.set('content-length', String(r.contentLength));
          if (r.etag !== null) headers.set('etag', r.etag.replace(/[^\x20-\x7e]/g, ''));
          const bodyless = [204, 304].includes(r.status);
          const answer = new Response(bodyless ? null : r.body, { status: r.status, headers });
          Object.defineProperty(answer, 'url', { value: r.finalUrl });
          return answer;
        }) as unknown as typeof globalThis.fetch;
        const state = await syncTeamIcp(URL_, previous, { fetch, now: () => NOW });
        expect(state.url).toBe(URL_);
        const held = parseIcp(state.icp);
        expect(held.ok).toBe(true);
        if (state.error) {
          refused++;
          expect(state.icp).toEqual(previous.icp);
          expect(state.error.message.length).toBeGreaterThan(0);
        } else {
          accepted++;
          if (held.ok) expect(held.icp.version).toBeGreaterThanOrEqual(3);
          // Never a file from another address than the one set: a redirect, even within the origin, is refused.
          expect(['', URL_]).toContain(r.finalUrl);
        }
        expect(prototypesClean()).toBe(true);
      }),
      FUZZ_RUNS,
    );
    // Both ways were taken: the answers reached the ICP checks, not only the transport's.
    if (FUZZ_RUNS >= 100) expect([accepted > 0, refused > 0]).toEqual([true, true]);
  });
});

describe('backup restore', () => {
  let template: unknown;
  beforeEach(async () => {
    const { db } = await seededDb();
    template = JSON.parse(JSON.stringify(await createBackup(db, 10)));
    db.close();
  });

  it(`a mutated backup file is restored validly or refused whole with a clear message; nothing is deleted (${FUZZ_RUNS} cases)`, async () => {
    await checkAsync(
      'restoreBackup: valid backup mutated at a random path, DB checked after',
      fc.asyncProperty(mutation, fc.boolean(), async ([path, replacement], addNew) => {
        const { db, before } = await seededDb();
        const file = template as { prospects: unknown[] };
        // Sometimes a new company rides along first, so a refused file would have had something to write.
        const withNew = addNew
          ? {
              ...file,
              prospects: [{ ...(file.prospects[0] as object), domain: 'new.com' }, ...file.prospects],
            }
          : file;
        const input = JSON.parse(asJsonText(mutate(withNew, path, replacement)));
        let report: Awaited<ReturnType<typeof restoreBackup>> | undefined;
        try {
          report = await restoreBackup(db, input);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          // A version mutated to a later one reads as a newer ICP Lens's backup, refused as such.
          expect((error as Error).message).toMatch(
            /^(Not an ICP Lens backup: \S|This backup was made by a newer version of ICP Lens )/,
          );
        }
        const after = await allProspects(db);
        if (!report)
          expect(after).toEqual(before); // Refused: not half-written.
        else {
          expect(report.added + report.updated + report.unchanged).toBe(
            (input as { prospects: unknown[] }).prospects.length,
          );
          for (const p of before) expect(after.some((a) => a.id === p.id)).toBe(true); // Never deletes.
          for (const p of after) expect(ProspectSchema.safeParse(p).success).toBe(true);
        }
        expect(prototypesClean()).toBe(true);
        db.close();
      }),
      FUZZ_RUNS,
    );
  });

  it(`random documents are refused with a clear message, writing nothing (${FUZZ_RUNS} cases)`, async () => {
    const { db, before } = await seededDb();
    await checkAsync(
      'restoreBackup: random JSON documents',
      fc.asyncProperty(
        fc.oneof(
          hostileJson,
          fc.record({
            format: fc.constant('icp-lens-backup'),
            version: fc.constant(1),
            prospects: hostileJson,
          }),
        ),
        async (input) => {
          await expect(restoreBackup(db, JSON.parse(asJsonText(input)) ?? input)).rejects.toThrow(
            /^Not an ICP Lens backup: \S/,
          );
          expect(await allProspects(db)).toEqual(before);
        },
      ),
      FUZZ_RUNS,
    );
    db.close();
  });
});

describe('JSON-LD', () => {
  it(`parseJsonLd never throws on any text, and reads back any JSON it is given (${FUZZ_RUNS} cases)`, () => {
    check(
      'parseJsonLd: random text, and JSON round trip',
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()),
        hostileJson,
        (text, value) => {
          expect(() => parseJsonLd(text)).not.toThrow();
          const json = asJsonText(value);
          if (json !== undefined) expect(parseJsonLd(json)).toEqual(JSON.parse(json));
          expect(prototypesClean()).toBe(true);
        },
      ),
      FUZZ_RUNS,
    );
  });

  it(`extractOrganization stays bounded on random trees with polluting keys, deep nesting and huge arrays (${FUZZ_RUNS} cases)`, () => {
    const orgWith = (value: unknown) => ({ '@type': 'Organization', name: 'Acme', ...(value as object) });
    check(
      'extractOrganization: random trees, deep nesting, huge arrays, polluting keys',
      fc.property(
        hostileJson,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        (tree, depth, width) => {
          let deep: unknown = orgWith({});
          for (let i = 0; i < depth; i++) deep = i % 2 ? [deep] : { '@graph': deep, x: { y: deep } };
          const huge = Array.from({ length: width }, (_, i) => (i % 3 ? i : orgWith({ name: `n${i}` })));
          const docs = [JSON.parse(asJsonText(orgWith(tree))), JSON.parse(asJsonText(tree)), deep, huge];
          const out = extractOrganization(docs, new URL('https://acme.com/about'), true, 'jsonld');
          expect(out.length).toBeLessThanOrEqual(30);
          for (const c of out) expect(JSON.stringify(c).length).toBeLessThan(20_000);
          expect(prototypesClean()).toBe(true);
        },
      ),
      FUZZ_RUNS,
    );
  });

  it(`readJsonLdDocuments reads at most 40 blocks of any content from a page (${PAGE_RUNS} cases)`, () => {
    check(
      'readJsonLdDocuments: random script blocks in a jsdom page',
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.json(), hostileJson.map(asJsonText)), { maxLength: 60 }),
        (blocks) => {
          const html = blocks
            .map((b) => `<script type="application/ld+json">${String(b).replaceAll('</', '<\\/')}</script>`)
            .join('');
          const docs = readJsonLdDocuments(
            parseHtml(`<html><head>${html}</head></html>`, 'https://acme.com/'),
          );
          expect(docs.length).toBeLessThanOrEqual(Math.min(40, blocks.length));
          expect(prototypesClean()).toBe(true);
        },
      ),
      PAGE_RUNS,
    );
  });
});

/** Random markup: real tags and attributes the readers look at, with random text and JSON-LD inside. */
const htmlFragment = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string().map((s) => s.replace(/[<&]/g, ' ')),
    fc.string(),
    fc
      .tuple(
        fc.constantFrom(
          'div',
          'p',
          'a',
          'span',
          'h1',
          'footer',
          'address',
          'dl',
          'dd',
          'dt',
          'li',
          'table',
          'td',
          'section',
          'main',
          'nav',
        ),
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'href',
              'itemprop',
              'itemscope',
              'itemtype',
              'property',
              'typeof',
              'content',
              'class',
              'id',
              'lang',
            ),
            fc.string({ maxLength: 40 }),
          ),
          { maxLength: 3 },
        ),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, attrs, children]) => {
        const a = attrs.map(([k, v]) => ` ${k}="${v.replaceAll('"', '&quot;')}"`).join('');
        return `<${tag}${a}>${children.join('')}</${tag}>`;
      }),
    hostileJson.map(
      (v) => `<script type="application/ld+json">${asJsonText(v).replaceAll('</', '<\\/')}</script>`,
    ),
    fc
      .tuple(
        fc.constantFrom('og:site_name', 'description', 'og:title', 'twitter:site', 'author'),
        fc.string(),
      )
      .map(
        ([name, content]) =>
          `<meta property="${name}" name="${name}" content="${content.replaceAll('"', '&quot;')}">`,
      ),
  ),
})).node;

describe('page extractor', () => {
  it(`the page's inputs and their extract never throw on random HTML and always fit their schemas (${PAGE_RUNS} cases)`, () => {
    check(
      'readPageInputs + interpretPage: random HTML in jsdom, on a company site and on LinkedIn',
      fc.property(
        fc.array(htmlFragment, { maxLength: 12 }),
        fc.constantFrom(
          'https://www.acme-robotics.com/about',
          'https://www.linkedin.com/company/acme',
          'https://en.wikipedia.org/wiki/Acme',
        ),
        fc.string({ maxLength: 200 }),
        (fragments, url, title) => {
          const html = `<!doctype html><html><head><title>${title.replace(/</g, ' ')}</title></head><body>${fragments.join('')}</body></html>`;
          const doc = parseHtml(html, url);
          // What the page sends, through JSON as a message carries it, fits the message schema ...
          const sent = JSON.parse(
            JSON.stringify(readPageInputs(doc, url, readersFor(new URL(url).hostname))),
          );
          const message = PageInputsSchema.safeParse(sent);
          expect(message.success ? [] : message.error.issues.slice(0, 3)).toEqual([]);
          // ... and so does what the background stores.
          const checked = PageExtractSchema.safeParse(readPage(doc, url));
          expect(checked.success ? [] : checked.error.issues.slice(0, 3)).toEqual([]);
          expect(prototypesClean()).toBe(true);
        },
      ),
      PAGE_RUNS,
    );
  });
});

describe('extension messages', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  const called: string[] = [];
  const handlers = Object.fromEntries(
    Object.keys(protocol).map((type) => [
      type,
      async () => {
        called.push(type);
        return null;
      },
    ]),
  );
  const listener = createMessageListener(handlers, ID, ORIGIN);

  it(`drops every message that is malformed, unknown or from a foreign sender, never throwing (${FUZZ_RUNS} cases)`, () => {
    const type = fc.oneof(
      fc.constantFrom(...Object.keys(protocol), ...POLLUTING_KEYS, 'toString', 'hasOwnProperty', 'valueOf'),
      fc.string(),
    );
    const sender = fc.record(
      {
        id: fc.oneof(fc.constant(ID), fc.string()),
        tabId: fc.integer(),
        url: fc.oneof(fc.constant(`${ORIGIN}sidepanel.html`), fc.webUrl(), fc.string()),
        frameId: fc.integer({ min: -1, max: 3 }),
        documentLifecycle: fc.constantFrom('active', 'prerender', 'cached', 'pending_deletion'),
      },
      { requiredKeys: [] },
    );
    // Every dropped message is logged with a warning; thousands of them are noise here.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    check(
      'createMessageListener: random envelopes and senders',
      fc.property(fc.oneof(hostileJson, fc.record({ type, payload: hostileJson })), sender, (raw, from) => {
        called.length = 0;
        const answer = listener(JSON.parse(asJsonText(raw) ?? 'null'), from);
        if (called.length > 0) {
          // Accepted: a real message type, from this extension, with a payload its schema accepts.
          const { type: t, payload } = raw as { type: keyof typeof protocol; payload: unknown };
          expect(Object.hasOwn(protocol, t)).toBe(true);
          expect(from.id).toBe(ID);
          expect(protocol[t].request.safeParse(payload).success).toBe(true);
          // A content script's: from the top frame of a page shown in a tab, about a page of its origin.
          if (protocol[t].from === 'content') {
            expect(from.tabId).toBeDefined();
            expect(from.frameId).toBe(0);
            expect(from.documentLifecycle).not.toBe('prerender');
            if (from.url !== undefined)
              expect(new URL(from.url).origin).toBe(new URL((payload as { url: string }).url).origin);
          }
        } else expect(answer).toBeUndefined();
      }),
      FUZZ_RUNS,
    );
  });
});

describe('CSV export of page-derived text', () => {
  it(`no cell of either CSV starts a spreadsheet formula, whatever the page said (${FUZZ_RUNS} cases)`, async () => {
    const { db } = await seededDb();
    const [base] = await allProspects(db);
    db.close();
    const Papa = (await import('papaparse')).default;
    check(
      'hubspotCsv/salesforceCsv: random names, tags, notes, cities',
      fc.property(
        fc.string(),
        fc.array(fc.string({ maxLength: 60 }), { maxLength: 3 }),
        fc.string(),
        (text, tags, notes) => {
          const p = {
            ...(base as Prospect),
            name: text,
            tags,
            notes,
            facts: { ...(base as Prospect).facts, hqCity: fact(text), description: fact(text) },
          };
          for (const csv of [hubspotCsv([p]), salesforceCsv([p])]) {
            // Read as written, and as a spreadsheet splitting on semicolons (Excel in German) reads it.
            for (const delimiter of [',', ';']) {
              const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true, delimiter }).data;
              for (const cell of rows.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
            }
          }
        },
      ),
      FUZZ_RUNS,
    );
  });
});

describe('CRM accounts files (calibration import)', () => {
  /** Headers a CRM export has, the field names themselves, and junk. */
  const header = fc.oneof(
    fc.constantFrom(
      'Company name',
      'Company Domain Name',
      'Website',
      'Industry',
      'Number of Employees',
      'Annual Revenue',
      'Country/Region',
      'Technologies',
      'Deal Stage',
      'Amount',
      'domain',
      'outcome',
      ...POLLUTING_KEYS,
    ),
    fc.string({ maxLength: 20 }),
  );
  /** Cells as exports have them, and as a hostile file would: quotes, delimiters, line breaks, formulas. */
  const cell = fc.oneof(
    fc.constantFrom(
      'acme.com',
      'https://www.acme.co.uk/about',
      'Closed Won',
      'closedlost',
      'open',
      '1,200',
      '201-500',
      '$20M',
      '€1.5 Mrd',
      'Germany',
      'DE',
      'Salesforce;HubSpot',
      '=HYPERLINK("http://x")',
      '"quoted, with comma"',
      '',
      ...POLLUTING_KEYS,
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: fc.constantFrom('a', ',', ';', '\t', '"', '\n', '\r', '|', ' ', '9'), maxLength: 30 }),
  );
  /** Rows: mostly a company and an outcome first (under the Website and Deal Stage headers), then anything. */
  const row = fc.oneof(
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.oneof(fc.constantFrom('acme.com', 'https://www.beta.co.uk/about', 'gamma.io'), cell),
          fc.oneof(fc.constantFrom('Closed Won', 'closedlost', 'open', 'Appointment scheduled'), cell),
          fc.array(cell, { maxLength: 10 }),
        )
        .map(([domain, outcome, rest]) => [domain, outcome, ...rest]),
    },
    { weight: 1, arbitrary: fc.array(cell, { maxLength: 12 }) },
  );
  const csvText = fc
    .tuple(
      // Mostly with the columns an import needs (a company and an outcome), so that rows get read; else anything.
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc.array(header, { maxLength: 8 }).map((h) => ['Website', 'Deal Stage', ...h]),
        },
        { weight: 1, arbitrary: fc.array(header, { minLength: 1, maxLength: 10 }) },
      ),
      fc.array(row, { maxLength: 25 }),
      fc.constantFrom(',', ';', '\t', '|'),
      fc.constantFrom('\n', '\r\n'),
    )
    .map(([headers, rows, delimiter, eol]) =>
      [headers, ...rows].map((cells) => cells.join(delimiter)).join(eol),
    );

  it(`a random accounts file is read into valid accounts and rejected rows by line, or refused with a clear message (${FUZZ_RUNS} cases)`, () => {
    let read = 0;
    let accounts = 0;
    check(
      'importAccounts: random CSV text and random bytes',
      fc.property(
        fc.oneof(
          csvText,
          fc.uint8Array({ maxLength: 2000 }).map((bytes) => decodeCsv(bytes).text),
        ),
        (text) => {
          let result: ReturnType<typeof importAccounts>;
          try {
            result = importAccounts(text);
          } catch (error) {
            expect(error).toBeInstanceOf(CsvFileError);
            expect((error as Error).message.length).toBeGreaterThan(10);
            return prototypesClean();
          }
          read++;
          accounts += result.accounts.length;
          const lines = text.split(/\r\n|\r|\n/).length;
          for (const account of result.accounts) {
            expect(ImportedAccountSchema.safeParse(account).success).toBe(true);
            expect(account.line).toBeLessThanOrEqual(lines);
          }
          for (const row of result.rejected) {
            expect(RejectedRowSchema.safeParse(row).success).toBe(true);
            expect(row.line).toBeLessThanOrEqual(lines + 1);
            expect(row.reason.length).toBeGreaterThan(0);
          }
          // A row read without a cell is an imported account, with what that cell said.
          const imported = new Set(result.accounts.map((a) => a.line));
          for (const row of result.partlyRead) {
            expect(imported.has(row.line)).toBe(true);
            expect(row.reason.length).toBeGreaterThan(0);
          }
          expect(result.accounts.length).toBeLessThanOrEqual(result.table.rows.length);
          return prototypesClean();
        },
      ),
      FUZZ_RUNS,
      // Random rows make an account in about one file of a hundred: so that every run has one, whatever the
      // seed, a file that is read into accounts is always among the cases.
      [['Website,Deal Stage\nacme.com,Closed Won\ngamma.io,closedlost\n']],
    );
    // The generator reaches every answer: files refused, files read, and accounts taken from them.
    if (FUZZ_RUNS >= 100) expect([read > 0, read < FUZZ_RUNS, accounts > 0]).toEqual([true, true, true]);
  });
});
