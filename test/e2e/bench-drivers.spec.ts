/**
 * `npm run bench` drives the extension's pages the way a rep or a manager would (lib drivers in scripts/lib). It
 * is not part of the test suite (it takes minutes and its figures need a quiet machine), so a change of a page can
 * break a driver unnoticed: here each driver runs once, on a few rows, and must come back with figures.
 */
import { measureCalibrateImport } from '../../scripts/lib/calibrate-bench';
import { measureList } from '../../scripts/lib/list-bench';
import { measureTeamSync } from '../../scripts/lib/team-sync-bench';
import { expect, test } from './fixtures';

const measured = (value: number) => Number.isFinite(value) && value > 0;

test("the benchmark's calibration, list and team-sync drivers still find their way through the pages", async ({
  ext,
}) => {
  test.setTimeout(180_000);
  const calibration = await measureCalibrateImport(ext, 300);
  expect(measured(calibration.importS)).toBe(true);
  const list = await measureList(ext, 500);
  for (const value of Object.values(list)) expect(measured(value), JSON.stringify(list)).toBe(true);
  const team = await measureTeamSync(ext);
  for (const value of Object.values(team)) expect(measured(value), JSON.stringify(team)).toBe(true);
});
