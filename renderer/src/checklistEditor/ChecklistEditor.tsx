// The checklist template editor (`#/checklists/<id>/edit`): a security manager revises a template's draft in a form
// (the template's fields, then its sections as cards with their items); it autosaves, shows what the check finds as
// they type, and goes to review from here. Loaded on first use, with its strings and styles.
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countBySeverity, type ChecklistFinding } from '../../../shared/checklist/findings';
import type { Checklist } from '../../../shared/checklist/schema';
import type { Draft } from '../../../shared/library/draft';
import { hrefFor, navigate } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { FindingsPanel } from '../editor/FindingsPanel';
import { useEditorKeys } from '../editor/useEditorKeys';
import { ErrorNote } from '../people/ErrorNote';
import { freshSectionId } from './checklistEdits';
import { checklistFindings, withLibraryFindings, type ChecklistEditorState } from './checklistHistory';
import { ChecklistHeader } from './ChecklistHeader';
import { ChecklistEditorProvider, type ChecklistEditorApi } from './editorContext';
import { ADD_SECTION_ID, findingTarget, sectionField } from './fieldIds';
import { SectionCard } from './SectionCard';
import { TemplateFields } from './TemplateFields';
import { useChecklistDraft, type ChecklistDraft } from './useChecklistDraft';
import '../editor/strings';
import './strings';
import '../styles/editor.css';
import './checklistEditor.css';

/** Findings follow typing after this pause (the whole template is checked each time). */
export const FINDINGS_DEBOUNCE_MS = 250;

export function ChecklistEditor({ checklistId }: { checklistId: string }) {
  const { t } = useTranslation();
  const draft = useChecklistDraft(checklistId);
  return (
    <section className="editor ck-editor" aria-labelledby="ck-editor-title">
      <p className="editor-back">
        <a href={hrefFor({ screen: 'checklists', checklistId })}>← {t('checklistEditor.back')}</a>
      </p>
      <EditorBody draft={draft} checklistId={checklistId} />
    </section>
  );
}

function EditorBody({ draft, checklistId }: { draft: ChecklistDraft; checklistId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { load } = draft;
  switch (load.kind) {
    case 'loading':
      return (
        <h1 id="ck-editor-title" className="muted" aria-busy="true">
          {t('checklistEditor.loading')}
        </h1>
      );
    case 'cancelled':
    case 'failed':
      return (
        <>
          <h1 id="ck-editor-title">{t('checklistEditor.open')}</h1>
          {load.kind === 'failed' ? <ErrorNote error={load.error} /> : <p>{t('checklistEditor.cancelled')}</p>}
          <button type="button" className="primary big" onClick={() => void draft.reload()}>
            {t('checklistEditor.retry')}
          </button>
        </>
      );
    case 'missing':
      return <StartRevision draft={draft} />;
    case 'unusable':
      return (
        <>
          <h1 id="ck-editor-title">{t('checklistEditor.open')}</h1>
          <p className="notice notice-error">{t('checklistEditor.unusable')}</p>
          <ul className="findings">
            {load.findings.map((f, i) => (
              <li key={i}>
                <code>{f.path}</code> {f.message[lang]}
              </li>
            ))}
          </ul>
          <button type="button" className="danger-outline big" onClick={() => void draft.discard()}>
            {t('checklistEditor.toolbar.discard')}
          </button>
        </>
      );
    case 'ready':
      return draft.editor ? <Workspace draft={draft} meta={load.draft} checklistId={checklistId} /> : null;
  }
}

function StartRevision({ draft }: { draft: ChecklistDraft }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <>
      <h1 id="ck-editor-title">{t('checklistEditor.missing.title')}</h1>
      <p>{t('checklistEditor.missing.text')}</p>
      {error !== undefined && <ErrorNote error={error} />}
      <button
        type="button"
        className="primary big"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          try {
            await draft.revise();
          } catch (failure) {
            setError(failure);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('checklistEditor.missing.revise')}
      </button>
    </>
  );
}

