/** Company extraction: `extractPage` runs in the page; `mergeCandidates` turns its output into facts. */
export { countryCode, mergeCandidates, registrableDomain } from './merge';
export { classifyPage, extractPage } from './page';
export * from './schema';
