/**
 * The ICP command line, for managers who keep their ICP in a repository (and for tests):
 *   npm run -s icp -- validate FILE...
 *   npm run -s icp -- score --icp FILE --facts FACTS.jsonl   (--facts - reads standard input)
 *   npm run -s icp -- schema            (the JSON Schema of the ICP file)
 *   npm run -s icp -- calibrate --icp FILE --accounts FILE.csv [--map column=field,...] [--outcomes wording=won|lost|open|none,...] [--compare FILE]
 * It runs the very same lib/icp code as the extension. Problems are printed as `path: message`, never as a
 * stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import {
  CsvFileError,
  compareIcps,
  decodeCsv,
  importAccounts,
  outcomeWordings,
  parseOutcomeSpec,
  reportOf,
  scoreAccounts,
  sizeProblem,
  suggestCriteria,
  wordingKey,
} from '../lib/calibrate';
import { slipDistance } from '../lib/closest-name';
import { fromOutputFacts, OutputFactsSchema } from '../lib/extract/output-format';
import {
  explainInvalidIcp,
  type Icp,
  icpJsonSchema,
  MAX_ICP_FILE_BYTES,
  nothingKnown,
  parseIcp,
  scoreCompany,
} from '../lib/icp';
import { unknownCountries } from '../lib/icp/countries';
import { type FileTextEncoding, kilobytes, readJsonFileText } from '../lib/icp/file-text';
import { staleLabel } from '../lib/icp/label-check';
import { formatIssues } from '../lib/icp/schema';
import { POLICY_SETTINGS, readPolicy } from '../lib/settings/precedence';
import { MAX_TEAM_FILE_BYTES } from '../lib/team-sync';
import { closestTechnology, technologyNameStatus } from '../lib/techno/catalog';
import { userPath } from './lib/cli';

const USAGE = `Usage:
  npm run -s icp -- validate FILE...   (each file in turn; - reads standard input)
  npm run -s icp -- score --icp FILE --facts FACTS.jsonl   (--facts - reads standard input)
  npm run -s icp -- schema
  npm run -s icp -- calibrate --icp FILE --accounts FILE.csv [--map column=field,...] [--outcomes wording=won|lost|open|none,...] [--compare FILE]`;

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
  return readFileText(file).text;
}

/**
 * A file's text, how it was read (UTF-8, UTF-16 or Windows-1252, as the extension reads them) and its size in
 * bytes (standard input has no size to ask the file system for).
 */
function readFileText(file: string): { text: string; encoding: FileTextEncoding; bytes: number } {
  try {
    // "-" is standard input (`… | npm run -s icp -- score --icp F --facts -`).
    const bytes = new Uint8Array(readFileSync(file === '-' ? 0 : userPath(file)));
    return { ...readJsonFileText(bytes), bytes: bytes.length };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : 'cannot be read'}`,
    );
  }
}

/** Where a character offset falls in a text, as an editor shows it ("line 3, column 14"). */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 names the offending character's offset ("… in JSON at position 20"): an editor wants line and column.
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineAndColumn(text, Number(at[1]))}` : '';
    throw new UserError(`${file}: not valid JSON${where} (${message})`);
  }
}

/**
 * Reads and validates an ICP file; every problem is listed with its path in the file and in the editor's words,
 * with the value at fault ("criteria[0].industries[0]: Criterion “Software”, Industries: “sofware” is not known
 * here; …").
 */
function loadIcp(file: string, text = readText(file)): Icp {
  return checkedIcp(parseJson(text, file), file);
}

/** An ICP as {@link loadIcp} checks it, its problems' lines starting with `label` (the file, or where in it). */
function checkedIcp(value: unknown, label: string): Icp {
  const parsed = parseIcp(value);
  if (parsed.ok) return parsed.icp;
  const explained = explainInvalidIcp(parsed);
  const lines =
    parsed.issues.length === explained.length
      ? explained.map(
          (p, i) => `${pathOf((parsed.issues[i] as { path: PropertyKey[] }).path)}: ${p.where}: ${p.text}`,
        )
      : parsed.problems;
  throw new UserError(lines.map((line) => `${label}: ${line}`).join('\n'));
}

/** A zod issue's path as the file reads it: `criteria[0].industries[0]`. */
function pathOf(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (acc, key) =>
        typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
      '',
    ) || '(root)'
  );
}

