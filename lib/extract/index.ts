/**
 * Company extraction: `readPageInputs` runs in the page; `interpretPage` and `completeExtract` turn its inputs
 * into candidates in the background; `mergeCandidates` turns those into facts.
 */

export { countryCode } from './countries';
export { interpretPage } from './interpret';
export { mergeCandidates, registrableDomain } from './merge';
export { readPageInputs } from './page';
export { classifyPage } from './page-role';
export * from './schema';
