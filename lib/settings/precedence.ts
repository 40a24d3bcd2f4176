/**
 * Which ICP is in force, and why: the enterprise policy, the team file, the rep's own ICP and the built-in
 * default, resolved by one pure function (`resolveActiveIcp`) so that the rule is tested in one place.
 *
 * The rule: a valid policy ICP, else the last good team ICP, else the built-in default is "the organisation's
 * ICP". The rep's own ICP overrides it when the rep has one and the policy allows overrides (without a policy
 * they are allowed; with a policy that sets an ICP or a team URL they are not, unless `allowRepOverride`).
 * Clearing the rep's own ICP goes back to the organisation's.
 *
 * No storage here: lib/settings/index.ts reads the inputs and calls this.
 */
import { z } from 'zod';
import { explainInvalidIcp } from '../icp/problems';
import { type Icp, IcpSchema, parseIcp } from '../icp/schema';
import { checkTeamUrl } from '../team-sync';

/** Where the ICP in force came from. */
export const IcpSourceSchema = z.enum(['default', 'user', 'team', 'policy']);
export type IcpSource = z.infer<typeof IcpSourceSchema>;

/** The team-sync interval when the policy does not set one (minutes). */
export const DEFAULT_REFRESH_MINUTES = 60;

/** A failure, and when it happened (ms since the epoch). */
export const TimedErrorSchema = z.object({ message: z.string(), at: z.number() });
export type TimedError = z.infer<typeof TimedErrorSchema>;

/**
 * What the background remembers of the team file (`local:teamIcp`). The last good ICP is kept through every
 * failure; `error` is the last attempt's failure, cleared by the next success (or 304).
 */
export const TeamSyncStateSchema = z.object({
  /** The address last checked. */
  url: z.string(),
  /** The last good team ICP as received (parsed on read, so ICP-file migrations apply); null before the first. */
  icp: z.unknown().nullable(),
  /** The address the last good ICP came from (validators are sent only to the same address). */
  icpUrl: z.string().nullable(),
  /** Who had set that address: the policy or the rep (null in states saved before it was kept). */
  icpSetBy: z.enum(['policy', 'rep']).nullable().default(null),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** When the last good ICP was received. */
  fetchedAt: z.number().nullable(),
  /** When the address was last checked, successfully or not. */
  checkedAt: z.number().nullable(),
  error: TimedErrorSchema.nullable(),
});
export type TeamSyncState = z.infer<typeof TeamSyncStateSchema>;

/** The policy settings an administrator can set (public/managed_schema.json describes the same for Chrome). */
export interface ManagedPolicy {
  /** The policy's ICP, when it sets one and it is valid. */
  icp: Icp | null;
  teamIcpUrl: string | null;
  refreshMinutes: number | null;
  allowRepOverride: boolean | null;
  /** How many days the company memory keeps pages, set for every rep (they cannot change it). */
  memoryDays: number | null;
  /** Whether pages seen in incognito windows are remembered, set for every rep. */
  rememberIncognito: boolean | null;
  /** What is wrong with the policy, one line per problem (the rest of the policy still applies). */
  problems: string[];
  /**
   * Whether the policy sets an ICP or a team address at all, valid or not: a typo in either must not hand the
   * ICP back to the reps while the organisation means to set it.
   */
  setsIcp: boolean;
}

/** No policy at all. */
export const NO_POLICY: ManagedPolicy = {
  icp: null,
  teamIcpUrl: null,
  refreshMinutes: null,
  allowRepOverride: null,
  memoryDays: null,
  rememberIncognito: null,
  problems: [],
  setsIcp: false,
};

const PolicyFieldSchemas = {
  // The same check as an address the rep saves: https, or plain http on this machine only.
  teamIcpUrl: z
    .string()
    .max(2000)
    .superRefine((value, ctx) => {
      const checked = checkTeamUrl(value);
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.problem });
    }),
  refreshMinutes: z.number().int().min(5).max(10_080),
  allowRepOverride: z.boolean(),
  memoryDays: z.number().int().min(1).max(365),
  rememberIncognito: z.boolean(),
};

