import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_ICP, type Icp, parseIcp, publishIcp } from '@/lib/icp';
import {
  clearUserIcp,
  IcpLockedError,
  loadActiveIcp,
  loadIcpHistory,
  loadTeamSchedule,
  saveRepTeamUrl,
  saveTeamSync,
  saveUserIcp,
  teamSyncItem,
  watchActiveIcp,
} from '@/lib/settings';
import {
  type IcpInputs,
  NO_POLICY,
  readPolicy,
  resolveActiveIcp,
  type TeamSyncState,
} from '@/lib/settings/precedence';
import { createTeamSync, ensureSyncAlarm, TEAM_SYNC_ALARM } from '@/lib/team-sync';

const icp = (name: string, version: number): Icp => ({ ...DEFAULT_ICP, name, version });
const TEAM_URL = 'https://ops.acme.test/icp.json';
const teamState = (team: Icp, url = TEAM_URL): TeamSyncState => ({
  url,
  icp: team,
  icpUrl: url,
  icpSetBy: null,
  etag: null,
  lastModified: null,
  fetchedAt: 1000,
  checkedAt: 2000,
  error: null,
});
const inputs = (change: Partial<IcpInputs>): IcpInputs => ({
  policy: NO_POLICY,
  repTeamUrl: null,
  team: null,
  user: null,
  defaultIcp: DEFAULT_ICP,
  ...change,
});
const policy = (raw: Record<string, unknown>) => readPolicy(raw);

