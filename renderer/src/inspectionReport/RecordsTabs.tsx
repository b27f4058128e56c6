// The Records screen's two tabs: 处置与演练记录 (runs) and 检查记录 (inspections, loaded when first opened). Tabs as
// the WAI-ARIA pattern has them: arrow keys, Home and End move between them, the chosen one is the only one in the Tab
// order. The choice lasts for the browser tab's session, so coming back from an inspection finds its list again.
// In the first load with the Records screen: only the tabs' own words and styles, never the inspections' code.
import { lazy, Suspense, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addStrings } from '../i18n/addStrings';
import '../styles/inspectionReport.css';

let stringsAdded = false;

/** The tabs' words, added on first use: this module loads with the app, before i18next is set up. */
function addTabStrings(): void {
  if (stringsAdded) return;
  stringsAdded = true;
  addStrings({
    'zh-CN': { recordsTabs: { label: '记录类别', runs: '处置与演练记录', inspections: '检查记录' } },
    en: { recordsTabs: { label: 'Kind of record', runs: 'Incidents and drills', inspections: 'Inspections' } },
  });
}

export const RECORDS_TABS = ['runs', 'inspections'] as const;
export type RecordsTab = (typeof RECORDS_TABS)[number];

const STORAGE_KEY = 'guardbook.records.tab';

const InspectionRecords = lazy(() => import('./InspectionRecords').then((m) => ({ default: m.InspectionRecords })));

function savedTab(): RecordsTab {
  try {
    const saved = sessionStorage.getItem(STORAGE_KEY);
    return saved === 'inspections' ? 'inspections' : 'runs';
  } catch {
    return 'runs';
  }
}

export function useRecordsTab(): [RecordsTab, (tab: RecordsTab) => void] {
  const [tab, setTab] = useState<RecordsTab>(savedTab);
  const choose = (next: RecordsTab) => {
    try {
      sessionStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage refused (a private window): the choice lasts while the screen is open.
    }
    setTab(next);
  };
  return [tab, choose];
}

const tabId = (tab: RecordsTab) => `records-tab-${tab}`;
const panelId = (tab: RecordsTab) => `records-panel-${tab}`;

export function RecordsTabList({ tab, onChange }: { tab: RecordsTab; onChange: (tab: RecordsTab) => void }) {
  addTabStrings();
  const { t } = useTranslation();
  const move = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = RECORDS_TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? RECORDS_TABS[(at + 1) % RECORDS_TABS.length]
        : event.key === 'ArrowLeft'
          ? RECORDS_TABS[(at - 1 + RECORDS_TABS.length) % RECORDS_TABS.length]
          : event.key === 'Home'
            ? RECORDS_TABS[0]
            : event.key === 'End'
              ? RECORDS_TABS.at(-1)
              : undefined;
    if (!next) return;
    event.preventDefault();
    onChange(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div className="records-tabs" role="tablist" aria-label={t('recordsTabs.label')}>
      {RECORDS_TABS.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={tabId(name)}
          aria-selected={tab === name}
          aria-controls={panelId(name)}
          tabIndex={tab === name ? 0 : -1}
          onClick={() => onChange(name)}
          onKeyDown={move}
        >
          {t(`recordsTabs.${name}`)}
        </button>
      ))}
    </div>
  );
}

/** Both panels are in the page (each tab names its panel); only the chosen one has content. */
export function RecordsTabPanel({
  tab,
  shown,
  children,
}: {
  tab: RecordsTab;
  shown: RecordsTab;
  children?: ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={panelId(tab)}
      aria-labelledby={tabId(tab)}
      hidden={tab !== shown}
      className={`records-tabpanel records-tabpanel-${tab}`}
    >
      {tab === shown && children}
    </div>
  );
}

/** The inspections tab's content, loaded on first use. */
export function InspectionRecordsPanel() {
  return (
    <Suspense
      fallback={
        <p className="muted" aria-busy="true">
          …
        </p>
      }
    >
      <InspectionRecords />
    </Suspense>
  );
}
