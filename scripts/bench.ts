/**
 * `npm run bench [-- --corpus DIR] [--out FILE] [--skip-list]`: measures ICP Lens in headless Chromium with the real extension, prints
 * each figure beside its target and writes bench-results.json (`[{name, value, unit, target, better}]`).
 * See docs/PERFORMANCE.md for what each figure means.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { PageExtract } from '../lib/extract/schema';
import { collectorArgs, compileFingerprints, FINGERPRINTS } from '../lib/techno/index';
import {
  CHROME_BUILD,
  type ExtensionBrowser,
  launchWithExtension,
  ROOT,
  servePages,
  waitForReport,
} from './lib/browser';
import { measureCalibrateImport } from './lib/calibrate-bench';
import { buildIfNeeded, corpusDir, optionsOrUsage, parseJsonLines, userPath } from './lib/cli';
import { type ExtractOutcome, extractAll } from './lib/extract-run';
import { measureContentScriptHeap } from './lib/heap-bench';
import { measureList } from './lib/list-bench';
import { measureTeamSync } from './lib/team-sync-bench';

const USAGE = `Usage: npm run -s bench -- [--corpus DIR] [--out FILE] [--skip-list]
  --corpus     the corpus folder whose pages.jsonl is timed (else ICP_LENS_CORPUS, else ../shared/corpus)
  --out        where to write the figures as JSON: [{name, value, unit, target, better}]
               (default bench-results.json; relative to where you run it)
  --skip-list  leave out the prospect list with 100,000 prospects (several minutes), for quick iterations
Builds the extension if needed, measures it in headless Chromium and prints each figure beside its target
(docs/PERFORMANCE.md).`;

/** The options, or the usage (see `optionsOrUsage`). */
const options = () =>
  optionsOrUsage(
    {
      corpus: { type: 'string' },
      out: { type: 'string', default: 'bench-results.json' },
      'skip-list': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );

/** One figure in bench-results.json. */
interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number | null;
  better: 'lower' | 'higher';
}

const round = (n: number, digits = 2) =>
  Math.abs(n) >= 1000 ? Math.round(n) : Math.round(n * 10 ** digits) / 10 ** digits;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

/** How many times the corpus is read for `extract.*` and `techno.*`. */
const PASSES = 3;

/**
 * Figures over the passes of a corpus reading: a page's figure is the median of its loads (pages with none
 * left out), sorted; and the slowest single load, for information.
 */
function reading(passes: ExtractOutcome[][]) {
  const values = (pass: ExtractOutcome[], value: (e: PageExtract) => number | undefined) =>
    pass.flatMap((o) => {
      const v = o.extract ? value(o.extract) : undefined;
      return v === undefined ? [] : [v];
    });
  const sorted = (list: number[]) => list.sort((a, b) => a - b);
  return {
    perPage: (value: (e: PageExtract) => number | undefined) =>
      sorted(
        (passes[0] ?? []).flatMap((_, i) => {
          const loads = sorted(
            values(
              passes.flatMap((pass) => (pass[i] ? [pass[i]] : [])),
              value,
            ),
          );
          return loads.length > 0 ? [quantile(loads, 0.5)] : [];
        }),
      ),
    /** The slowest load of all, stalls included: printed beside the figures, not held against a target. */
    slowestLoad: (value: (e: PageExtract) => number | undefined) => {
      const all = passes.flatMap((pass) => values(pass, value));
      return all.length > 0 ? Math.max(...all) : Number.NaN;
    },
    passMedians: (value: (e: PageExtract) => number | undefined) =>
      passes.flatMap((pass) => {
        const list = values(pass, value);
        return list.length > 0 ? [round(quantile(sorted(list), 0.5))] : [];
      }),
  };
}

/**
 * Company scorings per second on one core, from a bundle built the way the extension is built (no TypeScript
 * runner in between), in a process of its own.
 */
async function measureScorer(): Promise<{ bulk: number; explained: number }> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'icp-lens-bench-')), 'scorer.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'scripts/lib/scorer-throughput.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'error',
  });
  return JSON.parse(execFileSync(process.execPath, [out], { encoding: 'utf8' }));
}

