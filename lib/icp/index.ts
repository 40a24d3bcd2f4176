/** The ICP model and scorer: pure, no extension APIs. */
export { DEFAULT_ICP } from './default-icp';
export { classifyIndustry, INDUSTRIES, industryById } from './industries';
export { explainIcpIssues, explainInvalidIcp, type IcpProblem } from './problems';
export { publishIcp } from './publish';
export { countryName, REGION_OPTIONS, regionCountries } from './regions';
export * from './result-schema';
export * from './schema';
export * from './scorer';
