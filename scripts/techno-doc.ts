/** `npm run -s techno-doc`: rewrites the generated fingerprint tables in docs/TECHNOLOGIES.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { updateTechnologiesDoc } from '../lib/techno/doc';
import { FINGERPRINTS } from '../lib/techno/fingerprints';
import { ROOT } from './lib/browser';

const file = path.join(ROOT, 'docs/TECHNOLOGIES.md');
writeFileSync(file, updateTechnologiesDoc(readFileSync(file, 'utf8'), FINGERPRINTS));
console.error(`Wrote ${FINGERPRINTS.length} technologies to ${path.relative(process.cwd(), file)}`);
