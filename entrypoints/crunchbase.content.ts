import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageReader } from '@/lib/content-script';
import { crunchbaseAdapter } from '@/lib/extract/adapters/crunchbase';
import { platformMatchPatterns } from '@/lib/extract/platforms';

// crunchbase pages get their site adapter (and none of the own-website readers).
export default defineContentScript({
  matches: platformMatchPatterns(['crunchbase']),
  runAt: 'document_idle',
  main: (ctx) => runPageReader(ctx, { adapter: crunchbaseAdapter }),
});
