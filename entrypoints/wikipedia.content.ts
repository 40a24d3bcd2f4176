import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageReader } from '@/lib/content-script';
import { wikipediaAdapter } from '@/lib/extract/adapters/wikipedia';
import { platformMatchPatterns } from '@/lib/extract/platforms';

// wikipedia pages get their site adapter (and none of the own-website readers).
export default defineContentScript({
  matches: platformMatchPatterns(['wikipedia']),
  runAt: 'document_idle',
  main: (ctx) => runPageReader(ctx, { adapter: wikipediaAdapter }),
});