function Workspace({ draft, meta, checklistId }: { draft: ChecklistDraft; meta: Draft; checklistId: string }) {
  const { t } = useTranslation();
  const checklist = (draft.editor as ChecklistEditorState).checklist;
  const { edit, readOnly } = draft;
  const { openItems } = draft.memory;
  const findings = useLiveFindings(checklist, draft.library);
  const [focusRequest, setFocusRequest] = useState<{ id: string; fallback?: string } | null>(null);
  // The open items live in the session (they survive a remount); this counter redraws when they change.
  const [, setOpenVersion] = useState(0);

  useLayoutEffect(() => {
    if (!focusRequest) return;
    let target = document.getElementById(focusRequest.id);
    if (!isFocusable(target) && focusRequest.fallback !== undefined) {
      target = document.getElementById(focusRequest.fallback);
    }
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  }, [focusRequest]);

  const setOpen = useCallback(
    (itemId: string, open: boolean) => {
      if (open) openItems.add(itemId);
      else openItems.delete(itemId);
      setOpenVersion((n) => n + 1);
    },
    [openItems],
  );
  const focusLater = useCallback((id: string, fallback?: string) => setFocusRequest({ id, fallback }), []);
  // After undo or redo, show the item it changed.
  const travel = useCallback(
    (direction: 'undo' | 'redo') => {
      const moved = draft.travel(direction);
      if (moved?.itemId !== undefined) setOpen(moved.itemId, true);
    },
    [draft.travel, setOpen],
  );
  useEditorKeys(travel, readOnly === undefined);

  const findingPlace = (f: ChecklistFinding) =>
    f.itemId !== undefined
      ? t('checklistEditor.findings.item', { id: f.itemId })
      : f.sectionId !== undefined
        ? t('checklistEditor.findings.section', { id: f.sectionId })
        : t('checklistEditor.findings.template');
  const pickFinding = (f: ChecklistFinding) => {
    const target = findingTarget(checklist, f.path);
    if (target.itemId !== undefined) setOpen(target.itemId, true);
    const fallback = target.inputId.match(/^ck-s\d+-i\d+/)?.[0];
    focusLater(target.inputId, fallback === undefined ? undefined : `${fallback}-toggle`);
  };

  const api = useMemo<ChecklistEditorApi>(
    () => ({
      checklist,
      edit,
      readOnly: readOnly !== undefined,
      // Read-only, every item is open: there is nothing to edit, only to read.
      isOpen: (itemId) => readOnly !== undefined || openItems.has(itemId),
      setOpen,
      focusLater,
    }),
    // openItems changes in place; the counter above redraws the screen when it does.
    [checklist, edit, readOnly, openItems, setOpen, focusLater],
  );
  const addSection = () => {
    edit({ type: 'section.add', id: freshSectionId(checklist) });
    focusLater(sectionField(checklist.sections.length, 'title', 'zh-CN'));
  };
  return (
    <ChecklistEditorProvider value={api}>
      <ChecklistHeader
        draft={draft}
        meta={meta}
        errors={countBySeverity(findings).errors}
        travel={travel}
        leave={() => navigate({ screen: 'checklists', checklistId })}
      />
      <div className="ck-columns">
        {/* Focusable: it scrolls, and when read-only nothing inside it takes the focus. */}
        <div className="editor-form ck-form" tabIndex={0} role="region" aria-labelledby="ck-template-title">
          <fieldset className="editor-fieldset" disabled={readOnly !== undefined}>
            <legend className="visually-hidden">{t('checklistEditor.sections.heading')}</legend>
            <TemplateFields />
            <section className="editor-section" aria-labelledby="ck-sections-title">
              <h2 id="ck-sections-title">{t('checklistEditor.sections.heading')}</h2>
              <ol className="ck-sections">
                {checklist.sections.map((section, s) => (
                  <SectionCard
                    key={`${s}-${section.id}`}
                    section={section}
                    index={s}
                    count={checklist.sections.length}
                  />
                ))}
              </ol>
              <button type="button" id={ADD_SECTION_ID} className="big" onClick={addSection}>
                + {t('checklistEditor.sections.add')}
              </button>
            </section>
          </fieldset>
        </div>
        <FindingsPanel findings={findings} where={findingPlace} onPick={pickFinding} bilingual />
      </div>
    </ChecklistEditorProvider>
  );
}

/**
 * The findings of the template as it was a moment ago (checking on every keystroke would slow typing), with any the
 * library added to its answer to the last save.
 */
function useLiveFindings(checklist: Checklist, library: readonly ChecklistFinding[]): ChecklistFinding[] {
  const [live, setLive] = useState(() => checklistFindings(checklist));
  useEffect(() => {
    const timer = setTimeout(() => setLive(checklistFindings(checklist)), FINDINGS_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [checklist]);
  return useMemo(() => withLibraryFindings(live, library), [live, library]);
}

function isFocusable(element: HTMLElement | null): boolean {
  return element !== null && !(element as HTMLInputElement).disabled;
}