describe('which ICP is in force', () => {
  it('is the built-in default when nothing is set', () => {
    expect(resolveActiveIcp(inputs({}))).toMatchObject({
      source: 'default',
      locked: false,
      team: null,
      policy: null,
    });
  });

  it('is the rep’s own ICP over the default', () => {
    expect(resolveActiveIcp(inputs({ user: icp('Mine', 2) }))).toMatchObject({
      source: 'user',
      icp: { name: 'Mine' },
      fallback: { source: 'default' },
    });
  });

  it('is the team ICP from the rep’s address over the default', () => {
    const active = resolveActiveIcp(inputs({ repTeamUrl: TEAM_URL, team: teamState(icp('Team', 5)) }));
    expect(active).toMatchObject({
      source: 'team',
      icp: { name: 'Team', version: 5 },
      locked: false,
      team: {
        url: TEAM_URL,
        setBy: 'rep',
        checkedAt: 2000,
        fetchedAt: 1000,
        icp: { name: 'Team', version: 5 },
      },
    });
    expect(active.origin).toContain(TEAM_URL);
  });

  it('lets the rep’s own ICP override a team address the rep set (clearing it goes back to the team’s)', () => {
    const active = resolveActiveIcp(
      inputs({ repTeamUrl: TEAM_URL, team: teamState(icp('Team', 5)), user: icp('Mine', 2) }),
    );
    expect(active).toMatchObject({ source: 'user', fallback: { source: 'team', name: 'Team', version: 5 } });
  });

  it('is the policy ICP over the team, the rep and the default, and locks the editor', () => {
    const active = resolveActiveIcp(
      inputs({
        policy: policy({ icp: JSON.stringify(icp('Org', 7)), teamIcpUrl: 'https://other.test/icp.json' }),
        repTeamUrl: TEAM_URL,
        team: teamState(icp('Team', 5)),
        user: icp('Mine', 2),
      }),
    );
    expect(active).toMatchObject({ source: 'policy', icp: { name: 'Org', version: 7 }, locked: true });
    expect(active.origin).toBe('Set by your organisation’s policy.');
  });

  it('keeps the policy’s team file checked while its ICP is in force, and falls back to it when that ICP breaks', () => {
    const both = (policyIcp: unknown) =>
      resolveActiveIcp(
        inputs({
          policy: policy({ icp: policyIcp, teamIcpUrl: TEAM_URL }),
          team: teamState(icp('Team', 5)),
        }),
      );
    const valid = both(JSON.stringify(icp('Org', 7)));
    expect(valid).toMatchObject({
      source: 'policy',
      team: { url: TEAM_URL, setBy: 'policy', icp: { name: 'Team' } },
    });
    // The next policy's ICP has a typo: the team file stands in, still locked, not the built-in default.
    const broken = both('{"schemaVersion":1,');
    expect(broken).toMatchObject({ source: 'team', icp: { name: 'Team', version: 5 }, locked: true });
    expect(broken.policy?.problems[0]).toMatch(/^icp: not valid JSON/);
  });

  it('lets the rep’s own ICP win over the policy when the policy allows overrides', () => {
    const active = resolveActiveIcp(
      inputs({ policy: policy({ icp: icp('Org', 7), allowRepOverride: true }), user: icp('Mine', 2) }),
    );
    expect(active).toMatchObject({
      source: 'user',
      locked: false,
      fallback: { source: 'policy', name: 'Org' },
    });
  });

  it('uses the policy’s team address over the rep’s and locks it', () => {
    const policyUrl = 'https://hq.acme.test/icp.json';
    const active = resolveActiveIcp(
      inputs({
        policy: policy({ teamIcpUrl: policyUrl }),
        repTeamUrl: TEAM_URL,
        team: teamState(icp('HQ', 3), policyUrl),
        user: icp('Mine', 2),
      }),
    );
    expect(active).toMatchObject({ source: 'team', locked: true, team: { url: policyUrl, setBy: 'policy' } });
  });

  it('keeps the team ICP of the earlier address until the new address delivers a file, and says so', () => {
    const moved = 'https://new.acme.test/icp.json';
    const fromRep = { ...teamState(icp('Old team', 5)), icpSetBy: 'rep' as const };
    const fromPolicy = { ...fromRep, icpSetBy: 'policy' as const };
    const active = resolveActiveIcp(inputs({ repTeamUrl: moved, team: fromRep }));
    expect(active).toMatchObject({ source: 'team', icp: { name: 'Old team', version: 5 } });
    expect(active.team).toMatchObject({ url: moved, icpUrl: TEAM_URL, icp: { name: 'Old team' } });
    expect(active.origin).toBe(
      `Team ICP from ${TEAM_URL}, the earlier team address: ${moved} has not delivered a file yet.`,
    );
    // The same under a policy that names another host: the reps are not left on the built-in default.
    const policyMoved = resolveActiveIcp(inputs({ policy: policy({ teamIcpUrl: moved }), team: fromPolicy }));
    expect(policyMoved).toMatchObject({ source: 'team', locked: true });
    // Only between addresses the same party set: a rep's own file never stands in for the policy's address,
    // nor the organisation's old file for the rep's; a state saved before the party was kept carries nothing.
    for (const [team, change] of [
      [fromRep, { policy: policy({ teamIcpUrl: moved }) }],
      [fromPolicy, { repTeamUrl: moved }],
      [teamState(icp('Old team', 5)), { repTeamUrl: moved }],
    ] as const) {
      const active = resolveActiveIcp(inputs({ team, ...change }));
      expect(active.source, JSON.stringify(change)).toBe('default');
      expect(active.problem).toMatch(/No team ICP has been received/);
    }
  });

  it('does not use the rep’s team address while a policy that means to set the ICP cannot be used', () => {
    for (const broken of [{ icp: '{"name": "Broken"' }, { teamIcpUrl: 'http://corp.example/icp.json' }]) {
      const active = resolveActiveIcp(
        inputs({ policy: policy(broken), repTeamUrl: TEAM_URL, team: teamState(icp('Mine', 2)) }),
      );
      expect(active, JSON.stringify(broken)).toMatchObject({ source: 'default', locked: true, team: null });
      expect(active.problem).toMatch(/^Your organisation’s policy sets an ICP that cannot be used/);
    }
    // With reps allowed their own, their address counts again.
    const open = resolveActiveIcp(
      inputs({
        policy: policy({ icp: '{"name": "Broken"', allowRepOverride: true }),
        repTeamUrl: TEAM_URL,
        team: teamState(icp('Mine', 2)),
      }),
    );
    expect(open.source).toBe('team');
  });

  it('reports an invalid policy ICP clearly and keeps working, on the built-in default while locked', () => {
    const active = resolveActiveIcp(
      inputs({
        policy: policy({ icp: '{"name": "Broken"', refreshMinutes: 30 }),
        repTeamUrl: TEAM_URL,
        team: teamState(icp('Team', 5)),
      }),
    );
    expect(active).toMatchObject({ source: 'default', locked: true });
    expect(active.policy?.problems[0]).toMatch(/^icp: not valid JSON/);
    expect(active.policy?.refreshMinutes).toBe(30);
  });

  it('reports a schema-invalid policy ICP in the editor’s words, and the other policy settings still apply', () => {
    const parsed = policy({
      icp: { ...icp('Org', 1), criteria: [], version: 1.5 },
      refreshMinutes: 2,
      allowRepOverride: 'yes',
      teamIcpUrl: 'ftp://x',
    });
    expect(parsed.icp).toBeNull();
    expect(parsed.problems).toContain('icp: Criteria: needs at least one entry');
    expect(parsed.problems).toContain('icp: Version: must be a whole number (now 1.5)');
    expect(parsed.problems).toContain(
      'teamIcpUrl: ftp: is not a web address: the team file must be served over https:// (plain http only for localhost)',
    );
    expect(parsed.problems).toContain(
      'refreshMinutes: must be a whole number of minutes from 5 to 10080 (a week) (got 2)',
    );
    expect(parsed.problems).toContain(
      'allowRepOverride: must be true or false (a JSON boolean, not a string) (got "yes")',
    );
    expect(parsed).toMatchObject({ teamIcpUrl: null, refreshMinutes: null, allowRepOverride: null });
  });

  it('lists every problem of a policy ICP up to twenty, then how many more', () => {
    const criteria = Array.from({ length: 30 }, (_, i) => ({
      id: `c${i}`,
      label: `Criterion ${i}`,
      kind: 'employees',
      weight: -1,
      rule: 'score',
      ideal: { min: 1, max: 10 },
    }));
    const { problems } = policy({ icp: { ...icp('Org', 1), criteria } });
    expect(problems).toHaveLength(20);
    expect(problems.at(-1)).toMatch(
      /^icp: and \d+ more problems \(npm run -s icp -- validate lists them all\)$/,
    );
  });

  it('keeps the ICP locked when the policy’s ICP or team address cannot be used: the default, not the rep’s own', () => {
    const mine = icp('Mine', 3);
    for (const broken of [
      { icp: '{"name": "Broken"' },
      { icp: { ...icp('Org', 1), criteria: [] } },
      { teamIcpUrl: 'http://ops.example.com/icp.json' },
      { icp: '{"name": "Broken"', allowRepOverride: false },
    ]) {
      const active = resolveActiveIcp(inputs({ policy: policy(broken), user: mine }));
      expect(active, JSON.stringify(broken)).toMatchObject({ locked: true, source: 'default' });
      expect(active.problem).toBe(
        'Your organisation’s policy sets an ICP that cannot be used (see below); the built-in default is in force until your IT administrator fixes it.',
      );
    }
    // Unless the policy lets reps use their own.
    const open = resolveActiveIcp(
      inputs({ policy: policy({ icp: '{"name": "Broken"', allowRepOverride: true }), user: mine }),
    );
    expect(open).toMatchObject({ locked: false, source: 'user' });
  });

  it('says the built-in default stands in for a policy setting that cannot be used, not that none was set up', () => {
    for (const broken of [
      { icp: '{"name": "Broken"' },
      { icp: { ...icp('Org', 1), criteria: [] } },
      { teamIcpUrl: 'http://ops.example.com/icp.json' },
    ]) {
      const active = resolveActiveIcp(inputs({ policy: policy(broken) }));
      expect(active.origin, JSON.stringify(broken)).toBe(
        'Built-in default: standing in because the ICP your organisation’s policy sets cannot be used.',
      );
    }
    // A team address that has delivered nothing yet is set up, too.
    expect(resolveActiveIcp(inputs({ repTeamUrl: TEAM_URL })).origin).toBe(
      'Built-in default: standing in until a file arrives from the team address.',
    );
    expect(resolveActiveIcp(inputs({})).origin).toBe(
      'Built-in default: in force because no ICP has been set up.',
    );
  });

  it('reads the company memory settings a policy sets, and reports values out of range', () => {
    expect(policy({ memoryDays: 14, rememberIncognito: false })).toMatchObject({
      memoryDays: 14,
      rememberIncognito: false,
      problems: [],
    });
    const bad = policy({ memoryDays: 400, rememberIncognito: 'no' });
    expect(bad).toMatchObject({ memoryDays: null, rememberIncognito: null });
    expect(bad.problems).toEqual([
      'memoryDays: must be a whole number of days from 1 to 365 (got 400)',
      'rememberIncognito: must be true or false (a JSON boolean, not a string) (got "no")',
    ]);
  });

  it('refuses a policy team address over plain http, as the rep’s own, but for this machine', () => {
    expect(policy({ teamIcpUrl: 'http://icp.acme.example/team.json' })).toMatchObject({
      teamIcpUrl: null,
      problems: [
        'teamIcpUrl: not HTTPS: the team file must be served over https:// (plain http only for localhost)',
      ],
    });
    expect(policy({ teamIcpUrl: 'http://localhost:8080/team.json' }).teamIcpUrl).toBe(
      'http://localhost:8080/team.json',
    );
  });

  it('reports a stored ICP of the rep’s that cannot be read, and the team ICP is in force', () => {
    const active = resolveActiveIcp(
      inputs({
        repTeamUrl: TEAM_URL,
        team: teamState(icp('Team', 5)),
        user: { name: 'broken', criteria: 'none' },
      }),
    );
    expect(active.source).toBe('team');
    expect(active.problem).toMatch(/^Your saved ICP could not be read \(.+\); the team ICP is in force\.$/);
  });

  it('reads no policy from an empty or missing managed area', () => {
    expect(readPolicy({})).toEqual(NO_POLICY);
    expect(readPolicy(undefined)).toEqual(NO_POLICY);
    expect(resolveActiveIcp(inputs({ policy: readPolicy({}) })).policy).toBeNull();
  });
});

