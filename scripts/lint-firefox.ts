/**
 * `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint) over the Firefox build. Fails on any error;
 * prints warnings in one line each. The known warnings come from libraries: zod's optional JIT (`new Function`,
 * never used under the extension CSP) and React DOM's `innerHTML` support (ICP Lens never sets HTML).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/browser';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

const bin = path.join(ROOT, 'node_modules/.bin/web-ext');
let output: string;
try {
  output = execFileSync(
    bin,
    ['lint', '--source-dir', path.join(ROOT, '.output/firefox-mv3'), '--self-hosted', '--output', 'json'],
    {
      encoding: 'utf8',
    },
  );
} catch (error) {
  // web-ext exits non-zero when there are errors; the report is still on stdout.
  output = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(output) as {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
};
for (const w of report.warnings) console.log(`warning ${w.code} ${w.file ?? ''}: ${w.message}`);
for (const e of report.errors) console.log(`ERROR ${e.code} ${e.file ?? ''}: ${e.message}`);
console.log(
  `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`,
);
process.exit(report.summary.errors > 0 ? 1 : 0);
