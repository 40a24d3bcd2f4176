import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageReader } from '@/lib/content-script';
import { linkedinAdapter } from '@/lib/extract/adapters/linkedin';
import { platformMatchPatterns } from '@/lib/extract/platforms';

// linkedin pages get their site adapter (and none of the own-website readers).
export default defineContentScript({
  matches: platformMatchPatterns(['linkedin']),
  runAt: 'document_idle',
  main: (ctx) => runPageReader(ctx, { adapter: linkedinAdapter }),
});