/**
 * Validates every file given (`validate icps/*.json`), each reported on its own: with more than one, each result
 * line starts with its file, as grep does. Exit code 1 if any file fails.
 */
function validate(args: string[]): void {
  const { positionals: files } = optionsOf(args, {}, true);
  if (files.length === 0) throw new UserError(USAGE, 2);
  if (files.filter((f) => f === '-').length > 1)
    throw new UserError(`validate: standard input (-) can be read only once\n\n${USAGE}`, 2);
  let failed = false;
  for (const file of files) {
    try {
      const results = validateOne(file);
      if (!results) {
        failed = true;
        continue;
      }
      for (const line of results) console.log(files.length > 1 ? `${file}: ${line}` : line);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      console.error(error.message);
      failed = true;
    }
  }
  if (failed) process.exitCode = 1;
}

/**
 * Validates one file, printing warnings on stderr; throws {@link UserError} if it is unusable. Returns what to
 * print ("Acme ICP v7"), or null when it fails having said why (a file that is not UTF-8: its content is checked
 * all the same). Besides an ICP file it takes what goes into a policy: the ICP as one JSON string, or a policy
 * file, whose settings for ICP Lens are checked as the extension reads them.
 */
function validateOne(file: string): string[] | null {
  const { text, encoding, bytes } = readFileText(file);
  // Read as the options page reads it, but said before anything else (valid or not), and a failure: team sync
  // refuses such a file, so a manager who validates before publishing must not read "valid"; and were it
  // another encoding, its accented letters would now be wrong. Unlike a file too big for a team file (a
  // warning), it loses nothing by being saved again as UTF-8, which every channel reads.
  const notUtf8 = encoding === 'windows-1252';
  if (notUtf8)
    console.error(
      `${file}: not UTF-8: it was saved as Windows-1252 ("ANSI"). A team file must be UTF-8: team sync refuses this one, and every rep would keep the previous ICP, with an error. Save it as UTF-8 and validate it again (the options page's import reads it as Windows-1252: check its accented letters there)`,
    );
  const json = parseJson(text, file);
  const policy = policyIn(json);
  if (policy) {
    const results = validatePolicy(file, policy);
    return notUtf8 ? null : results;
  }
  if (typeof json === 'string') {
    // What `jq -Rs . FILE` makes of an ICP file, for a policy's `icp`.
    const inner = parseJson(json, `${file}: the text it holds`);
    const icp = checkedIcp(inner, file);
    console.error(
      `${file}: the ICP as one JSON string, as a policy's “icp” setting holds it: checked the ICP inside; the options page's import and a team file need the ICP file itself`,
    );
    warnAboutIcp(file, icp);
    return notUtf8 ? null : [`${icp.name} v${icp.version}`];
  }
  const icp = checkedIcp(json, file);
  // Valid, but where the extension would refuse it for its size, say so: a manager validates before publishing.
  if (bytes > MAX_ICP_FILE_BYTES)
    throw new UserError(
      `${file}: ${kilobytes(bytes)}: the options page imports an ICP file of at most ${kilobytes(MAX_ICP_FILE_BYTES)} (1 MB), and a team file is at most ${kilobytes(MAX_TEAM_FILE_BYTES)}`,
    );
  warnAboutIcp(file, icp);
  if (bytes > MAX_TEAM_FILE_BYTES)
    console.error(
      `${file}: ${kilobytes(bytes)}: valid, but a team file is at most ${kilobytes(MAX_TEAM_FILE_BYTES)} (team sync refuses it); the options page imports it`,
    );
  return notUtf8 ? null : [`${icp.name} v${icp.version}`];
}

