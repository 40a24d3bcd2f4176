/**
 * `npm run eval [-- --corpus DIR] [--facts FILE] [--json] [--errors]`
 *
 * Runs the batch extraction (the built extension in headless Chromium) over the corpus pages that have
 * labels, and prints per-field precision and recall, page-role accuracy and the negatives' false positives.
 * `--facts FILE` scores an existing extract output instead of extracting again.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Label, type Output, scoreFacts } from '../lib/eval/score-facts';
import { toOutputFacts } from '../lib/extract/output-format';
import { launchWithExtension, servePages } from './lib/browser';
import { buildIfNeeded, corpusDir, parseJsonLines, userPath } from './lib/cli';
import { extractAll } from './lib/extract-run';

const pct = (x: number | null) => (x === null ? '—' : x.toFixed(3));

const USAGE = `Usage: npm run -s eval -- [--corpus DIR] [--facts FILE] [--json] [--errors]
  --corpus  the corpus folder (else ICP_LENS_CORPUS, else ../shared/corpus); its labels-dev.jsonl is scored
  --facts   score this extract output (npm run -s extract) instead of extracting the labelled pages again
  --json    print the report as one JSON object
  --errors  list every wrong or missed fact, and each technology with the signals it was detected by`;

function options() {
  try {
    return parseArgs({
      options: {
        corpus: { type: 'string' },
        facts: { type: 'string' },
        json: { type: 'boolean' },
        errors: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

async function main() {
  const values = options();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  // Checked first: a mistyped --facts is the user's to fix whatever the corpus.
  const factsPath = values.facts ? userPath(values.facts) : null;
  if (factsPath) {
    const kind = existsSync(factsPath) ? (statSync(factsPath).isDirectory() ? 'folder' : 'file') : null;
    if (kind !== 'file')
      throw new Error(
        `--facts ${values.facts}: ${kind ? 'is a folder, not a file: give the facts file `npm run -s extract -- --out FILE` wrote' : 'no such file'}`,
      );
  }
  const corpus = corpusDir(values.corpus);
  const labelsPath = path.join(corpus, 'labels-dev.jsonl');
  if (!existsSync(labelsPath)) {
    console.error(`No corpus labels at ${labelsPath}. Give --corpus DIR or set ICP_LENS_CORPUS.`);
    process.exit(2);
  }
  const labels = parseJsonLines<Label & { url: string }>(readFileSync(labelsPath, 'utf8'), labelsPath);

  let outputs: Output[];
  if (factsPath) {
    outputs = parseJsonLines<Output>(readFileSync(factsPath, 'utf8'), factsPath);
    // Figures over part of the labelled pages say less than they seem to: name the ones the file lacks.
    const given = new Set(outputs.map((o) => o.file));
    const absent = labels.filter((l) => !given.has(l.file)).map((l) => l.file);
    if (absent.length > 0)
      console.error(
        `--facts ${values.facts} has ${labels.length - absent.length} of the ${labels.length} labelled pages; ` +
          `the figures leave out ${absent.length}: ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? ', …' : ''}`,
      );
  } else {
    buildIfNeeded();
    const pages = labels.map((l) => ({ file: l.file, url: l.url, path: path.join(corpus, 'pages', l.file) }));
    const ext = await launchWithExtension();
    try {
      await servePages(
        ext.context,
        pages.map((p) => ({ url: p.url, file: p.path })),
      );
      const outcomes = await extractAll(ext, pages, 3);
      outputs = outcomes.map((o) => ({ file: o.page.file, facts: toOutputFacts(o.extract) }));
    } finally {
      await ext.close();
    }
  }

  const report = scoreFacts(labels, outputs);
  if (values.json) {
    console.log(JSON.stringify(report));
    return;
  }
  const rows = report.fields.map((f) => [
    f.field,
    String(f.labelled),
    String(f.right),
    String(f.wrong),
    String(f.missed),
    pct(f.precision),
    pct(f.recall),
  ]);
  rows.push(['(all fields)', '', '', '', '', pct(report.overallPrecision), pct(report.overallRecall)]);
  const t = report.technologies;
  rows.push([
    'technologies',
    String(t.right + t.missed),
    String(t.right),
    String(t.wrong),
    String(t.missed),
    pct(t.precision),
    pct(t.recall),
  ]);
  const header = ['field', 'labelled', 'right', 'wrong', 'missed', 'precision', 'recall'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  console.log(`${report.pages} labelled pages in ${corpus}\n`);
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  '),
    );
  console.log(`\npage role: ${report.pageRole.right} of ${report.pageRole.total} right`);
  console.log(`firmographic facts claimed on negative pages: ${report.negativeFalsePositives.length}`);
  for (const fp of report.negativeFalsePositives)
    console.log(`  ${fp.file}: ${fp.field} = ${JSON.stringify(fp.value)}`);
  if (values.errors) {
    console.log('\nwrong and missed facts:');
    for (const e of report.errors)
      console.log(
        `  ${e.kind.padEnd(6)} ${e.file} ${e.field}: got ${JSON.stringify(e.got)}, want ${JSON.stringify(e.want)}`,
      );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
