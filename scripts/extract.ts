/**
 * `npm run -s extract -- --manifest pages.jsonl --pages DIR --out facts.jsonl`
 *
 * Runs the built extension in headless Chromium over saved pages, serving each file at its `url`, and writes
 * one line per page in the corpus's "facts output format" (see docs/EXTRACTION.md, "The facts output format").
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toOutputFacts } from '../lib/extract/output-format';
import { launchWithExtension, servePages } from './lib/browser';
import { buildIfNeeded, userPath } from './lib/cli';
import { extractAll } from './lib/extract-run';
import { readManifest } from './lib/manifest';

const USAGE = `Usage: npm run -s extract -- --manifest <pages.jsonl> --pages <dir> --out <facts.jsonl> [--concurrency N]
  --manifest  one JSON line per page: {"file": "<name in --pages>", "url": "<address it was saved from>"}
  --pages     the folder the saved pages are in
  --out       where to write one line of facts per page (docs/EXTRACTION.md, "The facts output format")
  --concurrency  pages read at once (1–16, default 3)
Exit code 1 when a page could not be read (the output still has a line for it, with its error).`;

/** What a path is, for checking the arguments before the browser starts. */
function kindOf(file: string): 'file' | 'folder' | null {
  try {
    return statSync(file).isDirectory() ? 'folder' : 'file';
  } catch {
    return null;
  }
}

/** The arguments, checked: each problem named, with the usage (exit code 2). */
function argumentsOf() {
  let values: { manifest?: string; pages?: string; out?: string; concurrency?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        manifest: { type: 'string' },
        pages: { type: 'string' },
        out: { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const { manifest, pages, out } = values;
  if (!manifest || !pages || !out)
    return usage(
      `Missing ${(['manifest', 'pages', 'out'] as const)
        .filter((k) => !values[k])
        .map((k) => `--${k}`)
        .join(', ')}.`,
    );
  const concurrency = values.concurrency === undefined ? 3 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16)
    return usage(`--concurrency: "${values.concurrency}" is not a whole number from 1 to 16.`);
  return { manifest, pages, out, concurrency };
}

function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

async function main() {
  const values = argumentsOf();
  const manifestPath = userPath(values.manifest);
  const pagesDir = userPath(values.pages);
  const outPath = userPath(values.out);
  // Every argument checked before the browser starts, so that a run never ends in a message about the last one.
  const manifestKind = kindOf(manifestPath);
  if (manifestKind !== 'file')
    throw new Error(
      `--manifest ${values.manifest}: ${manifestKind ? 'is a folder, not a file' : 'no such file'}`,
    );
  const pagesKind = kindOf(pagesDir);
  if (pagesKind !== 'folder')
    throw new Error(`--pages ${values.pages}: ${pagesKind ? 'is a file, not a folder' : 'no such folder'}`);
  if (kindOf(path.dirname(outPath)) !== 'folder')
    throw new Error(`--out ${values.out}: no folder ${path.dirname(outPath)} to write it in`);
  if (kindOf(outPath) === 'folder') throw new Error(`--out ${values.out}: is a folder, not a file`);
  const pages = readManifest(readFileSync(manifestPath, 'utf8'), values.manifest, pagesDir);
  // A page the manifest names but the folder lacks is reported like any page that could not be read.
  const present = pages.filter((p) => kindOf(p.path) === 'file');
  const missing = pages
    .filter((p) => kindOf(p.path) !== 'file')
    .map((page) => ({ page, extract: null, error: `no such file: ${page.path}` }));

  buildIfNeeded();
  const ext = await launchWithExtension();
  try {
    await servePages(
      ext.context,
      present.map((p) => ({ url: p.url, file: p.path })),
    );
    const read = await extractAll(ext, present, values.concurrency);
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
    writeFileSync(outPath, `${lines.join('\n')}\n`);
    const failed = outcomes.filter((o) => o.error);
    console.error(`Extracted ${outcomes.length - failed.length} of ${outcomes.length} pages → ${outPath}`);
    for (const f of failed) console.error(`  ${f.page.file}: ${f.error}`);
    // Every page is in the output, with its error where it has one; the exit code says whether any has.
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    await ext.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