/** What a valid ICP would do wrong, as the editor flags it on a criterion: a manager who writes it by hand sees neither. */
function warnAboutIcp(label: string, icp: Icp): void {
  for (const criterion of icp.criteria) {
    const stale = staleLabel(criterion);
    if (stale) console.error(`${label}: valid, but criterion “${criterion.label}”: ${stale}`);
    if (criterion.kind !== 'technologies') continue;
    for (const name of criterion.technologies) {
      if (technologyNameStatus(name).kind !== 'unknown') continue;
      const closest = closestTechnology(name);
      console.error(
        `${label}: valid, but criterion “${criterion.label}” names “${name}”, a technology ICP Lens does not detect: it never matches on a page${closest ? ` (did you mean “${closest.name}”?)` : ''}`,
      );
    }
  }
  // Thresholds written as fractions (0.8, 0.6, 0.4) are valid numbers, but scores run from 0 to 100.
  const { tier1, tier2, tier3 } = icp.tiers;
  if (tier1 <= 1)
    console.error(
      `${label}: valid, but every tier threshold is 1 or less (Tier 1 ${tier1}, Tier 2 ${tier2}, Tier 3 ${tier3}): scores run from 0 to 100, so nearly every company that matches at all is Tier 1; write them as points, such as 80, 60 and 40`,
    );
  for (const { label: criterion, code } of unknownCountries(icp))
    console.error(
      `${label}: valid, but criterion “${criterion}” lists “${code}”, which is no country's ISO 3166-1 alpha-2 code: it never matches (a region is chosen under regions)`,
    );
}

/** Firefox's id of ICP Lens (wxt.config.ts); Chrome's depends on where it is installed from. */
const FIREFOX_ID = 'icp-lens@icp-lens.dev';

/** A policy file's settings for one extension, and where they are in it (`3rdparty.extensions.<id>`). */
interface PolicyEntry {
  where: string;
  id: string | null;
  settings: Record<string, unknown>;
}