describe('the ICP channels in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the policy from managed storage and refuses the rep’s own ICP while locked', async () => {
    await fakeBrowser.storage.managed.set({ icp: JSON.stringify(icp('Org', 7)) });
    expect(await loadActiveIcp()).toMatchObject({ source: 'policy', locked: true });
    await expect(saveUserIcp(icp('Mine', 8))).rejects.toThrow(IcpLockedError);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('treats a browser without managed storage as no policy', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    expect(await loadActiveIcp()).toMatchObject({ source: 'default', policy: null });
  });

  it('keeps the rep’s own ICP in the history even when it was not in force', async () => {
    await saveUserIcp(icp('Mine', 2));
    await fakeBrowser.storage.managed.set({ teamIcpUrl: TEAM_URL, allowRepOverride: true });
    await saveUserIcp(icp('Mine again', 3));
    await clearUserIcp();
    expect((await loadIcpHistory()).map((h) => h.icp.name)).toEqual(['Mine again', 'Mine']);
  });

  it('refuses a team address that is not https, and removing it forgets the team file', async () => {
    await expect(saveRepTeamUrl('http://ops.acme.test/icp.json')).rejects.toThrow(/not HTTPS/);
    await saveRepTeamUrl(TEAM_URL);
    await saveTeamSync(teamState(icp('Team', 5)));
    expect((await loadActiveIcp()).source).toBe('team');
    await saveRepTeamUrl(null);
    expect(await teamSyncItem.getValue()).toBeNull();
    expect((await loadActiveIcp()).source).toBe('default');
  });

  it('calls back when a channel changes the ICP in force, not when a check changes nothing', async () => {
    const changes: string[] = [];
    watchActiveIcp((active) => changes.push(`${active.source} ${active.icp.name} v${active.icp.version}`));
    await saveRepTeamUrl(TEAM_URL);
    await saveTeamSync(teamState(icp('Team', 5)));
    await saveTeamSync({ ...teamState(icp('Team', 5)), checkedAt: 9000 }); // a 304: same ICP
    await saveTeamSync({ ...teamState(icp('Team', 5)), error: { message: 'answered 500', at: 9500 } });
    await fakeBrowser.storage.managed.set({ icp: JSON.stringify(icp('Org', 7)) });
    await vi.waitFor(() => expect(changes).toEqual(['team Team v5', 'policy Org v7']));
  });
});

