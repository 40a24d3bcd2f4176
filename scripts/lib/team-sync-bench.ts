/**
 * The team ICP file in Chromium with the real extension: "Sync now" from the options page to the answer, for a
 * file received in full and for an unchanged one (304). Served by a real HTTP server on 127.0.0.1; the
 * harness's catch-all route lets requests to it through.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route } from 'playwright-core';
import { withCompetitors } from '../../test/helpers/icps';
import type { ExtensionBrowser } from './browser';

/** The figures, in ms. */
export interface TeamSyncFigures {
  fullMs: number;
  notModifiedMs: number;
  fileKb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** A team ICP the size of a real one with a long competitor list (5,000 domains). */
function bigTeamIcp(version: number): string {
  return JSON.stringify(
    withCompetitors(
      Array.from({ length: 5000 }, (_, i) => `competitor-${i}.com`),
      version,
      'Bench team ICP',
    ),
  );
}

/** Times one "Sync now" message from the options page. */
const SYNC_SCRIPT = `async () => {
  const started = performance.now();
  const answer = await chrome.runtime.sendMessage({ type: 'syncTeamIcp', payload: {} });
  return { ms: performance.now() - started, error: answer?.team?.error?.message ?? null };
}`;

/** Measures a full and an unchanged team-file check (median of 5 each). */
export async function measureTeamSync(ext: ExtensionBrowser): Promise<TeamSyncFigures> {
  let version = 1;
  let body = bigTeamIcp(version);
  const server = http.createServer((req, res) => {
    const etag = `"v${version}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json', etag });
      res.end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/icp.json`;
  const local = /^http:\/\/127\.0\.0\.1:\d+\//;
  const passThrough = (route: Route) => route.continue();
  await ext.context.route(local, passThrough);
  const page = await ext.context.newPage();
  try {
    await page.goto(ext.pageUrl('options.html'));
    await ext.worker.evaluate(
      (address) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
        ).chrome.storage.local.set({ teamIcpUrl: address }),
      url,
    );
    const sync = async () => {
      const result = (await page.evaluate(`(${SYNC_SCRIPT})()`)) as { ms: number; error: string | null };
      if (result.error) throw new Error(`team sync failed while measuring: ${result.error}`);
      return result.ms;
    };
    const full: number[] = [];
    const unchanged: number[] = [];
    for (let i = 0; i < 5; i++) {
      version++;
      body = bigTeamIcp(version);
      full.push(await sync());
      unchanged.push(await sync());
    }
    return { fullMs: median(full), notModifiedMs: median(unchanged), fileKb: Buffer.byteLength(body) / 1024 };
  } finally {
    await ext.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { remove(k: string[]): Promise<void> } } } }
      ).chrome.storage.local.remove(['teamIcpUrl', 'teamIcp']),
    );
    await page.close();
    await ext.context.unroute(local, passThrough);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
