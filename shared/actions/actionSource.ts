// Where an action came from, asked without its schema (screens import this; the schema is in ./actionLog).
import type { ActionSpec } from './actionLog';

/** Whether an action came from this drill exercise. */
export function fromExercise(spec: Pick<ActionSpec, 'source'>, exerciseId: string): boolean {
  return spec.source.kind === 'drill' && spec.source.exerciseId === exerciseId;
}

/** Whether an action is a rectification of this inspection. */
export function fromInspection(spec: Pick<ActionSpec, 'source'>, inspectionId: string): boolean {
  return spec.source.kind === 'inspection' && spec.source.inspectionId === inspectionId;
}
