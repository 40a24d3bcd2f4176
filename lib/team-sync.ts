/**
 * Fetching the team ICP file: one attempt, every failure named, the last good ICP always kept.
 * The environment (fetch, clock) is passed in, so every failure path is tested without a network; the
 * background stores the state this returns (lib/settings) and schedules the next attempt (`ensureSyncAlarm`).
 */
import { readJsonFileText } from './icp/file-text';
import { explainInvalidIcp } from './icp/problems';
import { type Icp, parseIcp } from './icp/schema';
import type { TeamSyncState } from './settings/precedence';

/** The largest team file accepted (an ICP with thousands of listed domains is well under this). */
/** Characters of the problems an invalid team file's error lists (the error is stored and shown at every check). */
const MAX_ERROR_CHARS = 1000;
export const MAX_TEAM_FILE_BYTES = 512 * 1024;
/** How long one attempt may take, body included. */
export const TEAM_FETCH_TIMEOUT_MS = 15_000;
/** The alarm that runs the periodic sync. */
export const TEAM_SYNC_ALARM = 'team-icp-sync';

/** Hosts reachable over plain http, for testing a team file on this machine. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks a team-file address: https, or http on this machine only; no credentials in it. */
export function checkTeamUrl(input: string): { ok: true; url: URL } | { ok: false; problem: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: `“${input}” is not a web address` };
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return {
      ok: false,
      problem: `${url.protocol === 'http:' ? 'not HTTPS' : `${url.protocol} is not a web address`}: the team file must be served over https:// (plain http only for localhost)`,
    };
  }
  if (url.username || url.password)
    return { ok: false, problem: 'the address must not contain a user name or password' };
  return { ok: true, url };
}

/** The host-permission pattern for an address's origin (`https://ops.acme.com/*`). */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/** The error of a team address that redirects (to another origin or not: the browser does not say before). */
export const REDIRECT_REFUSED =
  'the team address redirects (ICP Lens follows no redirect); use the address it ends at, as the browser shows it when you open the team address';

/**
 * The error of a team address that answers with a web page: most often a sign-in page, where the file sits
 * behind the company's single sign-on (ICP Lens sends no cookies), or a file-sharing site's page showing it.
 */
const WEB_PAGE_INSTEAD =
  'the address returned a web page, not the ICP file (perhaps a sign-in page): use the file’s direct address, one that shows the file’s JSON text when opened in a private window without signing in';

/** Whether an answer that is not JSON is a web page (by its type, or by its text opening with a tag). */
function isWebPage(response: Response, text: string): boolean {
  const type = response.headers.get('content-type') ?? '';
  return /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type) || text.trimStart().startsWith('<');
}

/** Whether a response came from the address asked for (`''`: the fetch did not say), fragments aside. */
function sameAddress(responseUrl: string, target: URL): boolean {
  if (!responseUrl) return true;
  try {
    const answered = new URL(responseUrl);
    answered.hash = '';
    const asked = new URL(target.href);
    asked.hash = '';
    return answered.href === asked.href;
  } catch {
    return false;
  }
}

/** What a sync needs from its surroundings. */
export interface TeamSyncEnv {
  fetch: typeof fetch;
  now: () => number;
  timeoutMs?: number;
  maxBytes?: number;
}

/** Why an attempt failed (a message for the rep, never thrown past `syncTeamIcp`). */
class SyncFailure extends Error {}

/** Reads a body up to `max` bytes, failing as soon as it is exceeded (a lying or absent Content-Length). */
async function readLimited(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    throw new SyncFailure(`the file is too big (${Math.ceil(declared / 1024)} kB; at most ${max / 1024} kB)`);
  }
  const tooBig = () => new SyncFailure(`the file is too big (more than ${max / 1024} kB)`);
  let all: Uint8Array;
  if (!response.body) {
    all = new Uint8Array(await response.arrayBuffer());
    if (all.byteLength > max) throw tooBig();
  } else {
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => {});
        throw tooBig();
      }
      chunks.push(value);
    }
    all = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      all.set(chunk, at);
      at += chunk.byteLength;
    }
  }
  const { text, encoding } = readJsonFileText(all);
  // JSON served over the web is UTF-8 (RFC 8259): a file that is not is refused rather than guessed at, as
  // every rep would get the guess. The options page's import, which the manager reviews, reads it as
  // Windows-1252, and `icp validate` says so.
  if (encoding === 'windows-1252')
    throw new SyncFailure(
      'the file is not valid UTF-8 (it was probably saved as Windows-1252, "ANSI"): save it as UTF-8 and publish it again',
    );
  return text;
}

