// Matching a search box query against a plan's search keys (titles and pinyin, made by the backend).
export function matchesSearch(keys: readonly string[], query: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  return q === '' || keys.some((k) => k.replace(/\s+/g, '').includes(q));
}
