import { describe, expect, it, vi } from 'vitest';
import { readTabPage, type TabPageApi } from '@/entrypoints/sidepanel/use-tab-state';

/** A tab as the extension API gives it, and what running a script in its page does. */
function fakeApi(tab: { url?: string; status?: string }, script: () => Promise<unknown>) {
  const executeScript = vi.fn(script);
  const api: TabPageApi = { tabs: { get: async () => tab }, scripting: { executeScript } };
  return { api, executeScript };
}

describe('the page of a tab the background holds nothing for', () => {
  it('did not load where Chrome shows its error page, though the tab keeps the address that failed', async () => {
    // Chromium's own words when a script is run in its error page (Chromium 156, `net::ERR_NAME_NOT_RESOLVED`).
    const { api } = fakeApi({ url: 'https://failing.example/', status: 'complete' }, () =>
      Promise.reject(new Error('Frame with ID 0 is showing error page')),
    );
    expect(await readTabPage(7, api)).toEqual({ web: true, loading: false, failed: true });
  });

  it('did not load where the tab’s address is the error page’s own', async () => {
    const { api } = fakeApi({ url: 'chrome-error://chromewebdata/', status: 'complete' }, () =>
      Promise.reject(new Error('Cannot access contents of the page.')),
    );
    expect(await readTabPage(7, api)).toMatchObject({ web: false, failed: true });
  });

  it('loaded where a script runs in it (open since before ICP Lens was installed: to reload)', async () => {
    const { api } = fakeApi({ url: 'https://www.lumenfold.io/', status: 'complete' }, async () => [
      { result: true },
    ]);
    expect(await readTabPage(7, api)).toEqual({ web: true, loading: false, failed: false });
  });

  it('loaded where a script is refused for another reason (a browser that words it otherwise)', async () => {
    const { api } = fakeApi({ url: 'https://www.lumenfold.io/', status: 'complete' }, () =>
      Promise.reject(new Error('Missing host permission for the tab')),
    );
    expect(await readTabPage(7, api)).toMatchObject({ failed: false });
  });

  it('is not asked while it is still loading, nor where it is no web page', async () => {
    const loading = fakeApi({ url: 'https://www.lumenfold.io/', status: 'loading' }, async () => []);
    expect(await readTabPage(7, loading.api)).toEqual({ web: true, loading: true, failed: false });
    const blank = fakeApi({ url: 'about:blank', status: 'complete' }, async () => []);
    expect(await readTabPage(7, blank.api)).toEqual({ web: false, loading: false, failed: false });
    expect(loading.executeScript).not.toHaveBeenCalled();
    expect(blank.executeScript).not.toHaveBeenCalled();
  });
});
