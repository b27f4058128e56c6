// The sealed records a branch sends head office, from the registers that hold their seals: runs from the seal
// register, drill evaluations from the drills log, inspections from the inspections log — each with the journal file
// it names and the head it was sealed with, in the order they were sealed.
import { join } from 'node:path';
import type { RegisteredSeal } from '../../shared/journal/sealRegister';
import type { SealedRecordRef } from './syncService';

export function runRecords(seals: Iterable<RegisteredSeal>, runsDir: string): SealedRecordRef[] {
  return [...seals].map((s) => ({
    kind: 'run',
    recordId: s.runId,
    head: s.head,
    file: join(runsDir, `${s.runId}.jsonl`),
  }));
}

export function evaluationRecords(
  sealed: Iterable<{ exerciseId: string; head: string }>,
  evaluationsDir: string,
): SealedRecordRef[] {
  return [...sealed].map((s) => ({
    kind: 'evaluation',
    recordId: s.exerciseId,
    head: s.head,
    file: join(evaluationsDir, `${s.exerciseId}.jsonl`),
  }));
}

export function inspectionRecords(
  sealed: Iterable<{ inspectionId: string; head: string }>,
  inspectionsDir: string,
): SealedRecordRef[] {
  return [...sealed].map((s) => ({
    kind: 'inspection',
    recordId: s.inspectionId,
    head: s.head,
    file: join(inspectionsDir, `${s.inspectionId}.jsonl`),
  }));
}
