// One simple line icon per plan category, drawn inline so nothing is fetched and the CSP stays strict.
import type { CATEGORIES } from '../../../shared/plan/schema';

type Category = (typeof CATEGORIES)[number];

const PATHS: Record<Category, string> = {
  robbery: 'M12 2l8 4v6c0 5-3.5 8.5-8 10-4.5-1.5-8-5-8-10V6l8-4z M9 12l2 2 4-4',
  fire: 'M12 22c4 0 7-3 7-7 0-4-3-6-4-10-2 2-3 4-3 6-1-1-2-2-2-4-3 3-5 5-5 8 0 4 3 7 7 7z',
  medical: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z',
  'suspicious-item': 'M4 8l8-4 8 4v8l-8 4-8-4z M4 8l8 4 8-4 M12 12v8',
  violence: 'M7 11V6a2 2 0 014 0v4 M11 10V5a2 2 0 014 0v6 M15 10a2 2 0 014 0v4c0 4-3 7-7 7s-7-3-7-6l-1-4a2 2 0 013-1',
  outage: 'M13 2L4 14h7l-1 8 9-12h-7z',
  'atm-tampering': 'M3 4h18v12H3z M7 20h10 M7 8h10 M7 12h4',
  'natural-disaster': 'M2 16c2 0 3-2 5-2s3 2 5 2 3-2 5-2 3 2 5 2 M2 20c2 0 3-2 5-2s3 2 5 2 3-2 5-2 3 2 5 2 M12 3v8',
  'cash-in-transit': 'M2 7h12v9H2z M14 10h4l3 3v3h-7z M6 19a2 2 0 100-4 2 2 0 000 4z M17 19a2 2 0 100-4 2 2 0 000 4z',
  hostage: 'M12 11a4 4 0 100-8 4 4 0 000 8z M4 21c0-4 4-7 8-7s8 3 8 7 M17 3l4 4 M21 3l-4 4',
  fraud: 'M5 2h10v20H5z M9 18h2 M17 7c2 1 3 3 3 5s-1 4-3 5',
  cyber: 'M4 4h16v12H4z M8 20h8 M9 10l2 2 4-4',
  other: 'M12 22a10 10 0 100-20 10 10 0 000 20z M12 7v6 M12 16v1',
};

export function CategoryIcon({ category, size = 40 }: { category: Category; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[category]} />
    </svg>
  );
}