/** The settings a policy can give ICP Lens, as public/managed_schema.json names them. */
export const POLICY_SETTINGS: readonly string[] = ['icp', ...Object.keys(PolicyFieldSchemas)];

/** What an invalid policy value should have been, in an administrator's words (the address says its own). */
const POLICY_EXPECTS: Record<Exclude<keyof typeof PolicyFieldSchemas, 'teamIcpUrl'>, string> = {
  refreshMinutes: 'must be a whole number of minutes from 5 to 10080 (a week)',
  allowRepOverride: 'must be true or false (a JSON boolean, not a string)',
  memoryDays: 'must be a whole number of days from 1 to 365',
  rememberIncognito: 'must be true or false (a JSON boolean, not a string)',
};

/** Whether a policy setting is set at all (an empty value is none), valid or not. */
const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Problems of a policy ICP listed at most, the last line saying how many more there are. */
const MAX_POLICY_ICP_PROBLEMS = 20;

/**
 * The last policy ICP text and what it gave: the background reads the policy for every page report, and
 * validating a large ICP (thousands of listed domains) takes milliseconds; the text rarely changes.
 */
let lastPolicyIcp: { text: string; icp: Icp | null; problems: string[] } | null = null;

/**
 * Reads the managed storage area. Each setting is validated on its own, so an invalid one is reported and
 * left out without dropping the others. `icp` is the ICP file's JSON text (what Chrome's policy schema can carry
 * intact) or, where policies allow objects (Firefox `policies.json`), the ICP object itself.
 */
export function readPolicy(raw: unknown): ManagedPolicy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return NO_POLICY;
  const values = raw as Record<string, unknown>;
  const policy: ManagedPolicy = { ...NO_POLICY, problems: [] };
  if (typeof values.icp === 'string' && values.icp === lastPolicyIcp?.text) {
    if (lastPolicyIcp.icp) policy.icp = lastPolicyIcp.icp;
    else policy.problems.push(...lastPolicyIcp.problems);
  } else if (given(values.icp)) {
    let input: unknown = values.icp;
    let jsonProblem: string | null = null;
    if (typeof input === 'string') {
      try {
        input = JSON.parse(input);
      } catch (error) {
        jsonProblem = `icp: not valid JSON (${(error as Error).message})`;
      }
    }
    if (jsonProblem) policy.problems.push(jsonProblem);
    else {
      const parsed = parseIcp(input);
      if (parsed.ok) policy.icp = parsed.icp;
      else {
        // In the editor's words, as a team file's problems are told (`icp validate` gives the same).
        const lines = explainInvalidIcp(parsed).map((p) => `icp: ${p.where}: ${p.text}`);
        policy.problems.push(
          ...(lines.length > MAX_POLICY_ICP_PROBLEMS
            ? [
                ...lines.slice(0, MAX_POLICY_ICP_PROBLEMS - 1),
                `icp: and ${lines.length - MAX_POLICY_ICP_PROBLEMS + 1} more problems (npm run -s icp -- validate lists them all)`,
              ]
            : lines),
        );
      }
    }
    if (typeof values.icp === 'string') {
      lastPolicyIcp = { text: values.icp, icp: policy.icp, problems: [...policy.problems] };
    }
  }
  for (const key of [
    'teamIcpUrl',
    'refreshMinutes',
    'allowRepOverride',
    'memoryDays',
    'rememberIncognito',
  ] as const) {
    if (!given(values[key])) continue;
    const parsed = PolicyFieldSchemas[key].safeParse(values[key]);
    if (parsed.success) (policy[key] as unknown) = parsed.data;
    else
      policy.problems.push(
        key === 'teamIcpUrl'
          ? `${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`
          : `${key}: ${POLICY_EXPECTS[key]} (got ${JSON.stringify(values[key]).slice(0, 80)})`,
      );
  }
  policy.setsIcp = given(values.icp) || given(values.teamIcpUrl);
  return policy;
}