/** A file that holds a policy: what it is ("Chrome policy"), its settings per extension, and the browser it is for. */
interface PolicyFile {
  what: string;
  browser: 'chrome' | 'firefox' | null;
  entries: PolicyEntry[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What goes into a policy rather than an ICP file: Chrome's policy file (`3rdparty.extensions.<id>`), Firefox's
 * `policies.json` (`policies.3rdparty.Extensions.<id>`), the Google Admin console's "Policy for extensions"
 * (`{"teamIcpUrl": {"Value": …}}`), or one extension's settings alone. Null for anything else.
 */
function policyIn(json: unknown): PolicyFile | null {
  if (!isRecord(json)) return null;
  const entriesOf = (extensions: unknown, path: string): PolicyEntry[] =>
    isRecord(extensions)
      ? Object.entries(extensions).map(([id, settings]) => ({
          where: `${path}.${id}`,
          id,
          settings: isRecord(settings) ? settings : {},
        }))
      : [];
  const firefox = isRecord(json.policies) ? json.policies['3rdparty'] : undefined;
  if (isRecord(firefox))
    return {
      what: 'Firefox policy',
      browser: 'firefox',
      entries: entriesOf(firefox.Extensions, 'policies.3rdparty.Extensions'),
    };
  const chrome = json['3rdparty'];
  if (isRecord(chrome))
    return {
      what: 'Chrome policy',
      browser: 'chrome',
      entries: entriesOf(chrome.extensions, '3rdparty.extensions'),
    };
  // An ICP has criteria; settings alone have at least one of the policy's names and no criteria.
  if ('criteria' in json || !POLICY_SETTINGS.some((key) => key in json)) return null;
  const values = Object.values(json);
  if (values.length > 0 && values.every((v) => isRecord(v) && 'Value' in v))
    return {
      what: 'Google Admin console policy',
      browser: 'chrome',
      entries: [
        {
          where: '(root)',
          id: null,
          settings: Object.fromEntries(
            Object.entries(json).map(([k, v]) => [k, (v as { Value: unknown }).Value]),
          ),
        },
      ],
    };
  return { what: 'Policy', browser: null, entries: [{ where: '(root)', id: null, settings: json }] };
}

/**
 * Checks a policy's settings for ICP Lens as the extension reads them (lib/settings/precedence.ts), its `icp`
 * as `validate` checks a file. Returns a line per extension entry, or null when something is wrong.
 */
function validatePolicy(file: string, policy: PolicyFile): string[] | null {
  let ok = true;
  const problem = (line: string) => {
    console.error(`${file}: ${line}`);
    ok = false;
  };
  // A policy file may set other extensions too: an entry of none of ICP Lens's settings is left alone.
  const ours = policy.entries.filter(
    (e) => e.id === FIREFOX_ID || Object.keys(e.settings).some((key) => POLICY_SETTINGS.includes(key)),
  );
  if (ours.length === 0) {
    problem(
      `a ${policy.what} file, but it sets none of ICP Lens's settings (${POLICY_SETTINGS.join(', ')}) for any extension`,
    );
    return null;
  }
  const results: string[] = [];
  for (const { where, id, settings } of ours) {
    if (policy.browser === 'chrome' && id !== null && !/^[a-p]{32}$/.test(id))
      problem(
        `${where}: “${id}” is not an extension id (32 letters from a to p), so Chrome gives these settings to no extension: use ICP Lens's id as chrome://extensions shows it`,
      );
    if (policy.browser === 'firefox' && id !== FIREFOX_ID)
      problem(
        `${where}: Firefox knows ICP Lens as “${FIREFOX_ID}”, so it gives these settings to no extension`,
      );
    for (const key of Object.keys(settings)) {
      if (POLICY_SETTINGS.includes(key)) continue;
      const meant = POLICY_SETTINGS.find(
        (name) => slipDistance(key.toLowerCase(), name.toLowerCase()) !== null,
      );
      problem(
        `${where}: “${key}” is not a setting ICP Lens reads${meant ? ` (did you mean “${meant}”?)` : ''}; it reads ${POLICY_SETTINGS.join(', ')}`,
      );
    }
    // The other settings, as the extension reads them (an invalid one is dropped, the rest apply).
    for (const line of readPolicy({ ...settings, icp: undefined }).problems) problem(`${where}: ${line}`);
    let icp: Icp | null = null;
    const value = settings.icp;
    if (isRecord(value) && policy.browser === 'chrome')
      problem(
        `${where}.icp: the ICP is written as an object, which Chrome drops without a word (its policy schema takes text): write the ICP file's JSON as one string, as \`jq -Rs . FILE\` prints it`,
      );
    else if (value !== undefined && value !== null && value !== '') {
      try {
        const label = `${file}: ${where}.icp`;
        icp = checkedIcp(typeof value === 'string' ? parseJson(value, label) : value, label);
        warnAboutIcp(label, icp);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        console.error(error.message);
        ok = false;
      }
    }
    const teamUrl = typeof settings.teamIcpUrl === 'string' ? settings.teamIcpUrl : null;
    results.push(
      `${policy.what}${id ? ` for ${id}` : ''}: ${icp ? `${icp.name} v${icp.version}` : teamUrl ? `team file ${teamUrl}` : 'no ICP'}`,
    );
  }
  return ok ? results : null;
}

/** The command's options, or the usage (exit code 2) for an option it does not know. */
function optionsOf<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals });
  } catch (error) {
    throw new UserError(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
}

/** Refuses standard input (-) for more than one option: the first would read it all, the next nothing. */
function stdinOnce(values: Record<string, unknown>, names: string[]): void {
  const given = names.filter((name) => values[name] === '-').map((name) => `--${name}`);
  if (given.length > 1)
    throw new UserError(
      `${given.join(' and ')}: standard input (-) can be read only once; give all but one as a file\n\n${USAGE}`,
      2,
    );
}

function score(args: string[]): void {
  const { values } = optionsOf(args, { icp: { type: 'string' }, facts: { type: 'string' } });
  if (!values.icp || !values.facts) throw new UserError(USAGE, 2);
  stdinOnce(values, ['icp', 'facts']);
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
    const body = record as { file?: unknown; facts?: unknown; error?: unknown } | null;
    const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
    if (!isObject || (typeof body.facts !== 'object' && typeof body.error !== 'string')) {
      console.error(`${where}: expected an object with the page's facts: {"file": …, "facts": {…}}`);
      failed = true;
      return;
    }
    const file = typeof body.file === 'string' ? body.file : null;
    const notScored = (reason: string) =>
      console.log(
        JSON.stringify({
          file,
          tier: null,
          verdict: null,
          score: null,
          coverage: null,
          criteria: [],
          notScored: reason,
        }),
      );
    // A page `extract` could not read has its error and empty facts: said as such, not as a page that names no
    // company, which would hide it among the pages that are nobody's profile.
    if (typeof body.error === 'string') {
      notScored(`not extracted: ${body.error}`);
      return;
    }
    const facts = OutputFactsSchema.safeParse(body.facts);
    if (!facts.success) {
      for (const problem of formatIssues(facts.error)) console.error(`${where}: facts.${problem}`);
      failed = true;
      return;
    }
    // As in the side panel: a page that is nobody's profile, or names no company, gets no verdict.
    if (facts.data.pageRole === 'negative') {
      notScored('not a company profile (page role: negative)');
      return;
    }
    if (!facts.data.name && !facts.data.domain) {
      notScored('no company named on the page');
      return;
    }
    const result = scoreCompany(fromOutputFacts(facts.data, file ?? where), icp);
    console.log(
      JSON.stringify({
        file,
        tier: result.tier,
        // As the side panel and the list show it: "not_enough_known" where the page shows too little of what
        // the ICP weighs (the scorer's tier is then not_a_fit), and then no score, as the exports write none.
        verdict: nothingKnown(result) ? 'not_enough_known' : result.tier,
        score: nothingKnown(result) ? null : result.score,
        coverage: result.coverage,
        criteria: result.criteria.map((c) => ({ id: c.id, status: c.status, contribution: c.contribution })),
      }),
    );
  });
  if (failed) process.exitCode = 1;
}

