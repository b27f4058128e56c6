// A branch pushing to head office in a process of its own, for the kill -9 test (tests/hq/branchSync.test.ts):
// argv: data folder, the connection as JSON. Prints `pushing` when the pass starts and `done <sent>` at its end.
import { join } from 'node:path';
import { readSealRegister } from '../../electron/journal/sealRegister';
import { runRecords } from '../../electron/sync/sealedRecords';
import { SyncService } from '../../electron/sync/syncService';
import type { HeadOfficeConnection } from '../../electron/sync/headOfficeLink';

const [dataDir, connectionJson] = process.argv.slice(2) as [string, string];
const connection = JSON.parse(connectionJson) as HeadOfficeConnection;
const register = readSealRegister(dataDir)!;
const sync = SyncService.open({
  dataDir,
  installation: 'sync-child',
  sealed: () => runRecords(register.seals.values(), join(dataDir, 'runs')),
  register: () => ({ seals: register.seals.size, head: register.verification.events.at(-1)!.hash }),
  connection: () => connection,
  pinnedKey: () => undefined,
});
process.stdout.write('pushing\n');
const result = await sync.syncOnce();
process.stdout.write(`done ${result.sent}\n`);
sync.close();
