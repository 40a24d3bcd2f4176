/**
 * `npx tsx scripts/snapshot-release.ts`: writes test/fixtures/db/release-<version>.json, the data a release
 * leaves behind (its database schema and records, and its storage keys), made by the release's own code from
 * the bundled sample pages. Run it when tagging a release; the upgrade test (test/unit/upgrade.test.ts) opens
 * every snapshot with the current code, so a later release proves it keeps what this one saved.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rememberPage } from '../lib/db/company-memory';
import { IcpLensDb } from '../lib/db/index';
import { allProspects, saveProspect, updateProspect } from '../lib/db/prospects';
import { rescoreChunk, startRescore } from '../lib/db/rescore';
import { mergeCandidates } from '../lib/extract/merge';
import { DEFAULT_ICP, scoreCompany } from '../lib/icp';
import { loadFixture, readPage, SAMPLES } from '../test/helpers/dom';
import { machineryIcp } from '../test/helpers/icps';
import { ROOT } from './lib/browser';

const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
const db = new IcpLensDb(`snapshot-${version}`, { indexedDB, IDBKeyRange });
const at = Date.parse('2026-11-23T12:00:00Z');

for (const [i, { file, url }] of SAMPLES.entries()) {
  const page = readPage(loadFixture(`samples/${file}`, url), url);
  const facts = mergeCandidates(page);
  await rememberPage(db, {
    url,
    domain: facts.domain?.value ?? null,
    linkedinSlug: facts.linkedinUrl?.value.split('/company/')[1] ?? null,
    title: page.title,
    pageRole: page.pageRole,
    facts,
    seenAt: at + i,
  });
  if (!facts.domain && !facts.linkedinUrl) continue;
  const { prospect } = await saveProspect(
    db,
    { facts, result: scoreCompany(facts, DEFAULT_ICP), icp: DEFAULT_ICP, sourceUrls: [url] },
    at + i,
  );
  await updateProspect(
    db,
    prospect.id as number,
    { status: 'researching', notes: `Note ${i}`, tags: ['q4'] },
    at + i,
  );
}
// A re-score to another ICP version, so that tier histories hold a change.
const machinery = machineryIcp(2, DEFAULT_ICP.name);
let progress = await startRescore(db, machinery, at + 100);
while (progress.finishedAt === null) progress = await rescoreChunk(db, machinery, progress, 5000, at + 100);

const snapshot = {
  release: version,
  database: {
    name: 'icp-lens',
    version: db.verno,
    // The schema of this version, so the test can create the database as this release did.
    stores: Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', '),
      ]),
    ),
    tables: Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]))),
  },
  // Every prospect whole, as this release's own code reads it back: what a later release must still read.
  prospects: await allProspects(db),
  // The extension storage as this release writes it (lib/settings): the rep's ICP, privacy choices, the
  // finished re-score, a team address.
  storage: {
    sync: { icp: machinery },
    local: {
      memoryDays: 45,
      rememberIncognito: true,
      pausedSites: ['paused.example.com'],
      rescore: progress,
      teamIcpUrl: 'https://icp.example.com/team.json',
    },
  },
};
const out = path.join(ROOT, `test/fixtures/db/release-${version}.json`);
writeFileSync(out, `${JSON.stringify(snapshot, null, 2)}\n`);
console.log(`${path.relative(ROOT, out)}: ${snapshot.prospects.length} prospects`);
