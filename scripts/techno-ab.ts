/**
 * `npx tsx scripts/techno-ab.ts --a DIR --b DIR [--rounds N] [--corpus DIR]`
 *
 * Compares what technology detection costs in two builds of the extension (each DIR a built
 * `.output/chrome-mv3`, copied aside): both run side by side in headless Chromium, and each company-site page
 * of the corpus is read by both in turn, the first build alternating, so that the shared machine's drift
 * weighs on both alike. Pages are served cross-origin isolated, which gives the page a 5 µs clock. Prints the
 * median `technologies.ms` of each build with its parts, the median per-page difference, and any page where
 * the two builds detected different technologies.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ExtensionBrowser, launchWithExtension, servePages } from './lib/browser';
import { corpusDir, parseJsonLines, userPath } from './lib/cli';
import { extractAll } from './lib/extract-run';

interface Sample {
  ms: number[];
  page: number[];
  match: number[];
  detected: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

async function main() {
  const { values } = parseArgs({
    options: {
      a: { type: 'string' },
      b: { type: 'string' },
      rounds: { type: 'string', default: '4' },
      corpus: { type: 'string' },
    },
  });
  if (!values.a || !values.b) {
    console.error('Usage: npx tsx scripts/techno-ab.ts --a <build dir> --b <build dir> [--rounds N]');
    process.exit(2);
  }
  const corpus = corpusDir(values.corpus);
  const manifest = path.join(corpus, 'pages.jsonl');
  const pages = parseJsonLines<{ file: string; url: string }>(readFileSync(manifest, 'utf8'), manifest).map(
    (p) => ({ ...p, path: path.join(corpus, 'pages', p.file) }),
  );
  const builds: ExtensionBrowser[] = [];
  for (const dir of [values.a, values.b]) {
    const ext = await launchWithExtension({ extensionDir: userPath(dir) });
    await servePages(
      ext.context,
      pages.map((p) => ({ url: p.url, file: p.path })),
      { isolated: true },
    );
    builds.push(ext);
  }
  const samples: Array<Map<string, Sample>> = [new Map(), new Map()];
  try {
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const [i, page] of pages.entries()) {
        for (const k of (round + i) % 2 === 0 ? [0, 1] : [1, 0]) {
          const [outcome] = await extractAll(builds[k] as ExtensionBrowser, [page], 1);
          const t = outcome?.extract?.technologies;
          if (!t) continue;
          const byPage = samples[k] as Map<string, Sample>;
          const s = byPage.get(page.url) ?? { ms: [], page: [], match: [], detected: '' };
          s.ms.push(t.ms);
          s.page.push(t.pageMs ?? Number.NaN);
          s.match.push(t.matchMs ?? Number.NaN);
          s.detected = t.detected
            .map((d) => d.name)
            .sort()
            .join(', ');
          byPage.set(page.url, s);
        }
      }
    }
  } finally {
    for (const ext of builds) await ext.close();
  }
  for (const [k, label] of ['A', 'B'].entries()) {
    const all = [...(samples[k] as Map<string, Sample>).values()];
    const ms = all.flatMap((s) => s.ms);
    const p90 = [...ms].sort((x, y) => x - y)[Math.floor(ms.length * 0.9)] ?? Number.NaN;
    console.log(
      `${label}: ${ms.length} reads, median ${median(ms).toFixed(2)} ms (in the page ${median(all.flatMap((s) => s.page)).toFixed(2)}, matching ${median(all.flatMap((s) => s.match)).toFixed(2)}), p90 ${p90.toFixed(2)} ms`,
    );
  }
  const [a, b] = samples as [Map<string, Sample>, Map<string, Sample>];
  const differences = [...a.entries()].flatMap(([url, s]) => {
    const other = b.get(url);
    return other ? [median(other.ms) - median(s.ms)] : [];
  });
  console.log(
    `per page, median of B − A: ${median(differences).toFixed(2)} ms over ${differences.length} pages`,
  );
  for (const [url, s] of a) {
    const other = b.get(url);
    if (other && other.detected !== s.detected)
      console.log(`different detections on ${url}: ${s.detected} | ${other.detected}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
