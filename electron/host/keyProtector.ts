// The installation's private key under the OS's protection (Electron safeStorage: DPAPI on Windows, the Keychain
// on macOS, libsecret or KWallet on Linux). Where the OS offers none, or only Linux's hard-coded "basic_text"
// fallback (no protection at all), the key stays a file only its owner can read, as in the browser edition.
import { safeStorage } from 'electron';
import type { KeyProtector } from '../journal/signingKey';

export async function osKeyProtector(): Promise<{ keyProtector?: KeyProtector }> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return {};
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return {};
  return {
    keyProtector: {
      encrypt: (plain) => safeStorage.encryptStringAsync(plain),
      decrypt: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
    },
  };
}
