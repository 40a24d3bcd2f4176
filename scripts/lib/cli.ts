/** Helpers for the command-line tools: paths relative to where the user ran npm, the corpus location, builds. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CHROME_BUILD, ROOT } from './browser';

/** Resolves a path the user typed against the folder they ran `npm run` from. */
export function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** The corpus folder: `--corpus DIR`, else `ICP_LENS_CORPUS`, else ../shared/corpus next to the project. */
export function corpusDir(flag: string | undefined): string {
  if (flag) return userPath(flag);
  if (process.env.ICP_LENS_CORPUS) return userPath(process.env.ICP_LENS_CORPUS);
  return path.resolve(ROOT, '../shared/corpus');
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  const stat = statSync(dir);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(dir).map((name) => newestMtime(path.join(dir, name))));
}

/** Builds the Chrome extension unless the build is newer than every source file. */
export function buildIfNeeded(log: (line: string) => void = console.error): void {
  const manifest = path.join(CHROME_BUILD, 'manifest.json');
  const sources = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package.json'].map((p) =>
    newestMtime(path.join(ROOT, p)),
  );
  if (existsSync(manifest) && statSync(manifest).mtimeMs > Math.max(...sources)) return;
  log('Building the extension…');
  execFileSync(path.join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Reads a JSON-lines file into objects, naming the line of any that does not parse. */
export function parseJsonLines<T>(text: string, source: string): T[] {
  return numberedJsonLines<T>(text, source).map(({ value }) => value);
}

/** {@link parseJsonLines} with each object's line in the file (blank lines counted), for messages about it. */
export function numberedJsonLines<T>(text: string, source: string): Array<{ value: T; line: number }> {
  return text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line, i) => ({ text: line.trim(), line: i + 1 }))
    .filter(({ text }) => text.length > 0)
    .map(({ text, line }) => {
      try {
        return { value: JSON.parse(text) as T, line };
      } catch {
        throw new Error(`${source}:${line}: not valid JSON`);
      }
    });
}

/**
 * The command line's options as `parseArgs` reads them (strictly: an unknown option is refused), or the usage: on
 * stdout for `--help` (exit code 0), else with the problem on stderr (exit code 2). The options declare `help`.
 */
export function optionsOrUsage<const T extends NonNullable<ParseArgsConfig['options']>>(
  options: T,
  usage: string,
) {
  try {
    const { values } = parseArgs({ options });
    if (!(values as { help?: boolean }).help) return values;
    console.log(usage);
    process.exit(0);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}
