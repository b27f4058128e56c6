// A plan version's content hash: SHA-256 of its canonical JSON, without the editor-only `$schema` key.
import { canonicalJson, type Sha256Hex } from '../json/canonicalJson';
import type { Plan } from './schema';

export function planContentHash(plan: Plan, sha256: Sha256Hex): string {
  const { $schema: _editorHint, ...content } = plan;
  return `sha256:${sha256(canonicalJson(content))}`;
}
