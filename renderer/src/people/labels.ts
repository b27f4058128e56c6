// How people are named on screen: 王伟（保安） / 王伟 (Guard); and an API error's message in both its languages.
import { ApiError } from '../../../shared/api/errors';
import { ROLE_LABELS, type Role } from '../../../shared/people/roles';
import type { Language } from '../../../shared/plan/schema';
import type { Text } from '../../../shared/text';

export function roleLabel(role: Role, lang: Language): string {
  return ROLE_LABELS[role][lang];
}

/** A name with its role, the way a Chinese form writes it (full-width brackets) or an English one. */
export function personLabel(person: { name: string; role: Role }, lang: Language): string {
  return lang === 'en'
    ? `${person.name} (${roleLabel(person.role, 'en')})`
    : `${person.name}（${roleLabel(person.role, 'zh-CN')}）`;
}

/** A failure in both languages (the backend writes every message twice); a foreign failure once. */
export type BilingualText = Text | { plain: string };

export function bilingualError(error: unknown): BilingualText {
  return error instanceof ApiError ? error.body.message : { plain: String(error) };
}