/** Reads a CSV file's bytes, refusing one too large before reading it. */
function readCsv(file: string): Uint8Array {
  let size: number;
  try {
    size = statSync(userPath(file)).size;
  } catch {
    return new Uint8Array(Buffer.from(readText(file)));
  }
  const tooLarge = sizeProblem(file, size);
  if (tooLarge) throw new UserError(tooLarge);
  try {
    return new Uint8Array(readFileSync(userPath(file)));
  } catch {
    readText(file);
    throw new UserError(`${file}: cannot be read`);
  }
}

/** Tiers the accounts in a CSV under an ICP and prints one JSON object: counts per tier, AUC, coverage, rejected rows. */
function calibrateCommand(args: string[]): void {
  const { values } = optionsOf(args, {
    icp: { type: 'string' },
    accounts: { type: 'string' },
    map: { type: 'string', multiple: true },
    outcomes: { type: 'string', multiple: true },
    compare: { type: 'string' },
  });
  if (!values.icp || !values.accounts) throw new UserError(USAGE, 2);
  stdinOnce(values, ['icp', 'accounts', 'compare']);
  const icp = loadIcp(values.icp);
  const other = values.compare ? loadIcp(values.compare) : null;
  let imported: ReturnType<typeof importAccounts>;
  try {
    imported = importAccounts(
      decodeCsv(readCsv(values.accounts)).text,
      // Given more than once, the corrections add up.
      (values.map ?? []).join(','),
      (values.outcomes ?? []).join(','),
    );
  } catch (error) {
    if (error instanceof CsvFileError) throw new UserError(`${values.accounts}: ${error.message}`);
    throw error;
  }
  const { accounts, rejected, mapping } = imported;
  const unread = unreadOutcomes(imported, (values.outcomes ?? []).join(','));
  const report = reportOf(accounts, scoreAccounts(accounts, icp), icp);
  const tiers = Object.fromEntries(
    Object.entries(report.tiers).map(([tier, t]) => [
      tier,
      {
        won: t.won,
        lost: t.lost,
        open: t.open,
        winRate: t.winRate,
        valueShare: t.valueShare,
        wonValueShare: t.wonValueShare,
      },
    ]),
  );
  const comparison = other ? compareIcps(accounts, icp, other) : null;
  console.log(
    JSON.stringify({
      accounts: report.accounts,
      tiers,
      auc: report.auc,
      coverage: report.coverage,
      rejected,
      // Rows imported with a fact cell no reader knows left unknown ("Atlantis" as the country), with why.
      partlyRead: imported.partlyRead,
      // Rows whose outcome --outcomes set to none: left out as asked, not errors.
      leftOut: imported.leftOut,
      // The outcome column's values read as no outcome, for --outcomes to say what each means.
      ...(unread ? { unreadOutcomes: unread } : {}),
      icp: `${icp.name} v${icp.version}`,
      mapping,
      outcomes: { won: report.won, lost: report.lost, open: report.open },
      headline: report.headline,
      criteria: report.criteria.map((c) => ({
        id: c.id,
        won: c.won.rate,
        lost: c.lost.rate,
        // How many won and lost accounts showed the criterion's fact: what "too-few" is judged on.
        wonKnown: c.won.known,
        lostKnown: c.lost.known,
        verdict: c.verdict,
      })),
      suggestions: suggestCriteria(accounts, icp).map((s) => ({
        kind: s.kind,
        value: s.value,
        won: s.won,
        lost: s.lost,
        winRate: s.winRate,
        lift: s.lift,
      })),
      ...(comparison && other
        ? {
            compare: {
              icp: `${other.name} v${other.version}`,
              auc: comparison.b.auc,
              coverage: comparison.b.coverage,
              headline: comparison.b.headline,
              movedUp: comparison.movedUp,
              movedDown: comparison.movedDown,
              movedAcross: comparison.movedAcross,
            },
          }
        : {}),
    }),
  );
  // Nothing to calibrate on: the report (and its rejected rows) is printed, and the exit code says so.
  if (accounts.length === 0) {
    console.error(
      imported.table.rows.length === 0
        ? `${values.accounts}: no rows under the header`
        : unread?.noneRead
          ? `${values.accounts}: the outcome column "${unread.column}" holds no won, lost or open values (${valuesText(unread.values.slice(0, 3), unread.more + Math.max(0, unread.values.length - 3))}): it is most likely the wrong column, so name the right one with --map "COLUMN=outcome"; if these are your deal stages, say what each means with ${unread.hint}`
          : `${values.accounts}: no row could be read (see "rejected")`,
    );
    process.exitCode = 1;
  }
  // Rows rejected for a team's own deal stages: --outcomes imports them (the options page asks the same).
  if (unread && !unread.noneRead)
    console.error(
      `${values.accounts}: ${unread.rows.toLocaleString('en-US')} rows rejected: their "${unread.column}" is not won, lost, open or a known deal stage (${valuesText(unread.values, unread.more)}); say what each means with ${unread.hint}`,
    );
}

