// Benchmarks: `npm run bench -- <name>...` (no name: all). They print figures and ratios; they never fail a build.
import { benchDrills } from './drills';
import { benchEditor } from './editor';
import { benchHq } from './hq';
import { benchInspections } from './inspections';
import { benchPlans } from './plans';
import { benchShell } from './shell';
import { benchJournal } from './journal';
import { benchRecords } from './records';
import { benchRunner } from './runner';

const BENCHES: Record<string, () => void | Promise<void>> = {
  plans: benchPlans,
  editor: benchEditor,
  shell: benchShell,
  journal: benchJournal,
  records: benchRecords,
  runner: benchRunner,
  drills: benchDrills,
  inspections: benchInspections,
  hq: benchHq,
};

const names = process.argv.slice(2).filter((arg) => !arg.startsWith('--')); // options are the benches' own
for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; choose from: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  await bench();
}
