// The scrypt cost tests give backends for new PIN hashes: about 50 times cheaper than production's, as tests hash
// hundreds of PINs. tests/electron/people.test.ts hashes and verifies with the production cost.
import type { PinHashCost } from '../../electron/people/pinHash';

export const TEST_PIN_HASH_COST: PinHashCost = Object.freeze({ N: 2 ** 10, r: 8, p: 1 });
