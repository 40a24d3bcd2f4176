/**
 * Company extraction: `readPageInputs` runs in the page; `interpretPage` and `completeExtract` turn its inputs
 * into candidates in the background; `mergeCandidates` turns those into facts.
 */
export { interpretPage } from './interpret';
export { countryCode } from './countries';
export { mergeCandidates, registrableDomain } from './merge';
export { readPageInputs } from './page';
export { classifyPage } from './page-role';
export * from './schema';
