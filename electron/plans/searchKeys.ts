// Search keys for a plan tile: both titles, and pinyin (initials and full) so "qj" or "qiangjie" finds 抢劫.
import { pinyin } from 'pinyin-pro';

export function searchKeysFor(texts: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    keys.add(text.toLowerCase());
    if (/[\u4e00-\u9fff]/.test(text)) {
      const han = text.replace(/[^\u4e00-\u9fff]/g, '');
      keys.add(pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase());
      keys.add(pinyin(han, { toneType: 'none', type: 'array' }).join('').toLowerCase());
    }
  }
  return [...keys];
}
