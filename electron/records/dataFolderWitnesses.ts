// The witnesses of a data folder read from disk without opening it for writing: its public key and its seal
// register as they are now. For the CLI and tools that look at a folder the app may have open.
import { readSealRegister } from '../journal/sealRegister';
import { readPublicKey } from '../journal/signingKey';
import type { Witnesses } from './runIndex';

export function dataFolderWitnesses(dataDir: string): Witnesses {
  const publicKey = readPublicKey(dataDir);
  const seals = readSealRegister(dataDir)?.seals;
  return { installationKey: () => publicKey, registered: (runId) => seals?.get(runId) };
}
