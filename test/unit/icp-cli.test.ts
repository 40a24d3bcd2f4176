import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toOutputFacts } from '@/lib/extract/output-format';
import { icpJsonSchema } from '@/lib/icp';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function icp(...args: string[]): { code: number; stdout: string; stderr: string } {
  return icpWithInput('', ...args);
}

function icpWithInput(input: string, ...args: string[]) {
  const run = spawnSync(TSX, ['scripts/icp.ts', ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}

// Each case starts a TypeScript runner in a process of its own: generous time on a busy machine.
describe('npm run -s icp', { timeout: 30_000 }, () => {
  it('validate prints the name and version of a valid ICP', () => {
    expect(icp('validate', 'docs/examples/icp-default.json')).toEqual({
      code: 0,
      stdout: 'Mid-market B2B SaaS (built-in) v1\n',
      stderr: '',
    });
  });

  it('validate lists every problem with its path, without a stack trace', () => {
    const { code, stderr } = icp('validate', 'test/fixtures/icp/broken.json');
    expect(code).toBe(1);
    expect(stderr).toContain('test/fixtures/icp/broken.json: version: ');
    expect(stderr).toContain('criteria[0].weight: ');
    // In the editor's words, with the value at fault.
    expect(stderr).toContain(
      'criteria[0].ideal.min: Criterion “Size”, Ideal range: the lowest value is above the highest (500 > 100)',
    );
    expect(stderr).toContain(
      'criteria[1].countries[0]: Criterion “Where”, Countries: “Germany” must be an ISO 3166-1 alpha-2 code',
    );
    expect(stderr).toMatch(/colour/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('validate reads a file with a byte-order mark, and says when a valid file is too large to use', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const example = readFileSync(path.join(ROOT, 'docs/examples/icp-default.json'), 'utf8');
    const bom = path.join(dir, 'bom.json');
    writeFileSync(bom, `\uFEFF${example}`);
    expect(icp('validate', bom)).toMatchObject({ code: 0, stdout: 'Mid-market B2B SaaS (built-in) v1\n' });
    // A location code that is no country is valid (a saved ICP must load) but named: it never matches.
    const eu = path.join(dir, 'eu.json');
    writeFileSync(eu, example.replace('"countries": []', '"countries": ["EU"]'));
    expect(icp('validate', eu)).toMatchObject({
      code: 0,
      stderr: expect.stringContaining(
        "lists “EU”, which is no country's ISO 3166-1 alpha-2 code: it never matches",
      ),
    });
    // UTF-16, as Windows PowerShell 5 writes files (`ConvertTo-Json | Out-File`).
    const utf16 = path.join(dir, 'utf16.json');
    writeFileSync(utf16, Buffer.from(`\uFEFF${example}`, 'utf16le'));
    expect(icp('validate', utf16)).toMatchObject({ code: 0, stdout: 'Mid-market B2B SaaS (built-in) v1\n' });
    // Valid, but padded past what a team file may be (spaces are valid JSON), then past what the editor imports.
    const big = path.join(dir, 'big.json');
    writeFileSync(big, example.replace('{', `{${' '.repeat(600 * 1024)}`));
    expect(icp('validate', big)).toMatchObject({
      code: 0,
      stdout: 'Mid-market B2B SaaS (built-in) v1\n',
      stderr: expect.stringContaining('valid, but a team file is at most 512 kB (team sync refuses it)'),
    });
    writeFileSync(big, example.replace('{', `{${' '.repeat(1_100_000)}`));
    expect(icp('validate', big)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('the options page imports an ICP file of at most 1,024 kB (1 MB)'),
    });
  });

  it('validate fails a file saved as Windows-1252, which team sync refuses, and checks its content all the same', () => {
    const example = readFileSync(path.join(ROOT, 'docs/examples/icp-default.json'), 'utf8');
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    // Read as such, but a failure: a manager validates before publishing.
    const ansi = path.join(dir, 'ansi.json');
    // Latin-1 is Windows-1252 but for 0x80–0x9F, where Windows-1252 has the en dash of "200–2,000" at 0x96.
    const windows1252 = example.replace('(built-in)', 'für Müller').replaceAll('–', '\x96');
    writeFileSync(ansi, Buffer.from(windows1252, 'latin1'));
    const notUtf8 = `${ansi}: not UTF-8: it was saved as Windows-1252 ("ANSI"). A team file must be UTF-8: team sync refuses this one, and every rep would keep the previous ICP, with an error. Save it as UTF-8 and validate it again (the options page's import reads it as Windows-1252: check its accented letters there)\n`;
    expect(icp('validate', ansi)).toEqual({ code: 1, stdout: '', stderr: notUtf8 });
    writeFileSync(ansi, Buffer.from(windows1252.replace('"version": 1', '"version": 0'), 'latin1'));
    expect(icp('validate', ansi)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${notUtf8}${ansi}: version: Version: must be at least 1 (now 0)\n`,
    });
  });

  it("validate gives a size over the limit in the limit's units, read from a file or standard input alike", () => {
    const example = readFileSync(path.join(ROOT, 'docs/examples/icp-default.json'), 'utf8');
    // One byte over 1 MB: it was "1000 kB" (or "977 kB" for 1,000,500 bytes) under "at most 1 MB".
    const padded = example.replace('{', `{${' '.repeat(1024 * 1024 + 1 - Buffer.byteLength(example))}`);
    expect(Buffer.byteLength(padded)).toBe(1024 * 1024 + 1);
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const file = path.join(dir, 'big.json');
    writeFileSync(file, padded);
    const refusal =
      ': 1,025 kB: the options page imports an ICP file of at most 1,024 kB (1 MB), and a team file is at most 512 kB\n';
    expect(icp('validate', file)).toEqual({ code: 1, stdout: '', stderr: `${file}${refusal}` });
    // Standard input has no size on disk: it was not checked at all.
    expect(icpWithInput(padded, 'validate', '-')).toEqual({ code: 1, stdout: '', stderr: `-${refusal}` });
  });

  it('score and calibrate refuse standard input for two options, which would leave the second empty', () => {
    const facts = readFileSync(path.join(ROOT, 'test/fixtures/icp/facts.jsonl'), 'utf8');
    expect(icpWithInput(facts, 'score', '--icp', '-', '--facts', '-')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining(
        '--icp and --facts: standard input (-) can be read only once; give all but one as a file',
      ),
    });
    expect(icp('calibrate', '--icp', '-', '--accounts', '-')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--icp and --accounts: standard input (-) can be read only once'),
    });
  });

  it('validate checks every file given, each on its own, and fails if any fails', () => {
    const { code, stdout, stderr } = icp(
      'validate',
      'docs/examples/icp-default.json',
      'test/fixtures/icp/broken.json',
      'nope.json',
      'docs/examples/icp-default.json',
    );
    expect(code).toBe(1);
    // With several files, each result names its file, as grep does.
    expect(stdout).toBe('docs/examples/icp-default.json: Mid-market B2B SaaS (built-in) v1\n'.repeat(2));
    expect(stderr).toContain('test/fixtures/icp/broken.json: criteria[0].weight: ');
    expect(stderr).toContain('nope.json: no such file\n');
  });

  it('validate refuses reading standard input twice, and schema refuses an argument it would ignore', () => {
    expect(icp('validate', '-', '-')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('standard input (-) can be read only once'),
    });
    expect(icp('schema', 'extra')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining("schema takes no arguments; remove 'extra'"),
    });
  });

  it('validate warns, as the editor does, of a stale range label and a technology it does not know', () => {
    const example = JSON.parse(readFileSync(path.join(ROOT, 'docs/examples/icp-default.json'), 'utf8'));
    // The label still says "200–2,000 employees"; the range now starts at 10.
    example.criteria[1].ideal = { min: 10, max: 2000 };
    example.criteria.push({
      id: 'stack',
      label: 'Uses a CRM',
      weight: 2,
      rule: 'score',
      kind: 'technologies',
      match: 'any',
      technologies: ['HubSpot', 'Salesfroce', 'Account Engagement', 'Abacus 9000'],
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const file = path.join(dir, 'icp.json');
    writeFileSync(file, JSON.stringify(example));
    const { code, stdout, stderr } = icp('validate', file);
    // Warnings: the file is valid, and the exit code says so.
    expect({ code, stdout }).toEqual({ code: 0, stdout: 'Mid-market B2B SaaS (built-in) v1\n' });
    expect(stderr.trim().split('\n')).toEqual([
      `${file}: valid, but criterion “200–2,000 employees”: The label names 200, but the ideal range is 10–2,000 employees: reps read the label, so make it say what the criterion scores.`,
      // Another name of a detected technology ("Account Engagement" is Pardot) is no mistake.
      `${file}: valid, but criterion “Uses a CRM” names “Salesfroce”, a technology ICP Lens does not detect: it never matches on a page (did you mean “Salesforce”?)`,
      `${file}: valid, but criterion “Uses a CRM” names “Abacus 9000”, a technology ICP Lens does not detect: it never matches on a page`,
    ]);
  });

  it('validate warns of tier thresholds written as fractions, as scores run from 0 to 100', () => {
    const example = JSON.parse(readFileSync(path.join(ROOT, 'docs/examples/icp-default.json'), 'utf8'));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'icp-cli-')), 'icp.json');
    writeFileSync(file, JSON.stringify({ ...example, tiers: { tier1: 0.8, tier2: 0.6, tier3: 0.4 } }));
    expect(icp('validate', file)).toEqual({
      code: 0,
      stdout: 'Mid-market B2B SaaS (built-in) v1\n',
      stderr: `${file}: valid, but every tier threshold is 1 or less (Tier 1 0.8, Tier 2 0.6, Tier 3 0.4): scores run from 0 to 100, so nearly every company that matches at all is Tier 1; write them as points, such as 80, 60 and 40\n`,
    });
  });

  it('validate checks what goes into a policy: the ICP as one JSON string, and a Chrome or Firefox policy file', () => {
    const text = readFileSync(path.join(ROOT, 'docs/examples/icp-default.json'), 'utf8');
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const write = (name: string, value: unknown) => {
      const file = path.join(dir, name);
      writeFileSync(file, JSON.stringify(value));
      return file;
    };
    // What `jq -Rs . FILE` prints.
    const string = write('icp-string.json', text);
    expect(icp('validate', string)).toEqual({
      code: 0,
      stdout: 'Mid-market B2B SaaS (built-in) v1\n',
      stderr: `${string}: the ICP as one JSON string, as a policy's “icp” setting holds it: checked the ICP inside; the options page's import and a team file need the ICP file itself\n`,
    });
    const id = 'abcdefghijklmnopabcdefghijklmnop';
    const chrome = (settings: Record<string, unknown>, extensionId = id) =>
      write('chrome.json', {
        '3rdparty': {
          extensions: { [extensionId]: settings, ponmlkjihgfedcbaponmlkjihgfedcba: { other: 1 } },
        },
      });
    expect(icp('validate', chrome({ icp: text, refreshMinutes: 30 }))).toEqual({
      code: 0,
      stdout: `Chrome policy for ${id}: Mid-market B2B SaaS (built-in) v1\n`,
      stderr: '',
    });
    // Every setting as the extension reads it, the ICP inside as `validate` checks a file.
    const broken = { ...JSON.parse(text), version: 0 };
    const file = chrome(
      { icp: JSON.stringify(broken), refreshMinutes: '30', teamIcpURL: 'https://ops.example.com/icp.json' },
      'abc',
    );
    const where = `${file}: 3rdparty.extensions.abc`;
    expect(icp('validate', file)).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        `${where}: “abc” is not an extension id (32 letters from a to p), so Chrome gives these settings to no extension: use ICP Lens's id as chrome://extensions shows it`,
        `${where}: “teamIcpURL” is not a setting ICP Lens reads (did you mean “teamIcpUrl”?); it reads icp, teamIcpUrl, refreshMinutes, allowRepOverride, memoryDays, rememberIncognito`,
        `${where}: refreshMinutes: must be a whole number of minutes from 5 to 10080 (a week) (got "30")`,
        `${where}.icp: version: Version: must be at least 1 (now 0)`,
        '',
      ].join('\n'),
    });
    // Chrome drops an ICP written as an object; Firefox takes it.
    expect(icp('validate', chrome({ icp: JSON.parse(text) }))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        '.icp: the ICP is written as an object, which Chrome drops without a word',
      ),
    });
    const firefox = write('policies.json', {
      policies: { '3rdparty': { Extensions: { 'icp-lens@icp-lens.dev': { icp: JSON.parse(text) } } } },
    });
    expect(icp('validate', firefox)).toEqual({
      code: 0,
      stdout: 'Firefox policy for icp-lens@icp-lens.dev: Mid-market B2B SaaS (built-in) v1\n',
      stderr: '',
    });
  });

  it('--help prints the usage on stdout and succeeds, after a command too', () => {
    for (const args of [['--help'], ['validate', '--help'], ['calibrate', '--help']]) {
      const { code, stdout, stderr } = icp(...args);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toContain('--outcomes wording=won|lost|open|none');
    }
  });

  it('validate explains a missing file and invalid JSON', () => {
    expect(icp('validate', 'nope.json')).toMatchObject({ code: 1, stderr: 'nope.json: no such file\n' });
    expect(icp('validate', 'test/fixtures/icp/facts.jsonl').stderr).toMatch(/not valid JSON/);
  });

  it('score prints one JSON line per company in the facts file', () => {
    const { code, stdout } = icp(
      'score',
      '--icp',
      'docs/examples/icp-default.json',
      '--facts',
      'test/fixtures/icp/facts.jsonl',
    );
    expect(code).toBe(0);
    const [lumenfold, news] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lumenfold).toMatchObject({
      file: 'lumenfold.html',
      tier: 'tier_1',
      verdict: 'tier_1',
      score: 100,
    });
    expect(lumenfold.criteria).toContainEqual({ id: 'revenue', status: 'unknown', contribution: 0 });
    // As in the side panel, a page that is nobody's profile gets no verdict (not "not a fit"): every line has
    // the same keys, `verdict` included, so that a reader of the output need not tell a missing key from null.
    expect(news).toEqual({
      file: 'news.html',
      tier: null,
      verdict: null,
      score: null,
      coverage: null,
      criteria: [],
      notScored: 'not a company profile (page role: negative)',
    });
  });

  it('score reads the facts from standard input with --facts -', () => {
    const facts = readFileSync(path.join(ROOT, 'test/fixtures/icp/facts.jsonl'), 'utf8');
    const piped = icpWithInput(facts, 'score', '--icp', 'docs/examples/icp-default.json', '--facts', '-');
    const fromFile = icp(
      'score',
      '--icp',
      'docs/examples/icp-default.json',
      '--facts',
      'test/fixtures/icp/facts.jsonl',
    );
    expect(piped).toEqual(fromFile);
    expect(piped.stdout).toContain('"file":"lumenfold.html"');
  });

  it('score rejects a line that is not a page with its facts, naming the line, and scores the rest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const facts = path.join(dir, 'facts.jsonl');
    const good = '{"file": "a.html", "facts": {"name": "Acme", "domain": "acme.com", "pageRole": "profile"}}';
    writeFileSync(facts, `[1, 2]\nnull\n{"file": "x.html"}\n${good}\n`);
    const { code, stdout, stderr } = icp(
      'score',
      '--icp',
      'docs/examples/icp-default.json',
      '--facts',
      facts,
    );
    expect(code).toBe(1);
    for (const line of [1, 2, 3])
      expect(stderr).toContain(`${facts}:${line}: expected an object with the page's facts`);
    const scored = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(scored.map((s) => s.file)).toEqual(['a.html']);
    // A name and a domain are nothing the ICP weighs: Not a fit to the scorer, "Not enough known" as shown.
    expect(scored[0]).toMatchObject({
      tier: 'not_a_fit',
      verdict: 'not_enough_known',
      score: null,
      coverage: 0,
    });
  });

  it('score reports a page extract could not read with its error, not as a page naming no company', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const facts = path.join(dir, 'facts.jsonl');
    // As `extract` writes a page it could not read: its error, and facts that are all unknown.
    const unread = {
      file: 'gone.html',
      url: 'https://gone.example/',
      facts: toOutputFacts(null),
      ms: null,
      error: 'no such file: pages/gone.html',
    };
    writeFileSync(facts, `${JSON.stringify(unread)}\n`);
    const { code, stdout } = icp('score', '--icp', 'docs/examples/icp-default.json', '--facts', facts);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      file: 'gone.html',
      tier: null,
      verdict: null,
      score: null,
      coverage: null,
      criteria: [],
      notScored: 'not extracted: no such file: pages/gone.html',
    });
  });

  it('score reads a country code in either case and refuses impossible countries and years, naming them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const facts = path.join(dir, 'facts.jsonl');
    const line = (file: string, extra: object) =>
      JSON.stringify({ file, facts: { name: file, domain: `${file}.de`, pageRole: 'profile', ...extra } });
    writeFileSync(
      facts,
      [
        line('lower', { hqCountry: 'de' }),
        line('xx', { hqCountry: 'XX' }),
        line('future', { foundedYear: 99999 }),
      ].join('\n'),
    );
    const { code, stdout, stderr } = icp(
      'score',
      '--icp',
      'docs/examples/icp-default.json',
      '--facts',
      facts,
    );
    expect(code).toBe(1);
    const [lower, ...rest] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rest).toEqual([]);
    // Germany is in Europe: the location criterion matches, as it would for "DE".
    expect(lower.criteria).toContainEqual(expect.objectContaining({ id: 'location', status: 'match' }));
    expect(stderr).toContain(`${facts}:2: facts.hqCountry: "XX" is not an ISO 3166-1 alpha-2 country code`);
    expect(stderr).toContain(`${facts}:3: facts.foundedYear: must not be after this year`);
  });

  it('an unknown command is named before the usage, with exit code 2', () => {
    const { code, stdout, stderr } = icp('bogus');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^unknown command 'bogus'\n\nUsage:/);
  });

  it('an unknown option prints the usage with exit code 2', () => {
    const { code, stderr } = icp('score', '--bogus');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--bogus'[\s\S]*Usage:/);
  });

  it('invalid JSON is located by line and column', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const file = path.join(dir, 'icp.json');
    writeFileSync(file, '{"schemaVersion": 1,\n  "name": "x",\n  "version": 1 oops\n}\n');
    expect(icp('validate', file).stderr).toContain(`${file}: not valid JSON at line 3, column 16`);
  });

  it('docs/icp.schema.json is the schema the code generates', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'docs/icp.schema.json'), 'utf8'))).toEqual(
      icpJsonSchema(),
    );
  });

  it('calibrate prints one JSON object: accounts, tiers with won/lost/open/win rate, AUC, coverage, rejected rows', () => {
    const { code, stdout, stderr } = icp(
      'calibrate',
      '--icp',
      'docs/examples/icp-default.json',
      '--accounts',
      'test/fixtures/accounts/sample-accounts.csv',
    );
    // Its broken rows include a stage no one has said the meaning of.
    expect({ code, stderr }).toEqual({
      code: 0,
      stderr:
        'test/fixtures/accounts/sample-accounts.csv: 4 rows rejected: their "Deal Stage" is not won, lost, open or a known deal stage ("maybe later" (4 rows)); say what each means with --outcomes "maybe later=won|lost|open|none"\n',
    });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout);
    expect(out.accounts).toBeGreaterThan(1000);
    for (const tier of ['tier_1', 'tier_2', 'tier_3', 'not_a_fit']) {
      const t = out.tiers[tier];
      expect(t).toMatchObject({
        won: expect.any(Number),
        lost: expect.any(Number),
        open: expect.any(Number),
      });
      expect(t.winRate).toBeCloseTo(t.won / (t.won + t.lost), 10);
    }
    const total = Object.values(
      out.tiers as Record<string, { won: number; lost: number; open: number }>,
    ).reduce((s, t) => s + t.won + t.lost + t.open, 0);
    expect(total).toBe(out.accounts);
    expect(out.auc).toBeGreaterThan(0.5);
    expect(out.auc).toBeLessThanOrEqual(1);
    expect(out.coverage).toBeGreaterThan(0);
    expect(out.rejected.length + out.accounts).toBe(1500);
    expect(out.rejected[0]).toEqual({ line: expect.any(Number), reason: expect.any(String) });
    // Each criterion with how many won and lost accounts showed its fact, and its reading of them.
    const industry = out.criteria.find((c: { id: string }) => c.id === 'industry');
    expect(industry).toMatchObject({ wonKnown: expect.any(Number), lostKnown: expect.any(Number) });
    expect(industry.wonKnown + industry.lostKnown).toBeGreaterThan(100);
    expect(industry.verdict).toBe('separates');
  });

  it('calibrate takes --map corrections and --compare, and names the columns when the outcome is missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const csv = path.join(dir, 'accounts.csv');
    writeFileSync(csv, 'Firm,Web,Step\nAcme,acme.com,Closed Won\nBeta,beta.io,Closed Lost\n');
    const guessed = icp('calibrate', '--icp', 'docs/examples/icp-default.json', '--accounts', csv);
    expect(guessed.code).toBe(1);
    expect(guessed.stderr).toMatch(
      /Choose the column with the outcome or deal stage\. Columns: Firm, Web, Step/,
    );
    // A second ICP to compare with. These accounts give only a name and a domain, nothing either ICP asks
    // about: both count them as "Not enough known", so there is no order to measure (AUC null) and none moves.
    const other = JSON.parse(readFileSync(path.join(ROOT, 'docs/examples/icp-default.json'), 'utf8'));
    other.name = 'Enterprise';
    other.criteria[1].ideal = { min: 10000, max: null };
    other.criteria[1].acceptable = [];
    const otherPath = path.join(dir, 'enterprise.json');
    writeFileSync(otherPath, JSON.stringify(other));
    const mapped = icp(
      'calibrate',
      '--icp',
      'docs/examples/icp-default.json',
      '--accounts',
      csv,
      '--map',
      'Firm=name,Step=outcome',
      '--compare',
      otherPath,
    );
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({
      accounts: 2,
      rejected: [],
      outcomes: { won: 1, lost: 1, open: 0 },
      auc: null,
      tiers: { not_a_fit: { won: 0, lost: 0 }, not_enough_known: { won: 1, lost: 1, winRate: 0.5 } },
      compare: { icp: 'Enterprise v1', movedUp: 0, movedDown: 0 },
    });
  });

  it('calibrate says an outcome column with no won, lost or open value is most likely the wrong column', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const csv = path.join(dir, 'accounts.csv');
    writeFileSync(
      csv,
      'Name,Domain,Stage,Created Date\nAcme,acme.com,Closed Won,2026-01-03\nBeta,beta.io,Closed Lost,2026-01-03\nGamma,gamma.io,Closed Won,2026-02-11\nDelta,delta.io,Open,2026-03-20\nEta,eta.io,Open,2026-04-01\n',
    );
    const { code, stdout, stderr } = icp(
      'calibrate',
      '--icp',
      'docs/examples/icp-default.json',
      '--accounts',
      csv,
      '--map',
      'Created Date=outcome',
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      accounts: 0,
      unreadOutcomes: { column: 'Created Date', noneRead: true },
    });
    expect(stderr).toBe(
      `${csv}: the outcome column "Created Date" holds no won, lost or open values ("2026-01-03" (2 rows), "2026-02-11" (1 row), "2026-03-20" (1 row) and 1 more): it is most likely the wrong column, so name the right one with --map "COLUMN=outcome"; if these are your deal stages, say what each means with --outcomes "2026-01-03=won|lost|open|none,2026-02-11=won|lost|open|none,2026-03-20=won|lost|open|none,…"\n`,
    );
  });

  it("calibrate takes --outcomes for a team's own deal stages, and names a wording the file does not have", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const csv = path.join(dir, 'accounts.csv');
    writeFileSync(csv, 'Name,Domain,Stage\nAcme,acme.com,Signed - Renewal\nBeta,beta.io,Went elsewhere\n');
    const args = ['calibrate', '--icp', 'docs/examples/icp-default.json', '--accounts', csv];
    // Unknown stages alone: no row to read.
    expect(JSON.parse(icp(...args).stdout)).toMatchObject({
      accounts: 0,
      rejected: [{ line: 2 }, { line: 3 }],
    });
    // Some of them: the rows rejected for them point to --outcomes, on stderr and in the JSON.
    writeFileSync(
      csv,
      'Name,Domain,Stage\nAcme,acme.com,Signed - Renewal\nBeta,beta.io,Went elsewhere\nGamma,gamma.io,Closed Won\n',
    );
    const some = icp(...args);
    expect(some.code).toBe(0);
    expect(some.stderr).toBe(
      `${csv}: 2 rows rejected: their "Stage" is not won, lost, open or a known deal stage ("Signed - Renewal" (1 row), "Went elsewhere" (1 row)); say what each means with --outcomes "Signed - Renewal=won|lost|open|none,Went elsewhere=won|lost|open|none"\n`,
    );
    expect(JSON.parse(some.stdout).unreadOutcomes).toEqual({
      column: 'Stage',
      values: [
        { value: 'Signed - Renewal', rows: 1 },
        { value: 'Went elsewhere', rows: 1 },
      ],
      more: 0,
      rows: 2,
      noneRead: false,
      hint: '--outcomes "Signed - Renewal=won|lost|open|none,Went elsewhere=won|lost|open|none"',
    });
    writeFileSync(csv, 'Name,Domain,Stage\nAcme,acme.com,Signed - Renewal\nBeta,beta.io,Went elsewhere\n');
    const chosen = icp(...args, '--outcomes', 'Signed - Renewal=won,went elsewhere=lost');
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout)).toMatchObject({
      accounts: 2,
      rejected: [],
      outcomes: { won: 1, lost: 1 },
    });
    const typo = icp(...args, '--outcomes', 'Signed Renewal=won');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain(
      'accounts.csv: --outcomes: column "Stage" has no "signed renewal". Its values: Signed - Renewal, Went elsewhere.',
    );
    expect(typo.stdout).toBe('');
  });

  it('calibrate says when a file has no rows, with exit code 1, and adds up --map given twice', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    const headerOnly = path.join(dir, 'header-only.csv');
    writeFileSync(headerOnly, 'Name,Domain,Stage\n');
    const empty = icp('calibrate', '--icp', 'docs/examples/icp-default.json', '--accounts', headerOnly);
    expect(empty).toMatchObject({ code: 1, stderr: `${headerOnly}: no rows under the header\n` });
    expect(JSON.parse(empty.stdout)).toMatchObject({ accounts: 0 });
    const csv = path.join(dir, 'accounts.csv');
    writeFileSync(csv, 'Firm,Web,Phase\nAcme,acme.com,Closed Won\n');
    const twice = icp(
      ...['calibrate', '--icp', 'docs/examples/icp-default.json', '--accounts', csv],
      ...['--map', 'Firm=name', '--map', 'Phase=outcome'],
    );
    expect(twice.code).toBe(0);
    expect(JSON.parse(twice.stdout)).toMatchObject({
      accounts: 1,
      mapping: { name: 'Firm', outcome: 'Phase' },
    });
  });

  it('calibrate explains a missing, one-column or oversized accounts file on stderr', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
    expect(
      icp('calibrate', '--icp', 'docs/examples/icp-default.json', '--accounts', 'nope.csv'),
    ).toMatchObject({
      code: 1,
      stderr: 'nope.csv: no such file\n',
    });
    const oneColumn = path.join(dir, 'colon.csv');
    writeFileSync(oneColumn, 'Name:Domain:Stage\nAcme:acme.com:won\n');
    expect(
      icp('calibrate', '--icp', 'docs/examples/icp-default.json', '--accounts', oneColumn).stderr,
    ).toMatch(/Only one column found/);
    const huge = path.join(dir, 'huge.csv');
    writeFileSync(huge, '');
    truncateSync(huge, 100 * 1024 * 1024);
    const refused = icp('calibrate', '--icp', 'docs/examples/icp-default.json', '--accounts', huge);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is 100 MB; an accounts file can be at most 50 MB/);
  });
});
