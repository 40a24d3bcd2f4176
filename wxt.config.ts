import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // No auto-imports: every file says where `browser`, `storage` and friends come from, so the pure
  // parts of lib/ visibly stay free of extension APIs and run unchanged in Node.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'ICP Lens',
    description:
      'See how well the company on the page fits your Ideal Customer Profile. Local, explainable, private.',
    // `storage` keeps the ICP and per-tab facts; the content script's match patterns read pages, and the action
    // badge and side panel show the verdict.
    // `alarms` wakes the service worker to check the team ICP file on schedule (hourly by default); the
    // worker cannot keep a timer of its own.
    // `scripting` lets the background read technology signals (script addresses, globals, cookie names) in a
    // page's main world, where the page's globals live (lib/techno/collect.ts); it shows no install warning.
    permissions: ['storage', 'alarms', 'scripting'],
    // executeScript needs host access to the tab. These are the very patterns the content scripts already match
    // (entrypoints/content.ts: http://*/* and https://*/*), so Chrome's install warning ("read and change your
    // data on all websites") is the same one the extension already shows: nothing new is asked of the rep.
    // They also cover the team ICP file's host, asked for one origin at a time when the rep saves its address:
    // Chrome grants it at once (or asks again where the rep withheld site access), Firefox, where MV3 host access
    // is the user's choice, asks the rep. No `optional_host_permissions`: an optional host these patterns
    // cover is dropped by Chrome with a warning ("listed as both required and optional") and does nothing.
    host_permissions: ['http://*/*', 'https://*/*'],
    // Enterprise policy (Chrome/Edge): the ICP, the team file address, its check interval and whether reps
    // may override it. Firefox reads the same settings from policies.json `3rdparty` without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    // MV3's default already allows only the extension's own scripts; spelled out, plugins (`object-src`) and
    // `<base>` rewrites are refused too, so no page text could ever load code into the panel or the list.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    },
    action: { default_title: 'ICP Lens: show fit for this company' },
    commands: {
      'save-prospect': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the company in this tab to the prospect list',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'icp-lens@icp-lens.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
