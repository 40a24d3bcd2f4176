import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageReader } from '@/lib/content-script';
import { directoryAdapter } from '@/lib/extract/adapters/directory';
import { platformMatchPatterns } from '@/lib/extract/platforms';

// directory pages get their site adapter (and none of the own-website readers).
export default defineContentScript({
  matches: platformMatchPatterns(['directory']),
  runAt: 'document_idle',
  // WXT would otherwise announce the script to every listener of the page's messages: a page must not learn
  // that the rep runs a prospecting tool.
  noScriptStartedPostMessage: true,
  main: (ctx) => runPageReader(ctx, { adapter: directoryAdapter }),
});
