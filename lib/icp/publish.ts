/**
 * "Publish": the ICP as a team file ready to host. The version goes up past every version a rep may already
 * hold (team files refuse older versions, and a changed file must carry a new one), and `updatedAt` is now.
 */
import { type Icp, IcpSchema } from './schema';

/** An ICP's name as a file name's start: "Mid-market B2B SaaS (built-in)" → "mid-market-b2b-saas-built-in". */
export function icpFileSlug(name: string): string {
  return (
    name
      .replace(/[^\w.-]+/g, '-')
      .replace(/^[-.]+|(?<!-)-+$/g, '')
      .toLowerCase() || 'icp'
  );
}

/**
 * The team file for `icp`: version one above the highest of `icp.version` and `alsoAbove` (e.g. the team
 * file's version currently in force), `updatedAt` set to `now`.
 * @returns the ICP to publish, and the file name and text to offer as a download
 */
export function publishIcp(icp: Icp, now: Date, alsoAbove = 0): { icp: Icp; fileName: string; text: string } {
  const published = IcpSchema.parse({
    ...icp,
    version: Math.max(icp.version, alsoAbove) + 1,
    updatedAt: now.toISOString(),
  });
  return {
    icp: published,
    fileName: `${icpFileSlug(published.name)}-v${published.version}.team.json`,
    text: `${JSON.stringify(published, null, 2)}\n`,
  };
}
