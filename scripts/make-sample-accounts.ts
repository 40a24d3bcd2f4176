/**
 * Writes the sample accounts CSV for the calibration demo and tests:
 *   npx tsx scripts/make-sample-accounts.ts [--count N] [--seed S] [--out FILE]
 * Default: 1,500 accounts, seed 8, test/fixtures/accounts/sample-accounts.csv. Deterministic.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/browser';
import { makeSampleAccountsCsv } from './lib/sample-accounts';

const { values } = parseArgs({
  options: { count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
});
const out = values.out ?? path.join(ROOT, 'test/fixtures/accounts/sample-accounts.csv');
writeFileSync(out, makeSampleAccountsCsv(Number(values.count ?? 1500), Number(values.seed ?? 8)));
console.error(`Wrote ${out}`);
