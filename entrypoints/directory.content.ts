import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageReader } from '@/lib/content-script';
import { directoryAdapter } from '@/lib/extract/adapters/directory';
import { platformMatchPatterns } from '@/lib/extract/platforms';

// directory pages get their site adapter (and none of the own-website readers).
export default defineContentScript({
  matches: platformMatchPatterns(['directory']),
  runAt: 'document_idle',
  main: (ctx) => runPageReader(ctx, { adapter: directoryAdapter }),
});
