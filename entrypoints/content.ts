import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageReader } from '@/lib/content-script';
import { OWN_SITE_READERS } from '@/lib/extract/own-site';
import { platformMatchPatterns } from '@/lib/extract/platforms';

// Every site but the platforms that have a content script of their own: company websites get the readers of
// a company's own site (visible text, profile links); news, search and other platforms are recognised and
// lend their facts to nobody.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  excludeMatches: platformMatchPatterns(['linkedin', 'wikipedia', 'crunchbase', 'directory']),
  runAt: 'document_idle',
  // WXT would otherwise announce the script to every listener of the page's messages: a page must not learn
  // that the rep runs a prospecting tool.
  noScriptStartedPostMessage: true,
  main: (ctx) => runPageReader(ctx, OWN_SITE_READERS),
});
