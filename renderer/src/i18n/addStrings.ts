// Strings of a screen that loads on first use (the editor, the diagram, the review screen) travel with its chunk,
// not with the first load: each such screen adds its bundle to i18next when its module is evaluated.
import i18next from 'i18next';

/** The same keys as `T`, every text a string: the English bundle must mirror the Chinese one exactly. */
export type Mirror<T> = { [K in keyof T]: T[K] extends string ? string : Mirror<T[K]> };

export interface StringBundle<T> {
  'zh-CN': T;
  en: Mirror<T>;
}

/** Adds a screen's strings under their top-level keys (deep merge, never overwriting the app's own). */
export function addStrings<T extends object>(bundle: StringBundle<T>): void {
  i18next.addResourceBundle('zh-CN', 'translation', bundle['zh-CN'], true, false);
  i18next.addResourceBundle('en', 'translation', bundle.en, true, false);
}
