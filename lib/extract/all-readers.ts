/**
 * Every reader, chosen by the page's host the same way the content scripts' match patterns choose them
 * (see wxt.config and entrypoints/*.content.ts). For Node: tests, the command line and the evaluation.
 */
import { crunchbaseAdapter } from './adapters/crunchbase';
import { directoryAdapter } from './adapters/directory';
import { linkedinAdapter } from './adapters/linkedin';
import { wikipediaAdapter } from './adapters/wikipedia';
import { OWN_SITE_READERS } from './own-site';
import { platformOf } from './platforms';
import type { Readers } from './readers';

/** The readers the extension uses on a page of this host. */
export function readersFor(hostname: string): Readers {
  switch (platformOf(hostname)) {
    case 'linkedin':
      return { adapter: linkedinAdapter };
    case 'wikipedia':
      return { adapter: wikipediaAdapter };
    case 'crunchbase':
      return { adapter: crunchbaseAdapter };
    case 'directory':
      return { adapter: directoryAdapter };
    case undefined:
      return OWN_SITE_READERS;
    default:
      return {};
  }
}
