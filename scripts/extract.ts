/**
 * `npm run -s extract -- --manifest pages.jsonl --pages DIR --out facts.jsonl`
 *
 * Runs the built extension in headless Chromium over saved pages, serving each file at its `url`, and writes
 * one line per page in the corpus's "facts output format" (see docs/EXTRACTION.md, "The facts output format").
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toOutputFacts } from '../lib/extract/output-format';
import { launchWithExtension, servePages } from './lib/browser';
import { buildIfNeeded, parseJsonLines, userPath } from './lib/cli';
import { extractAll } from './lib/extract-run';

const USAGE =
  'Usage: npm run -s extract -- --manifest <pages.jsonl> --pages <dir> --out <facts.jsonl> [--concurrency N]';

async function main() {
  const { values } = parseArgs({
    options: {
      manifest: { type: 'string' },
      pages: { type: 'string' },
      out: { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  if (!values.manifest || !values.pages || !values.out) {
    console.error(USAGE);
    process.exit(2);
  }
  const manifestPath = userPath(values.manifest);
  const pagesDir = userPath(values.pages);
  if (!existsSync(manifestPath)) throw new Error(`${values.manifest}: no such file`);
  if (!existsSync(pagesDir)) throw new Error(`${values.pages}: no such folder`);
  const entries = parseJsonLines<{ file: string; url: string }>(
    readFileSync(manifestPath, 'utf8'),
    manifestPath,
  );
  const pages = entries.map((e, i) => {
    if (typeof e.file !== 'string' || typeof e.url !== 'string')
      throw new Error(`${manifestPath}:${i + 1}: needs "file" and "url"`);
    return { file: e.file, url: e.url, path: path.join(pagesDir, e.file) };
  });
  // A page the manifest names but the folder lacks is reported like any page that could not be read.
  const present = pages.filter((p) => existsSync(p.path));
  const missing = pages
    .filter((p) => !existsSync(p.path))
    .map((page) => ({ page, extract: null, error: `no such file: ${page.path}` }));

  buildIfNeeded();
  const ext = await launchWithExtension();
  try {
    await servePages(
      ext.context,
      present.map((p) => ({ url: p.url, file: p.path })),
    );
    const read = await extractAll(ext, present, Number(values.concurrency) || 3);
    // In the manifest's order.
    const byPage = new Map([...read, ...missing].map((o) => [o.page, o]));
    const outcomes = pages.map((page) => byPage.get(page) as (typeof read)[number]);
    const lines = outcomes.map(({ page, extract, error }) =>
      JSON.stringify({
        file: page.file,
        url: page.url,
        facts: toOutputFacts(extract),
        ms: extract ? Math.round(extract.ms * 100) / 100 : null,
        ...(error ? { error } : {}),
      }),
    );
    writeFileSync(userPath(values.out), `${lines.join('\n')}\n`);
    const failed = outcomes.filter((o) => o.error);
    console.error(
      `Extracted ${outcomes.length - failed.length} of ${outcomes.length} pages → ${userPath(values.out)}`,
    );
    for (const f of failed) console.error(`  ${f.page.file}: ${f.error}`);
  } finally {
    await ext.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
