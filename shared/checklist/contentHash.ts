// A checklist template version's content hash, by the plans' rule (ARCHITECTURE.md, decision 9): SHA-256 of its
// canonical JSON without the editor-only `$schema` key, so an editor setting never changes a version's identity.
import { canonicalJson, type Sha256Hex } from '../json/canonicalJson';
import type { Checklist } from './schema';

export function checklistContentHash(checklist: Checklist, sha256: Sha256Hex): string {
  const { $schema: _editorHint, ...content } = checklist;
  return `sha256:${sha256(canonicalJson(content))}`;
}
