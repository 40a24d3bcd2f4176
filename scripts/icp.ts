/**
 * The ICP command line, for managers who keep their ICP in a repository (and for tests):
 *   npm run -s icp -- validate FILE
 *   npm run -s icp -- score --icp FILE --facts FACTS.jsonl
 *   npm run -s icp -- schema            (the JSON Schema of the ICP file)
 * It runs the very same lib/icp code as the extension. Problems are printed as `path: message`, never as a
 * stack trace.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fromOutputFacts, OutputFactsSchema } from '../lib/extract/output-format';
import { type Icp, icpJsonSchema, parseIcp, scoreCompany } from '../lib/icp';
import { formatIssues } from '../lib/icp/schema';
import { userPath } from './lib/cli';

const USAGE = `Usage:
  npm run -s icp -- validate FILE
  npm run -s icp -- score --icp FILE --facts FACTS.jsonl
  npm run -s icp -- schema`;

/** A failure the user can act on: printed as is, exit code 1 (2 for usage). */
class UserError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(userPath(file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : 'cannot be read'}`,
    );
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** Reads and validates an ICP file; every problem is listed with its path. */
function loadIcp(file: string): Icp {
  const parsed = parseIcp(parseJson(readText(file), file));
  if (!parsed.ok) throw new UserError(parsed.problems.map((p) => `${file}: ${p}`).join('\n'));
  return parsed.icp;
}

function validate(args: string[]): void {
  const [file] = args;
  if (!file) throw new UserError(USAGE, 2);
  const icp = loadIcp(file);
  console.log(`${icp.name} v${icp.version}`);
}

function score(args: string[]): void {
  const { values } = parseArgs({ args, options: { icp: { type: 'string' }, facts: { type: 'string' } } });
  if (!values.icp || !values.facts) throw new UserError(USAGE, 2);
  const icp = loadIcp(values.icp);
  const lines = readText(values.facts).split('\n');
  let failed = false;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${values.facts}:${i + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      console.error(`${where}: not valid JSON`);
      failed = true;
      return;
    }
    const file =
      typeof (record as { file?: unknown })?.file === 'string' ? (record as { file: string }).file : null;
    const facts = OutputFactsSchema.safeParse((record as { facts?: unknown })?.facts ?? {});
    if (!facts.success) {
      for (const problem of formatIssues(facts.error)) console.error(`${where}: facts.${problem}`);
      failed = true;
      return;
    }
    const result = scoreCompany(fromOutputFacts(facts.data, file ?? where), icp);
    console.log(
      JSON.stringify({
        file,
        tier: result.tier,
        score: result.score,
        coverage: result.coverage,
        criteria: result.criteria.map((c) => ({ id: c.id, status: c.status, contribution: c.contribution })),
      }),
    );
  });
  if (failed) process.exitCode = 1;
}

const COMMANDS: Record<string, (args: string[]) => void> = {
  validate,
  score,
  schema: () => console.log(JSON.stringify(icpJsonSchema(), null, 2)),
};

try {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) throw new UserError(USAGE, 2);
  run(rest);
} catch (error) {
  if (error instanceof UserError) {
    console.error(error.message);
    process.exit(error.code);
  }
  console.error(`icp: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
