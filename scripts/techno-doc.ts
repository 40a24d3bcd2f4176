/** `npm run -s techno-doc`: rewrites the generated fingerprint tables in docs/TECHNOLOGIES.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { updateTechnologiesDoc } from '../lib/techno/doc';
import { FINGERPRINTS } from '../lib/techno/fingerprints';
import { ROOT } from './lib/browser';

const USAGE = `Usage: npm run -s techno-doc
Rewrites the generated fingerprint tables of docs/TECHNOLOGIES.md from lib/techno/fingerprints.ts; the rest
of the file is kept as it is.`;

// Checked before anything is written: `--help` (or a typo) must not rewrite the doc.
try {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const file = path.join(ROOT, 'docs/TECHNOLOGIES.md');
writeFileSync(file, updateTechnologiesDoc(readFileSync(file, 'utf8'), FINGERPRINTS));
console.error(`Wrote ${FINGERPRINTS.length} technologies to ${path.relative(process.cwd(), file)}`);
