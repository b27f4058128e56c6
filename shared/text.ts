// The one bilingual text type (zh-CN first, English second) every message, label and error body uses.
// Zod-free, as the renderer's first load must be: its schema is in ./textSchema.

export interface Text {
  'zh-CN': string;
  en: string;
}

/** A message catalogue: each entry a function of its typed params returning both languages (shared/messages/). */
export type Catalogue = Record<string, (...params: never[]) => Text>;

/** A message from its two wordings, zh-CN first. */
export const text = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

/** Both languages on one line, zh-CN first: for logs, terminals, thrown errors and a dialog before the UI exists. */
export const inBothLanguages = (message: Text): string => `${message['zh-CN']} / ${message.en}`;

/** Texts joined in each language with that language's separator (a full-width one in Chinese). */
export function joinText(parts: readonly Text[], separators: Text = text('；', '; ')): Text {
  return {
    'zh-CN': parts.map((p) => p['zh-CN']).join(separators['zh-CN']),
    en: parts.map((p) => p.en).join(separators.en),
  };
}