describe('the team sync schedule', () => {
  beforeEach(() => fakeBrowser.reset());

  const alarmsPort = {
    get: async (name: string) => (await fakeBrowser.alarms.get(name)) ?? undefined,
    create: (name: string, info: { delayInMinutes: number; periodInMinutes: number }) =>
      fakeBrowser.alarms.create(name, info),
    clear: (name: string) => fakeBrowser.alarms.clear(name),
  };

  it('creates an hourly alarm when a team address is set, and none otherwise', async () => {
    expect(await ensureSyncAlarm(alarmsPort, null)).toBe('none');
    expect(await ensureSyncAlarm(alarmsPort, 60)).toBe('created');
    expect(await fakeBrowser.alarms.get(TEAM_SYNC_ALARM)).toMatchObject({ periodInMinutes: 60 });
  });

  it('leaves an alarm with the right period alone (waking the worker must not postpone it)', async () => {
    await ensureSyncAlarm(alarmsPort, 60);
    const scheduled = (await fakeBrowser.alarms.get(TEAM_SYNC_ALARM))?.scheduledTime;
    expect(await ensureSyncAlarm(alarmsPort, 60)).toBe('kept');
    expect((await fakeBrowser.alarms.get(TEAM_SYNC_ALARM))?.scheduledTime).toBe(scheduled);
  });

  it('re-creates the alarm when the policy changes the interval, and clears it when the address goes', async () => {
    await saveRepTeamUrl(TEAM_URL);
    const sync = createTeamSync({
      schedule: loadTeamSchedule,
      load: async () => null,
      save: async () => {},
      alarms: alarmsPort,
      fetch: (async () => new Response('', { status: 404 })) as typeof fetch,
      now: () => 0,
    });
    await sync.start();
    expect(await fakeBrowser.alarms.get(TEAM_SYNC_ALARM)).toMatchObject({ periodInMinutes: 60 });
    await fakeBrowser.storage.managed.set({ refreshMinutes: 15 });
    await sync.start();
    expect(await fakeBrowser.alarms.get(TEAM_SYNC_ALARM)).toMatchObject({ periodInMinutes: 15 });
    await saveRepTeamUrl(null);
    await sync.start();
    expect(await fakeBrowser.alarms.get(TEAM_SYNC_ALARM)).toBeUndefined();
  });

  it('checks on start only when the last check is older than the interval', async () => {
    await saveRepTeamUrl(TEAM_URL);
    const fetch = vi.fn(async () => new Response(JSON.stringify(icp('Team', 5)), { status: 200 }));
    let saved: TeamSyncState | null = null;
    const sync = createTeamSync({
      schedule: loadTeamSchedule,
      load: async () => saved,
      save: async (state) => {
        saved = state;
      },
      alarms: alarmsPort,
      fetch: fetch as unknown as typeof globalThis.fetch,
      now: () => 10 * 60_000,
    });
    await sync.start();
    await sync.start();
    expect(fetch).toHaveBeenCalledTimes(1);
    await sync.start({ force: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('joins a check already under way instead of starting a second one', async () => {
    await saveRepTeamUrl(TEAM_URL);
    const fetch = vi.fn(async () => new Response(JSON.stringify(icp('Team', 5)), { status: 200 }));
    const sync = createTeamSync({
      schedule: loadTeamSchedule,
      load: async () => null,
      save: async () => {},
      alarms: alarmsPort,
      fetch: fetch as unknown as typeof globalThis.fetch,
      now: () => 0,
    });
    await Promise.all([sync.sync(), sync.sync()]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('checks an address changed during a check as soon as that check ends', async () => {
    const corrected = 'https://icp.acme.example/team.json';
    await saveRepTeamUrl('https://icp.acme.example/mistyped.json');
    let release = () => {};
    const fetched: string[] = [];
    const fetch = vi.fn(async (url: string) => {
      fetched.push(url);
      // The first (mistyped) address hangs until released, as an unreachable host does until the timeout.
      if (fetched.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return new Response(JSON.stringify(icp('Team', 5)), { status: 200 });
    });
    const saved: TeamSyncState[] = [];
    const sync = createTeamSync({
      schedule: loadTeamSchedule,
      load: async () => saved.at(-1) ?? null,
      save: async (state) => {
        saved.push(state);
      },
      alarms: alarmsPort,
      fetch: fetch as unknown as typeof globalThis.fetch,
      now: () => 0,
    });
    const first = sync.sync();
    await vi.waitFor(() => expect(fetched).toHaveLength(1));
    await saveRepTeamUrl(corrected);
    // What saving the address asks for (`start({force: true})` comes down to it): joins the check under way.
    const second = sync.sync();
    release();
    await Promise.all([first, second]);
    expect(fetched.map(String)).toEqual(['https://icp.acme.example/mistyped.json', corrected]);
    expect(saved.at(-1)?.url).toBe(corrected);
  });
});

describe('publishing and the policy schema', () => {
  it('publishes the ICP with the next version above the team file’s, dated now, as a valid ICP file', () => {
    const file = publishIcp(icp('Acme ICP', 3), new Date('2026-11-23T09:00:00Z'), 5);
    expect(file.icp).toMatchObject({ version: 6, updatedAt: '2026-11-23T09:00:00.000Z' });
    expect(file.fileName).toBe('acme-icp-v6.team.json');
    expect(parseIcp(JSON.parse(file.text))).toEqual({ ok: true, icp: file.icp });
    // A name that ends in punctuation leaves no stray hyphen before the version.
    expect(publishIcp(DEFAULT_ICP, new Date()).fileName).toBe('mid-market-b2b-saas-built-in-v2.team.json');
    expect(publishIcp(icp('  (Ünïcode) ', 1), new Date()).fileName).toBe('n-code-v2.team.json');
  });

  it('ships a Chrome managed-storage schema naming exactly the settings ICP Lens reads, in types Chrome knows', () => {
    const schema = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../../public/managed_schema.json'), 'utf8'),
    );
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([
      'allowRepOverride',
      'icp',
      'memoryDays',
      'refreshMinutes',
      'rememberIncognito',
      'teamIcpUrl',
    ]);
    const types = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, (v as { type: string }).type]),
    );
    expect(types).toEqual({
      icp: 'string',
      teamIcpUrl: 'string',
      refreshMinutes: 'integer',
      allowRepOverride: 'boolean',
      memoryDays: 'integer',
      rememberIncognito: 'boolean',
    });
    // What the schema lets through, readPolicy takes.
    const read = readPolicy({
      icp: JSON.stringify(icp('Org', 2)),
      teamIcpUrl: TEAM_URL,
      refreshMinutes: 30,
      allowRepOverride: true,
      memoryDays: 14,
      rememberIncognito: true,
    });
    expect(read).toMatchObject({
      icp: { name: 'Org' },
      teamIcpUrl: TEAM_URL,
      refreshMinutes: 30,
      allowRepOverride: true,
      memoryDays: 14,
      rememberIncognito: true,
      problems: [],
    });
  });
});