/** The main-world collector (globals only) as executeScript sends it: its minified source plus its arguments, in kB. */
async function mainWorldKb(): Promise<number> {
  const bundled = await build({
    entryPoints: [path.join(ROOT, 'lib/techno/collect.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'error',
  });
  const code = bundled.outputFiles[0]?.contents.length ?? Number.NaN;
  return (code + JSON.stringify(collectorArgs()).length) / 1024;
}

/** The side panel from opening to showing the verdict for a page already read: median of 7 opens, in ms. */
async function measurePanel(ext: ExtensionBrowser, tabId: number): Promise<number> {
  const renders: number[] = [];
  for (let i = 0; i < 7; i++) {
    const panel = await ext.context.newPage();
    await panel.goto(ext.pageUrl(`sidepanel.html?tabId=${tabId}`));
    await panel.getByTestId('tier').waitFor();
    renders.push(
      await panel.evaluate(
        () => performance.getEntriesByName('icp-lens:verdict')[0]?.startTime ?? Number.NaN,
      ),
    );
    await panel.close();
  }
  return quantile(
    renders.sort((a, b) => a - b),
    0.5,
  );
}

async function main() {
  const values = options();
  buildIfNeeded();
  const results: BenchResult[] = [];
  const add = (
    name: string,
    value: number,
    unit: string,
    target: number | null,
    better: BenchResult['better'] = 'lower',
  ) => results.push({ name, value: round(value), unit, target, better });

  // The script injected into every site (platforms with an adapter get a script of their own instead).
  const content = readFileSync(path.join(CHROME_BUILD, 'content-scripts/content.js'));
  add('content_script.raw_kb', content.length / 1024, 'kB', 80);
  add('content_script.gzip_kb', gzipSync(content).length / 1024, 'kB', 30);
  const siteScripts = readdirSync(path.join(CHROME_BUILD, 'content-scripts')).filter(
    (f) => f !== 'content.js',
  );
  const largest = Math.max(
    ...siteScripts.map((f) => statSync(path.join(CHROME_BUILD, 'content-scripts', f)).size),
  );
  add('content_script.site_max_raw_kb', largest / 1024, 'kB', 80);

  // Technology fingerprints: compiled once per background (first call, cold), and what is injected per page.
  const compileStarted = performance.now();
  compileFingerprints(FINGERPRINTS);
  add('techno.compile_ms', performance.now() - compileStarted, 'ms', null);
  add('techno.main_world_kb', await mainWorldKb(), 'kB', null);

  // Bulk re-scoring of the prospect list computes tier, score and statuses; the panel also writes explanations.
  const scorer = await measureScorer();
  add('scorer.per_second', scorer.bulk, 'scorings/s', 200_000, 'higher');
  add('scorer.explained_per_second', scorer.explained, 'scorings/s', null, 'higher');

  const ext = await launchWithExtension();
  try {
    const corpus = corpusDir(values.corpus);
    const manifest = path.join(corpus, 'pages.jsonl');
    if (existsSync(manifest)) {
      const pages = parseJsonLines<{ file: string; url: string }>(
        readFileSync(manifest, 'utf8'),
        manifest,
      ).map((p) => ({
        ...p,
        path: path.join(corpus, 'pages', p.file),
      }));
      await servePages(
        ext.context,
        pages.map((p) => ({ url: p.url, file: p.path })),
      );
      // One page at a time: parallel tabs on two cores would measure contention, not extraction. The corpus is
      // read PASSES times over, each page in a new tab (a page comes back only after every other page, so it
      // is not read in a renderer its last load warmed): a page's figure is the median of its loads, so one
      // stall of a shared machine does not decide it, for the maxima either (the slowest single load is printed).
      const passes: ExtractOutcome[][] = [];
      for (let pass = 0; pass < PASSES; pass++) passes.push(await extractAll(ext, pages, 1));
      const read = reading(passes);
      const ms = read.perPage((e) => e.ms);
      console.error(
        `extract.*: ${ms.length} of ${pages.length} corpus pages in ${corpus}, each read ${PASSES} times`,
      );
      add('extract.median_ms', quantile(ms, 0.5), 'ms', 5);
      add('extract.p95_ms', quantile(ms, 0.95), 'ms', 20);
      add('extract.max_ms', ms[ms.length - 1] ?? Number.NaN, 'ms', 50);
      // Technology detection on the pages it runs on (company sites; not platforms or news): what it costs the
      // page's report, i.e. the content script's reading of the markup and the main world's reading of the
      // globals (both timed inside the page), plus the service worker's time from the report's arrival to the
      // matched result (any wait for the main world's answer, validation, matching).
      const techno = read.perPage((e) => e.technologies?.ms);
      console.error(
        `techno.*: ${techno.length} company-site pages; median of each pass: ${read.passMedians((e) => e.technologies?.ms).join(', ')} ms; slowest single load: ${round(read.slowestLoad((e) => e.technologies?.ms))} ms (extract: ${round(read.slowestLoad((e) => e.ms))} ms)`,
      );
      add('techno.median_ms', quantile(techno, 0.5), 'ms', 3);
      add('techno.max_ms', techno[techno.length - 1] ?? Number.NaN, 'ms', 20);
      // Of which: the reading inside the page (both worlds), and the matching in the service worker. And the
      // main world's executeScript round trip, asked for when the page is opened: it runs while the content
      // script reads the page, so only what is left of it when the report arrives is in techno.median_ms.
      const part = (key: 'pageMs' | 'matchMs' | 'roundTripMs') =>
        quantile(
          read.perPage((e) => e.technologies?.[key]),
          0.5,
        );
      add('techno.page_median_ms', part('pageMs'), 'ms', null);
      add('techno.match_median_ms', part('matchMs'), 'ms', null);
      add('techno.round_trip_median_ms', part('roundTripMs'), 'ms', null);
    } else {
      console.error(
        `No corpus at ${corpus}: extract.* not measured (give --corpus DIR or set ICP_LENS_CORPUS).`,
      );
    }

    // The side panel from opening to showing the verdict, for a page already read (median of 7 opens).
    const sample = {
      url: 'https://www.lumenfold.io/',
      file: path.join(ROOT, 'test/fixtures/samples/lumenfold-home.html'),
    };
    await servePages(ext.context, [sample]);
    const tab = await ext.context.newPage();
    await tab.goto(sample.url);
    const { tabId } = await waitForReport(ext.worker, sample.url);
    add('panel.first_render_ms', await measurePanel(ext, tabId), 'ms', 300);

    // Memory the content script adds to a page: the bundled company-site samples (platform pages get a
    // script of their own).
    const samples = (
      JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/samples/index.json'), 'utf8')) as Array<{
        file: string;
        url: string;
      }>
    )
      .filter((s) => !/linkedin|wikipedia|crunchbase/.test(s.url))
      .map((s) => ({ url: s.url, file: path.join(ROOT, 'test/fixtures/samples', s.file) }));
    await servePages(ext.context, samples);
    add('content_script.heap_kb', await measureContentScriptHeap(ext, samples), 'kB', 1024);

    // The team ICP file (5,000 listed domains): "Sync now" to its answer, received in full and unchanged (304).
    const team = await measureTeamSync(ext);
    add('team_sync.full_ms', team.fullMs, 'ms', 1000);
    add('team_sync.not_modified_ms', team.notModifiedMs, 'ms', 200);

    // Importing 20,000 CRM accounts in the options page: file chosen to per-tier table, and the page's longest task.
    const calibration = await measureCalibrateImport(ext);
    add('calibrate.import_20k_s', calibration.importS, 's', 10);
    add('calibrate.longest_task_ms', calibration.longestTaskMs, 'ms', 500);

    const list = values['skip-list'] ? null : await measureList(ext);
    if (list) {
      add('list.first_paint_ms', list.firstPaintMs, 'ms', 300);
      add('list.filter_ms', list.filterMs, 'ms', 100);
      add('list.rescore_all_s', list.rescoreAllS, 's', 10);
      add('list.export_csv_s', list.exportCsvS, 's', 5);
      add('list.preview_draft_s', list.previewS, 's', null);
      // The same panel again, now that the list holds 100,000 prospects (its compact list and saved check).
      add('panel.first_render_100k_ms', await measurePanel(ext, tabId), 'ms', 300);
    }
  } finally {
    await ext.close();
  }

  const rows = results.map((r) => [
    r.name,
    `${r.value} ${r.unit}`,
    r.target === null ? '—' : `${r.better === 'lower' ? '≤' : '≥'} ${r.target} ${r.unit}`,
    r.target === null
      ? ''
      : (r.better === 'lower' ? r.value <= r.target : r.value >= r.target)
        ? 'ok'
        : 'MISSED',
  ]);
  const header = ['figure', 'measured', 'target', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  writeFileSync(userPath(values.out), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