/** The team file's status as the options page shows it. */
export const TeamStatusSchema = z.object({
  url: z.string(),
  /** Who set the address: the organisation's policy or the rep. */
  setBy: z.enum(['policy', 'rep']),
  checkedAt: z.number().nullable(),
  fetchedAt: z.number().nullable(),
  error: TimedErrorSchema.nullable(),
  /** The last good team ICP's name and version, if any. */
  icp: z.object({ name: z.string(), version: z.number() }).nullable(),
  /** The address it came from: an earlier one while the address in force has not delivered a file yet. */
  icpUrl: z.string().nullable().default(null),
});
export type TeamStatus = z.infer<typeof TeamStatusSchema>;

/** The ICP in force, where it came from, and what the options page needs to explain it. */
export const ActiveIcpSchema = z.object({
  icp: IcpSchema,
  source: IcpSourceSchema,
  /** Where it came from, in words ("set by your organisation's policy"). */
  origin: z.string(),
  /** Set when a stored or provided ICP exists but could not be used. */
  problem: z.string().nullable(),
  /** True when the policy does not let the rep use their own ICP (the editor is read-only). */
  locked: z.boolean(),
  /** What would be in force without the rep's own ICP. */
  fallback: z.object({ source: IcpSourceSchema, name: z.string(), version: z.number() }),
  /** The team file, when an address is set (by policy or by the rep). */
  team: TeamStatusSchema.nullable(),
  /** The policy's problems and its sync interval, when a policy is present. */
  policy: z.object({ problems: z.array(z.string()), refreshMinutes: z.number() }).nullable(),
});
export type ActiveIcp = z.infer<typeof ActiveIcpSchema>;

/** Everything the precedence rule looks at. */
export interface IcpInputs {
  policy: ManagedPolicy;
  /** The address the rep set (the policy's address wins over it). */
  repTeamUrl: string | null;
  team: TeamSyncState | null;
  /** The rep's stored ICP: unset (`null`), or anything read from storage. */
  user: unknown;
  defaultIcp: Icp;
}

/** Whether the policy says anything (an empty managed area is no policy). */
export function hasPolicy(policy: ManagedPolicy): boolean {
  return (
    policy.icp !== null ||
    policy.teamIcpUrl !== null ||
    policy.refreshMinutes !== null ||
    policy.allowRepOverride !== null ||
    policy.problems.length > 0
  );
}

/**
 * The team address in force: the policy's, else the rep's. None of the rep's while the policy means to set the
 * ICP, locked, and what it sets cannot be used: a typo in the policy does not hand the ICP to the rep's file.
 */
export function effectiveTeamUrl(
  policy: ManagedPolicy,
  repTeamUrl: string | null,
): { url: string; setBy: 'policy' | 'rep' } | null {
  if (policy.teamIcpUrl) return { url: policy.teamIcpUrl, setBy: 'policy' };
  const policyFailed = policy.setsIcp && policy.icp === null && policy.allowRepOverride !== true;
  if (repTeamUrl && !policyFailed) return { url: repTeamUrl, setBy: 'rep' };
  return null;
}

/**
 * The last good team ICP while a team address is in force, if it still validates. After the address changes
 * (the file moved, the policy names another host), the ICP from the earlier one stays until the new address
 * delivers a file, as it does when a check fails: "any failure keeps the last good ICP", if the same party (the
 * policy, or the rep) set both addresses. Removing the address forgets it (see `saveRepTeamUrl`).
 */
function teamIcp(
  team: TeamSyncState | null,
  address: { url: string; setBy: 'policy' | 'rep' } | null,
): Icp | null {
  if (!team || !address || team.icp === null) return null;
  // From another address only when the same party set both: a rep's own file never stands in for the
  // organisation's address, nor an organisation's old file for the rep's.
  if (team.icpUrl !== address.url && (team.icpSetBy === null || team.icpSetBy !== address.setBy)) return null;
  const parsed = parseIcp(team.icp);
  return parsed.ok ? parsed.icp : null;
}

/**
 * Why the built-in default is in force, in words that agree with the lock line and the problems below it: "no
 * ICP has been set up" only when nothing sets one, not while the policy's ICP or address cannot be used.
 */
