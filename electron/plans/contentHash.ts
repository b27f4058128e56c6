// The content hash of a plan version with Node's SHA-256.
import { createHash } from 'node:crypto';
import { planContentHash } from '../../shared/plan/contentHash';
import type { Plan } from '../../shared/plan/schema';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function contentHashOf(plan: Plan): string {
  return planContentHash(plan, sha256Hex);
}
