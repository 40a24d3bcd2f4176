import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ICP, type Icp } from '@/lib/icp';
import type { TeamSyncState } from '@/lib/settings/precedence';
import {
  checkTeamUrl,
  MAX_TEAM_FILE_BYTES,
  REDIRECT_REFUSED,
  syncTeamIcp,
  type TeamSyncEnv,
} from '@/lib/team-sync';

const URL_ = 'https://ops.acme.test/icp.json';
const NOW = Date.UTC(2026, 10, 23, 12);
const teamIcp = (version: number, name = 'Acme team ICP'): Icp => ({ ...DEFAULT_ICP, name, version });

/** A fetch that answers with `response` (its final address set to `finalUrl`) and records each request. */
function fetchAnswering(response: () => Response, finalUrl = URL_) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    const answer = response();
    Object.defineProperty(answer, 'url', { value: finalUrl });
    return answer;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const env = (fetch: typeof globalThis.fetch, extra: Partial<TeamSyncEnv> = {}): TeamSyncEnv => ({
  fetch,
  now: () => NOW,
  ...extra,
});

const json = (value: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A state holding a good team ICP received an hour ago. */
const good = (icp: Icp = teamIcp(3)): TeamSyncState => ({
  url: URL_,
  icp,
  icpUrl: URL_,
  icpSetBy: null,
  etag: '"v3"',
  lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT',
  fetchedAt: NOW - 3_600_000,
  checkedAt: NOW - 3_600_000,
  error: null,
});

describe('team ICP sync', () => {
  it('takes the first valid file with its validators and times', async () => {
    const { fetch } = fetchAnswering(() =>
      json(teamIcp(3), { etag: '"v3"', 'last-modified': 'Mon, 23 Nov 2026 10:00:00 GMT' }),
    );
    const state = await syncTeamIcp(URL_, null, env(fetch));
    expect(state).toMatchObject({
      url: URL_,
      icpUrl: URL_,
      etag: '"v3"',
      lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT',
      fetchedAt: NOW,
      checkedAt: NOW,
      error: null,
    });
    expect((state.icp as Icp).name).toBe('Acme team ICP');
  });

  it('sends its validators, bypasses the HTTP cache and omits cookies', async () => {
    const { fetch, calls } = fetchAnswering(() => new Response(null, { status: 304 }));
    await syncTeamIcp(URL_, good(), env(fetch));
    expect(calls[0]?.init).toMatchObject({ cache: 'no-store', credentials: 'omit' });
    expect(calls[0]?.init.headers).toMatchObject({
      'If-None-Match': '"v3"',
      'If-Modified-Since': 'Mon, 23 Nov 2026 10:00:00 GMT',
    });
  });

  it('on 304 keeps the ICP and only records the check', async () => {
    const { fetch } = fetchAnswering(() => new Response(null, { status: 304 }));
    const before = good();
    const state = await syncTeamIcp(URL_, before, env(fetch));
    expect(state).toEqual({ ...before, checkedAt: NOW, error: null });
  });

  it('sends no validators for another address (a 304 would leave it with nothing)', async () => {
    const { fetch, calls } = fetchAnswering(() => json(teamIcp(1)), 'https://other.acme.test/icp.json');
    await syncTeamIcp('https://other.acme.test/icp.json', good(), env(fetch));
    expect(calls[0]?.init.headers).not.toHaveProperty('If-None-Match');
    expect(calls[0]?.init.headers).not.toHaveProperty('If-Modified-Since');
  });

  it('picks up a newer version', async () => {
    const { fetch } = fetchAnswering(() => json(teamIcp(4, 'Acme v4'), { etag: '"v4"' }));
    const state = await syncTeamIcp(URL_, good(), env(fetch));
    expect(state).toMatchObject({
      etag: '"v4"',
      fetchedAt: NOW,
      error: null,
      icp: { version: 4, name: 'Acme v4' },
    });
  });

  it('accepts the same version with the same content (a server without validators)', async () => {
    const { fetch } = fetchAnswering(() => json(teamIcp(3)));
    const state = await syncTeamIcp(URL_, good(), env(fetch));
    expect(state.error).toBeNull();
    expect(state.fetchedAt).toBe(NOW - 3_600_000);
  });

  it('records who set the address a file came from, and keeps it through a 304 and a failure', async () => {
    const { fetch } = fetchAnswering(() => json(teamIcp(4), { etag: '"v4"' }));
    const got = await syncTeamIcp(URL_, null, env(fetch), 'policy');
    expect(got).toMatchObject({ icpUrl: URL_, icpSetBy: 'policy' });
    const same = await syncTeamIcp(
      URL_,
      got,
      env(fetchAnswering(() => new Response(null, { status: 304 })).fetch),
      'policy',
    );
    expect(same.icpSetBy).toBe('policy');
    const moved = await syncTeamIcp(
      'https://elsewhere.acme.test/icp.json',
      got,
      env(
        fetchAnswering(() => new Response('', { status: 404 }), 'https://elsewhere.acme.test/icp.json').fetch,
      ),
      'rep',
    );
    expect(moved).toMatchObject({
      icpUrl: URL_,
      icpSetBy: 'policy',
      error: { message: expect.stringMatching(/404/) },
    });
  });

  it('reads a team file saved as UTF-16 (Windows PowerShell 5 writes it so)', async () => {
    const text = JSON.stringify(teamIcp(4, 'Acme v4'));
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const { fetch } = fetchAnswering(() => new Response(bytes, { status: 200 }));
    const state = await syncTeamIcp(URL_, good(), env(fetch));
    expect(state.error).toBeNull();
    expect(state.icp).toMatchObject({ version: 4, name: 'Acme v4' });
  });

  it('refuses a team file that is not UTF-8, naming the fix, and keeps the last good one', async () => {
    // "Müller" saved as Windows-1252: 0xFC is no UTF-8. Guessed at, every rep would get the guess.
    const text = JSON.stringify(teamIcp(4, 'Müller v4'));
    const bytes = new Uint8Array(Array.from(text, (c) => c.charCodeAt(0)));
    // Streamed, or handed over whole (a response without a readable body stream).
    const whole = () => {
      const response = new Response(bytes, { status: 200 });
      Object.defineProperty(response, 'body', { value: null });
      return response;
    };
    for (const answer of [() => new Response(bytes, { status: 200 }), whole]) {
      const { fetch } = fetchAnswering(answer);
      const state = await syncTeamIcp(URL_, good(), env(fetch));
      expect(state.icp).toEqual(good().icp);
      expect(state.error?.message).toMatch(
        /not valid UTF-8 .*Windows-1252.*save it as UTF-8 and publish it again/,
      );
    }
  });

  it('accepts the same version published again (only its date differs), and keeps the newer file', async () => {
    const again = { ...teamIcp(3), updatedAt: '2026-11-24T09:00:00.000Z' };
    expect(again.updatedAt).not.toBe(teamIcp(3).updatedAt);
    const { fetch } = fetchAnswering(() => json(again));
    const state = await syncTeamIcp(URL_, good(), env(fetch));
    expect(state.error).toBeNull();
    expect(state.icp).toMatchObject({ version: 3, updatedAt: again.updatedAt });
    expect(state.fetchedAt).toBe(NOW - 3_600_000);
  });

  describe('keeps the last good ICP and records the error with its time when', () => {
    const failures: Array<[string, () => { fetch: typeof globalThis.fetch; url?: string }, RegExp]> = [
      [
        'the host is unreachable',
        () => ({
          fetch: (async () => {
            throw new TypeError('Failed to fetch');
          }) as typeof globalThis.fetch,
        }),
        /could not reach ops\.acme\.test \(Failed to fetch\)/,
      ],
      [
        'the file is missing (404)',
        () => fetchAnswering(() => new Response('nope', { status: 404, statusText: 'Not Found' })),
        /answered 404 Not Found/,
      ],
      [
        'the server fails (500)',
        () => fetchAnswering(() => new Response('', { status: 500 })),
        /answered 500/,
      ],
      [
        'an answer comes from another address (a fetch that followed a redirect)',
        () => fetchAnswering(() => json(teamIcp(9)), 'https://evil.test/icp.json'),
        /^the team address redirects \(ICP Lens follows no redirect\); use the address it ends at/,
      ],
      [
        'the address is not HTTPS',
        () => ({ ...fetchAnswering(() => json(teamIcp(9))), url: 'http://ops.acme.test/icp.json' }),
        /not HTTPS/,
      ],
      [
        'the file is not JSON',
        () => fetchAnswering(() => new Response('{"name": "Acme team ICP",', { status: 200 })),
        /^the file is not valid JSON \(/,
      ],
      [
        'the address returns a web page (a sign-in page), by its type',
        () =>
          fetchAnswering(
            () =>
              new Response('\n\n<!doctype html><title>Sign in - Contoso SSO</title>', {
                status: 200,
                headers: { 'content-type': 'text/html; charset=utf-8' },
              }),
          ),
        /^the address returned a web page, not the ICP file \(perhaps a sign-in page\): use the file’s direct address/,
      ],
      [
        'the address returns a web page sent as another type',
        () =>
          fetchAnswering(
            () =>
              new Response('<html><body><form>Sign in</form></body></html>', {
                status: 200,
                headers: { 'content-type': 'application/json' },
              }),
          ),
        /^the address returned a web page, not the ICP file \(perhaps a sign-in page\): use the file’s direct address/,
      ],
      [
        'the file is not a valid ICP',
        () => fetchAnswering(() => json({ ...teamIcp(9), tiers: { tier1: 10, tier2: 50, tier3: 20 } })),
        /not a valid ICP: Tier thresholds: must fall from Tier 1 to Tier 3/,
      ],
      [
        'the file declares a size over the limit',
        () =>
          fetchAnswering(
            () =>
              new Response('{}', {
                status: 200,
                headers: { 'content-length': String(MAX_TEAM_FILE_BYTES + 1) },
              }),
          ),
        /too big \(513 kB; at most 512 kB\)/,
      ],
      [
        'the file is over the limit without saying so',
        () =>
          fetchAnswering(
            () =>
              new Response(
                new ReadableStream({
                  pull(controller) {
                    controller.enqueue(new Uint8Array(64 * 1024).fill(32));
                  },
                }),
                { status: 200 },
              ),
          ),
        /too big \(more than 512 kB\)/,
      ],
      [
        'the version is older than the one in force',
        () => fetchAnswering(() => json(teamIcp(2))),
        /version 2, older than version 3/,
      ],
      [
        'the file changed without a new version',
        () => fetchAnswering(() => json({ ...teamIcp(3), description: 'quietly edited' })),
        /still version 3; the manager must raise the version/,
      ],
    ];
    for (const [what, make, message] of failures) {
      it(what, async () => {
        const { fetch, url } = make();
        const before = good();
        const state = await syncTeamIcp(url ?? URL_, before, env(fetch));
        expect(state.error?.message).toMatch(message);
        expect(state.error?.at).toBe(NOW);
        expect(state.checkedAt).toBe(NOW);
        expect(state.icp).toEqual(before.icp);
        expect(state.fetchedAt).toBe(before.fetchedAt);
      });
    }

    it('the file is invalid in ways that would make a huge message (long labels and values)', async () => {
      const long = 'x'.repeat(20_000);
      const criteria = Array.from({ length: 8 }, (_, i) => ({
        id: `c${i}`,
        label: long,
        kind: 'keywords',
        weight: 1,
        keywords: [long],
        rule: long,
      }));
      const { fetch } = fetchAnswering(() => json({ ...teamIcp(9), criteria }));
      const state = await syncTeamIcp(URL_, good(), env(fetch));
      expect(state.error?.message).toMatch(/^the file is not a valid ICP: Criterion “x+…”/);
      expect(state.error?.message.length).toBeLessThan(1100);
      expect(state.icp).toEqual(good().icp);
    });

    it('the server does not answer in time', async () => {
      const fetch = ((_: unknown, init?: RequestInit) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        })) as typeof globalThis.fetch;
      const state = await syncTeamIcp(URL_, good(), env(fetch, { timeoutMs: 20 }));
      expect(state.error?.message).toMatch(/^no answer within /);
      expect(state.icp).toEqual(good().icp);
    });

    it('the host answers in time but sends the file too slowly', async () => {
      // As a browser's fetch does, the body fails when the request is aborted after the headers came.
      const fetch = (async (_: unknown, init?: RequestInit) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"name": "Acme'));
            init?.signal?.addEventListener('abort', () =>
              controller.error(new DOMException('aborted', 'AbortError')),
            );
          },
        });
        return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
      }) as typeof globalThis.fetch;
      const state = await syncTeamIcp(URL_, good(), env(fetch, { timeoutMs: 20 }));
      expect(state.error?.message).toMatch(
        /^the file did not arrive in full within \d+ s \(the host answered, but sent it too slowly\)$/,
      );
      expect(state.icp).toEqual(good().icp);
    });
  });

  /**
   * A host whose address redirects to `location`, fetched as a browser does: `follow` requests every hop and
   * answers with the last one's file; `manual` answers with an opaque redirect (no status, no address).
   */
  function redirectingFetch(location: string) {
    const requested: string[] = [];
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      requested.push(String(input));
      if ((init?.redirect ?? 'follow') === 'manual') {
        const opaque = new Response(null, { status: 200 });
        Object.defineProperties(opaque, {
          type: { value: 'opaqueredirect' },
          status: { value: 0 },
          ok: { value: false },
          url: { value: String(input) },
        });
        return opaque;
      }
      if (init?.redirect === 'error') throw new TypeError('Failed to fetch');
      requested.push(location);
      const answer = json(teamIcp(9, 'Elsewhere'));
      Object.defineProperties(answer, { url: { value: location }, redirected: { value: true } });
      return answer;
    });
    return { fetch: fetch as unknown as typeof globalThis.fetch, requested };
  }

  it.each([
    ['another host', 'https://evil.test/icp.json'],
    ['plain http on an intranet address', 'http://10.0.0.7/icp.json'],
    ['the same origin (a moved file)', 'https://ops.acme.test/v9/icp.json'],
  ])(
    'refuses a redirect to %s without requesting it, saying to use the final address',
    async (_what, location) => {
      const { fetch, requested } = redirectingFetch(location);
      const before = good();
      const state = await syncTeamIcp(URL_, before, env(fetch));
      expect(requested).toEqual([URL_]);
      expect(state.error?.message).toBe(REDIRECT_REFUSED);
      expect(state.icp).toEqual(before.icp);
    },
  );

  it('accepts plain http only on this machine', () => {
    expect(checkTeamUrl('http://127.0.0.1:8123/icp.json').ok).toBe(true);
    expect(checkTeamUrl('http://localhost/icp.json').ok).toBe(true);
    expect(checkTeamUrl('http://intranet/icp.json')).toMatchObject({ ok: false, problem: /not HTTPS/ });
    expect(checkTeamUrl('ftp://ops.acme.test/icp.json').ok).toBe(false);
    expect(checkTeamUrl('https://user:pw@ops.acme.test/icp.json').ok).toBe(false);
    expect(checkTeamUrl('icp.json')).toMatchObject({ ok: false, problem: /not a web address/ });
  });

  it('refuses a 304 when it holds no earlier file (a server answering 304 to anything)', async () => {
    const { fetch } = fetchAnswering(() => new Response(null, { status: 304 }));
    const state = await syncTeamIcp(URL_, null, env(fetch));
    expect(state).toMatchObject({
      icp: null,
      error: { message: expect.stringMatching(/304 Not Modified, but no earlier file/) },
    });
  });

  it('a first attempt that fails has nothing to keep and says so', async () => {
    const { fetch } = fetchAnswering(() => new Response('', { status: 404 }));
    const state = await syncTeamIcp(URL_, null, env(fetch));
    expect(state).toMatchObject({ icp: null, fetchedAt: null, checkedAt: NOW, error: { at: NOW } });
  });
});
