/** Company extraction: `extractPage` runs in the page; `mergeCandidates` turns its output into facts. */
export { countryCode, mergeCandidates, registrableDomain } from './merge';
export { extractPage } from './page';
export { classifyPage } from './page-role';
export * from './schema';