/** Values of a column with their rows, as a message lists them: `"Signed - Renewal" (12 rows), … and 3 more`. */
function valuesText(values: { value: string; rows: number }[], more: number): string {
  return `${values.map((v) => `"${v.value}" (${v.rows} ${v.rows === 1 ? 'row' : 'rows'})`).join(', ')}${more ? ` and ${more} more` : ''}`;
}

/** Values listed at most when the outcome column's unread values are named. */
const MAX_UNREAD_LISTED = 8;

/**
 * The outcome column's values read as no outcome (neither guessed nor chosen with --outcomes), most rows first,
 * with the --outcomes that would import them; `noneRead` when no value of the column reads, which most likely
 * means the wrong column (docs/CALIBRATE.md). Null when every value reads.
 */
function unreadOutcomes(imported: ReturnType<typeof importAccounts>, outcomeSpec: string) {
  const column = imported.mapping.outcome;
  if (!column) return null;
  const choices = parseOutcomeSpec(outcomeSpec);
  const { wordings } = outcomeWordings(imported.table, column, Number.POSITIVE_INFINITY);
  const unread = wordings.filter((w) => !choices.has(wordingKey(w.text)) && !w.guess);
  if (unread.length === 0) return null;
  const listed = unread.slice(0, MAX_UNREAD_LISTED).map((w) => ({ value: w.text, rows: w.rows }));
  return {
    column,
    values: listed,
    more: unread.length - listed.length,
    rows: unread.reduce((sum, w) => sum + w.rows, 0),
    noneRead: unread.length === wordings.length && !wordings.some((w) => choices.get(wordingKey(w.text))),
    hint: `--outcomes "${listed
      .slice(0, 3)
      .map((v) => `${v.value}=won|lost|open|none`)
      .join(',')}${listed.length > 3 ? ',…' : ''}"`,
  };
}

const COMMANDS: Record<string, (args: string[]) => void> = {
  validate,
  score,
  calibrate: calibrateCommand,
  schema: (args) => {
    // It takes nothing: an argument given is a mistake to name, not to ignore.
    if (args.length > 0)
      throw new UserError(
        `schema takes no arguments; remove ${args.map((a) => `'${a}'`).join(' ')}\n\n${USAGE}`,
        2,
      );
    console.log(JSON.stringify(icpJsonSchema(), null, 2));
  },
};

try {
  const [command, ...rest] = process.argv.slice(2);
  if (
    command === undefined ||
    ['--help', '-h', 'help'].includes(command) ||
    rest.includes('--help') ||
    rest.includes('-h')
  ) {
    // Asked for: the usage on stdout, and success. Not asked for (no command): the same, as an error.
    (command === undefined ? console.error : console.log)(USAGE);
    process.exit(command === undefined ? 2 : 0);
  }
  const run = COMMANDS[command];
  if (!run) throw new UserError(`unknown command '${command}'\n\n${USAGE}`, 2);
  run(rest);
} catch (error) {
  if (error instanceof UserError) {
    console.error(error.message);
    process.exit(error.code);
  }
  console.error(`icp: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
