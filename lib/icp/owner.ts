/** Who maintains ICP Lens's own ICPs: the built-in default and the presets name nobody a rep could ask. */
export const DEFAULT_OWNER = 'ICP Lens default';
export const PRESET_OWNER = 'ICP Lens preset';

/** Whether an ICP's owner is ICP Lens's own, not a person or team of the organisation. */
export function isBuiltInOwner(owner: string): boolean {
  return owner === DEFAULT_OWNER || owner === PRESET_OWNER;
}
