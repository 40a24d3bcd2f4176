import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageReader } from '@/lib/content-script';
import { crunchbaseAdapter } from '@/lib/extract/adapters/crunchbase';
import { platformMatchPatterns } from '@/lib/extract/platforms';

// crunchbase pages get their site adapter (and none of the own-website readers).
export default defineContentScript({
  matches: platformMatchPatterns(['crunchbase']),
  runAt: 'document_idle',
  // WXT would otherwise announce the script to every listener of the page's messages: a page must not learn
  // that the rep runs a prospecting tool.
  noScriptStartedPostMessage: true,
  main: (ctx) => runPageReader(ctx, { adapter: crunchbaseAdapter }),
});
