/**
 * No regular expression the extension ships can backtrack catastrophically.
 *
 * Pages, ICP files, backups and CRM exports are outside input, and most of the extension's regular expressions
 * read them. V8 matches by backtracking, so a pattern such as `/\s+$/` takes time quadratic in a run of spaces
 * that is not at the end, and `/^(?:[A-Z]\.|[A-Z][a-z]*\.)+$/` exponential time in a crafted initialism: a
 * hostile page could stall the service worker, and every tab's verdict with it, for minutes. Fuzzing with random
 * input rarely finds such strings, and a timing assertion would flake, so every regular expression literal in
 * the shipped code is checked statically with recheck (https://makenowjust-labs.github.io/recheck/), which
 * proves a pattern linear or names an attack string. The fingerprints' compiled path pattern, the one built at
 * run time, is literals only (test/unit/techno.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import { transformSync } from 'esbuild';
import { check, type Diagnostics } from 'recheck';
import { describe, expect, it, vi } from 'vitest';

interface Literal {
  file: string;
  line: number;
  pattern: string;
  flags: string;
}

/** Every regular expression literal in the tracked sources under `dirs`, with the line it is written on. */
function regexLiterals(dirs: string[]): Literal[] {
  const files = execFileSync('git', ['ls-files', '--', ...dirs], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
  const found: Literal[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    // esbuild strips the types and keeps every literal as written; acorn then finds the literals.
    const { code } = transformSync(source, { loader: file.endsWith('x') ? 'tsx' : 'ts', jsx: 'automatic' });
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        for (const child of node) visit(child);
        return;
      }
      const regex = (node as { regex?: { pattern: string; flags: string } }).regex;
      if (regex) {
        const at = source.indexOf(`/${regex.pattern}/${regex.flags}`);
        const line = at < 0 ? 0 : source.slice(0, at).split('\n').length;
        found.push({ file, line, ...regex });
      }
      for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
    };
    visit(acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' }));
  }
  return found;
}

/**
 * recheck's limits in steps only. By default it also stops on time: an attack string that runs longer than a
 * second counts as an attack, and a check that runs out of time is "unknown", so a busy machine would change
 * the verdict. Without time limits, and with its fixed random seed, the same pattern always gets the same
 * verdict. (The recall validation, which re-runs an attack to confirm it, stays off as by default.)
 */
const DETERMINISTIC = {
  timeout: null,
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
} as const;

/** What recheck says of each literal, two at a time (the checker runs in a process of its own). */
async function checkAll(literals: Literal[]): Promise<Diagnostics[]> {
  const results: Diagnostics[] = new Array(literals.length);
  let next = 0;
  const worker = async () => {
    while (next < literals.length) {
      const i = next++;
      const { pattern, flags } = literals[i] as Literal;
      results[i] = await check(pattern, flags, DETERMINISTIC);
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

/**
 * The patterns the shipped modules build with `new RegExp` when they load (from shared parts, word lists, the
 * fingerprints): every module under lib/ is imported afresh with the constructor watched. Patterns built per
 * call from a page's own words (a brand's letters, a platform's name, each escaped) are not seen here.
 */
async function constructedAtLoad(): Promise<Literal[]> {
  const files = execFileSync('git', ['ls-files', '--', 'lib'], { encoding: 'utf8' })
    .split('\n')
    // A worker's entry point only starts listening when it loads (its modules are imported on their own).
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('/worker.ts'));
  const seen: Literal[] = [];
  const root = process.cwd();
  const Original = globalThis.RegExp;
  let loading = '';
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const [source, flags] = args;
      const pattern = typeof source === 'string' ? source : source.source;
      // Where it is built: the first frame in the project's lib/ (else the module being loaded; a dependency's
      // own patterns are checked too, under the module that loaded it).
      const own = (new Error().stack ?? '').split('\n').find((line) => line.includes(`${root}/lib/`)) ?? '';
      const frame = /\/(lib\/[^:)]+):(\d+)/.exec(own.slice(own.indexOf(`${root}/lib/`) + root.length));
      seen.push({
        file: frame?.[1] ?? loading,
        line: Number(frame?.[2] ?? 0),
        pattern,
        flags: flags ?? (typeof source === 'string' ? '' : source.flags),
      });
      return Reflect.construct(target, args);
    },
  });
  try {
    vi.resetModules();
    for (const file of files) {
      loading = file;
      // A path known only when the test runs: vitest loads it as any module, without a bundler's analysis.
      await import(/* @vite-ignore */ path.resolve(file));
    }
  } finally {
    globalThis.RegExp = Original;
  }
  return seen;
}

/** One line per pattern recheck does not prove safe. */
async function unsafeOf(literals: Literal[]): Promise<string> {
  const results = await checkAll(literals);
  return literals
    .flatMap((literal, i) => {
      const result = results[i] as Diagnostics;
      if (result.status === 'safe') return [];
      const why =
        result.status === 'vulnerable'
          ? `${result.complexity.type}, e.g. ${result.attack.pattern}`
          : `not proven safe (${result.error.kind})`;
      return [`${literal.file}:${literal.line} /${literal.pattern}/${literal.flags}: ${why}`];
    })
    .join('\n');
}

describe('regular expressions', () => {
  it('none written in the shipped code can backtrack catastrophically', { timeout: 600_000 }, async () => {
    const literals = regexLiterals(['lib', 'entrypoints', 'components']);
    expect(literals.length).toBeGreaterThan(300);
    expect(await unsafeOf(literals)).toBe('');
  });

  it('none the shipped modules build when they load can backtrack catastrophically', {
    timeout: 600_000,
  }, async () => {
    const built = await constructedAtLoad();
    // The legal forms, the founding and staff phrases, one per industry, the fingerprints' paths ...
    expect(built.length).toBeGreaterThan(40);
    expect(await unsafeOf(built)).toBe('');
  });
});
