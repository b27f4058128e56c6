// Ids of what the editor adds or renames (steps, roles, contacts, checklist items, options): one rule for the model
// and the forms (a slug, not taken), and fresh ids for new things.
import { SLUG_MAX, SLUG_PATTERN } from '../../../shared/limits';

/** Why an id cannot be given to a step, role or contact (or undefined when it can): one rule for model and form. */
export function idProblem(id: string, taken: ReadonlySet<string>, current?: string): 'pattern' | 'taken' | undefined {
  if (id.length > SLUG_MAX || !SLUG_PATTERN.test(id)) return 'pattern';
  if (id !== current && taken.has(id)) return 'taken';
  return undefined;
}

/** `base-1`, `base-2`…: the first not in `taken`. */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}