function defaultOrigin(policy: ManagedPolicy, teamUrl: { url: string } | null): string {
  if (policy.setsIcp && policy.icp === null && policy.teamIcpUrl === null)
    return 'Built-in default: standing in because the ICP your organisation’s policy sets cannot be used.';
  if (teamUrl) return 'Built-in default: standing in until a file arrives from the team address.';
  return 'Built-in default: in force because no ICP has been set up.';
}

/** Resolves the ICP in force from every channel. Pure: the same inputs give the same answer. */
export function resolveActiveIcp(inputs: IcpInputs): ActiveIcp {
  const { policy, defaultIcp } = inputs;
  const present = hasPolicy(policy);
  const teamUrl = effectiveTeamUrl(policy, inputs.repTeamUrl);
  const fromTeam = teamIcp(inputs.team, teamUrl);
  const team: TeamStatus | null = teamUrl && {
    ...teamUrl,
    checkedAt: inputs.team?.url === teamUrl.url ? inputs.team.checkedAt : null,
    fetchedAt: fromTeam ? (inputs.team?.fetchedAt ?? null) : null,
    error: inputs.team?.url === teamUrl.url ? inputs.team.error : null,
    icp: fromTeam && { name: fromTeam.name, version: fromTeam.version },
    icpUrl: fromTeam ? (inputs.team?.icpUrl ?? null) : null,
  };
  const earlierAddress = team?.icpUrl && team.icpUrl !== team.url ? team.icpUrl : null;

  // The organisation's ICP: policy, else team, else the built-in default.
  const org: { icp: Icp; source: IcpSource; origin: string } = policy.icp
    ? { icp: policy.icp, source: 'policy', origin: 'Set by your organisation’s policy.' }
    : fromTeam && teamUrl
      ? {
          icp: fromTeam,
          source: 'team',
          origin: earlierAddress
            ? `Team ICP from ${earlierAddress}, the earlier team address: ${teamUrl.url} has not delivered a file yet.`
            : `Team ICP from ${teamUrl.url}${teamUrl.setBy === 'policy' ? ' (address set by your organisation’s policy)' : ''}.`,
        }
      : {
          icp: defaultIcp,
          source: 'default',
          origin: defaultOrigin(policy, teamUrl),
        };

  // Set, even where the value is invalid: the policy's problems say what to fix, and the reps keep off.
  const organisationSets = policy.icp !== null || policy.teamIcpUrl !== null || policy.setsIcp;
  const locked = organisationSets && policy.allowRepOverride !== true;
  const common = {
    locked,
    fallback: { source: org.source, name: org.icp.name, version: org.icp.version },
    team,
    policy: present
      ? { problems: policy.problems, refreshMinutes: policy.refreshMinutes ?? DEFAULT_REFRESH_MINUTES }
      : null,
  };

  let problem: string | null = null;
  if (inputs.user !== null && inputs.user !== undefined) {
    const parsed = parseIcp(inputs.user);
    if (parsed.ok && !locked) {
      return {
        ...common,
        icp: parsed.icp,
        source: 'user',
        origin: 'Your own ICP, synced across your browsers.',
        problem: null,
      };
    }
    if (!parsed.ok && !locked) {
      const instead = {
        default: 'the built-in default',
        team: 'the team ICP',
        policy: 'your organisation’s ICP',
      };
      problem = `Your saved ICP could not be read (${parsed.problems.slice(0, 3).join('; ')}); ${
        instead[org.source as keyof typeof instead]
      } is in force.`;
    }
  }
  // The policy's own problems are listed apart (`policy.problems`): they are for IT, not the rep.
  if (!problem && policy.setsIcp && org.source === 'default' && !(teamUrl && policy.teamIcpUrl))
    problem = `Your organisation’s policy sets an ICP that cannot be used (see below); the built-in default is in force${locked ? ' until your IT administrator fixes it' : ''}.`;
  if (!problem && teamUrl && !fromTeam && org.source === 'default')
    problem = `No team ICP has been received from ${teamUrl.url} yet${team?.error ? ' (why: under Team ICP file below)' : ''}.`;
  return { ...common, ...org, problem };
}
