/**
 * Calibrating an ICP on the team's own accounts (pure: no extension APIs, no storage). See docs/CALIBRATE.md.
 */
export * from './columns';
export * from './export';
export * from './facts';
export * from './import';
export * from './parse';
export * from './stats';
export * from './suggest';