/**
 * Two ICPs with the same content: key order aside, and whenever they were written (`updatedAt`). Publishing
 * the same ICP twice gives two files of one version that differ only in that date; both are that version.
 */
function sameContent(a: Icp, b: Icp): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  const undated = ({ updatedAt: _, ...icp }: Icp) => canonical(icp);
  return JSON.stringify(undated(a)) === JSON.stringify(undated(b));
}

/**
 * One attempt to fetch the team ICP from `url`. Returns the new state: on success the new ICP and validators;
 * on 304 the same ICP, checked now; on any failure the previous ICP and validators with the error and its time.
 *
 * A file whose `version` is lower than the last good one is refused (a stale copy on a CDN must not roll reps
 * back). The same version with different content is refused too: every published change must bump the version,
 * so that a version number always names one ICP (the list's re-score and the history rely on it).
 */
export async function syncTeamIcp(
  url: string,
  previous: TeamSyncState | null,
  env: TeamSyncEnv,
  /** Who set the address (kept with a file received from it; see `teamIcp` in precedence.ts). */
  setBy: 'policy' | 'rep' | null = null,
): Promise<TeamSyncState> {
  const sameUrl = previous?.icpUrl === url;
  const lastGood = sameUrl && previous?.icp != null ? parseIcp(previous.icp) : null;
  const kept: TeamSyncState = {
    url,
    icp: previous?.icp ?? null,
    icpUrl: previous?.icpUrl ?? null,
    icpSetBy: previous?.icpSetBy ?? null,
    etag: sameUrl ? (previous?.etag ?? null) : null,
    lastModified: sameUrl ? (previous?.lastModified ?? null) : null,
    fetchedAt: previous?.fetchedAt ?? null,
    checkedAt: previous?.checkedAt ?? null,
    error: null,
  };
  const fail = (message: string): TeamSyncState => ({
    ...kept,
    checkedAt: env.now(),
    error: { message, at: env.now() },
  });

  const checked = checkTeamUrl(url);
  if (!checked.ok) return fail(checked.problem);
  const target = checked.url;

  const controller = new AbortController();
  const timeoutMs = env.timeoutMs ?? TEAM_FETCH_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  // Whether the host had answered when time ran out: a host that answers at once but sends the file slowly
  // (a throttled proxy, a failing link) is not one that does not answer.
  let answered = false;
  const timedOut = () =>
    answered
      ? `the file did not arrive in full within ${Math.round(timeoutMs / 1000)} s (the host answered, but sent it too slowly)`
      : `no answer within ${Math.round(timeoutMs / 1000)} s`;
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    // Validators only when we still hold the ICP they describe; otherwise a 304 would leave us with nothing.
    if (lastGood?.ok && kept.etag) headers['If-None-Match'] = kept.etag;
    if (lastGood?.ok && kept.lastModified) headers['If-Modified-Since'] = kept.lastModified;
    let response: Response;
    try {
      response = await env.fetch(target.href, {
        headers,
        // Our own validators decide; the HTTP cache must not answer for the server.
        cache: 'no-store',
        credentials: 'omit',
        // Not followed: the Fetch API tells neither where a redirect leads before following it nor the hops it
        // followed, and each hop (plain http, an intranet address) would already have been requested.
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) throw new SyncFailure(timedOut());
      throw new SyncFailure(
        `could not reach ${target.host} (${error instanceof Error ? error.message : String(error)}); if the address is right, its host must allow ICP Lens (permission, or CORS headers)`,
      );
    }
    // The rep or the policy approved this address, not wherever it points. A fetch that followed a redirect
    // anyway (an answer from another address) is refused the same way.
    if (response.type === 'opaqueredirect' || response.redirected || !sameAddress(response.url, target))
      throw new SyncFailure(REDIRECT_REFUSED);
    if (response.status === 304) {
      if (!lastGood?.ok)
        throw new SyncFailure('the server answered 304 Not Modified, but no earlier file is kept');
      return { ...kept, checkedAt: env.now(), error: null };
    }
    if (!response.ok) {
      throw new SyncFailure(
        `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      );
    }
    answered = true;
    const text = await readLimited(response, env.maxBytes ?? MAX_TEAM_FILE_BYTES);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      if (isWebPage(response, text)) throw new SyncFailure(WEB_PAGE_INSTEAD);
      throw new SyncFailure(`the file is not valid JSON (${(error as Error).message})`);
    }
    const parsed = parseIcp(json);
    if (!parsed.ok) {
      // In the editor's words (the rep reads them too); the file's author finds each by its criterion's label.
      const problems = explainInvalidIcp(parsed).map((p) => `${p.where}: ${p.text}`);
      const listed = `${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`;
      throw new SyncFailure(`the file is not a valid ICP: ${listed.slice(0, MAX_ERROR_CHARS)}`);
    }
    if (lastGood?.ok) {
      const current = lastGood.icp;
      if (parsed.icp.version < current.version) {
        throw new SyncFailure(
          `the file is version ${parsed.icp.version}, older than version ${current.version} in force; kept ${current.version}`,
        );
      }
      if (parsed.icp.version === current.version && !sameContent(parsed.icp, current)) {
        throw new SyncFailure(
          `the file changed but is still version ${current.version}; the manager must raise the version to publish a change`,
        );
      }
    }
    return {
      url,
      icp: json,
      icpUrl: url,
      icpSetBy: setBy,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      fetchedAt: lastGood?.ok && lastGood.icp.version === parsed.icp.version ? kept.fetchedAt : env.now(),
      checkedAt: env.now(),
      error: null,
    };
  } catch (error) {
    if (error instanceof SyncFailure) return fail(error.message);
    if (controller.signal.aborted) return fail(timedOut());
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

/** The part of `browser.alarms` the schedule needs. */
export interface AlarmsPort {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

/**
 * Keeps the sync alarm in line with the settings: one alarm every `periodMinutes` while a team address is set,
 * none otherwise. An alarm that already has the right period is left alone: re-creating it each time the service
 * worker wakes would push the next sync back for ever.
 */
export async function ensureSyncAlarm(
  alarms: AlarmsPort,
  periodMinutes: number | null,
): Promise<'created' | 'kept' | 'cleared' | 'none'> {
  const existing = await alarms.get(TEAM_SYNC_ALARM);
  if (periodMinutes === null) {
    if (!existing) return 'none';
    await alarms.clear(TEAM_SYNC_ALARM);
    return 'cleared';
  }
  if (existing?.periodInMinutes === periodMinutes) return 'kept';
  await alarms.create(TEAM_SYNC_ALARM, { delayInMinutes: periodMinutes, periodInMinutes: periodMinutes });
  return 'created';
}

/** Whether a check is due now (on start: the last one is older than the period, or there was none). */
export function syncDue(
  state: TeamSyncState | null,
  url: string,
  periodMinutes: number,
  now: number,
): boolean {
  if (!state || state.url !== url || state.checkedAt === null) return true;
  return now - state.checkedAt >= periodMinutes * 60_000;
}

/** What the background's team sync needs (ports; see entrypoints/background.ts). */
export interface TeamSyncDeps extends TeamSyncEnv {
  /** The address in force and the interval (policy, else the rep's address; default hourly). */
  schedule(): Promise<{ url: string | null; setBy?: 'policy' | 'rep' | null; periodMinutes: number }>;
  load(): Promise<TeamSyncState | null>;
  save(state: TeamSyncState): Promise<void>;
  alarms: AlarmsPort;
}

/** The background's team sync: one attempt at a time, scheduled by an alarm. */
export function createTeamSync(deps: TeamSyncDeps) {
  let running: Promise<void> | null = null;
  /**
   * Checks the team file now; an attempt already under way is joined, not doubled. An address changed while a
   * check was under way (the rep corrects a mistyped one) is checked as soon as that check ends, not at the
   * next alarm.
   */
  function sync(): Promise<void> {
    running ??= (async () => {
      let checked: string | null = null;
      // Bounded: an address that keeps changing is left to the next alarm.
      for (let round = 0; round < 3; round++) {
        const { url, setBy = null } = await deps.schedule();
        if (!url || url === checked) return;
        await deps.save(await syncTeamIcp(url, await deps.load(), deps, setBy));
        checked = url;
      }
    })().finally(() => {
      running = null;
    });
    return running;
  }
  return {
    sync,
    /**
     * Brings the alarm in line with the settings and checks the file if due (on start), or at once (`force`:
     * the address or the policy changed).
     */
    async start(options: { force?: boolean } = {}): Promise<void> {
      const { url, periodMinutes } = await deps.schedule();
      await ensureSyncAlarm(deps.alarms, url ? periodMinutes : null);
      if (url && (options.force || syncDue(await deps.load(), url, periodMinutes, deps.now()))) await sync();
    },
  };
}
