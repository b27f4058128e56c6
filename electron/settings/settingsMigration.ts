// Settings files written by earlier releases, brought to the current shape before they are judged, so that nothing
// a branch typed is lost. Release 0.1 kept local numbers as `phones` (contact id → number); each becomes an entry of
// the contact directory with that number and no names yet. The service then writes the file back in the new shape.

/**
 * The value of a settings file in the current shape where an earlier one is recognised; anything else unchanged, to
 * be judged (and, when it does not fit, kept aside) as it is — a half-understood file is never guessed at.
 */
export function migrateSettings(value: unknown): unknown {
  if (!isPlainRecord(value) || !Object.hasOwn(value, 'phones')) return value;
  const { phones, ...rest } = value;
  // Both shapes at once, or numbers that are not text: not a file an earlier release wrote.
  if (Object.hasOwn(rest, 'contacts') || !isPlainRecord(phones)) return value;
  const numbers = Object.entries(phones);
  if (!numbers.every((entry): entry is [string, string] => typeof entry[1] === 'string')) return value;
  const contacts = Object.fromEntries(
    numbers.map(([id, phone]) => [id, { name: { 'zh-CN': '', en: '' }, role: '', phones: [phone], notes: '' }]),
  );
  return { ...rest, contacts };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
