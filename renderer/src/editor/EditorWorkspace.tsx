// The editor at work on a draft: the step list (left), the form of the selected step or of the plan (centre), the
// findings (right) and the diagram (below), all reading one plan and changing it through one `edit`.
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/library/draft';
import { countBySeverity, type Finding } from '../../../shared/plan/findings';
import type { Plan } from '../../../shared/plan/schema';
import { usePlans } from '../app/PlansContext';
import { DiagramPane } from './DiagramPane';
import { EditorHeader } from './EditorHeader';
import { liveFindings, locateStep, withLibraryFindings, type EditorState } from './editorModel';
import { EditorProvider, type EditorApi } from './editorContext';
import { findingTarget, stepListItem } from './fieldIds';
import { FindingsPanel } from './FindingsPanel';
import { PlanFieldsForm } from './PlanFieldsForm';
import { StepForm } from './StepForm';
import { StepList } from './StepList';
import type { DraftEditor } from './useDraftEditor';
import { useEditorKeys } from './useEditorKeys';

/** Findings follow typing after this pause (the whole plan is checked each time). */
export const FINDINGS_DEBOUNCE_MS = 250;

export function EditorWorkspace({ editor, meta }: { editor: DraftEditor; meta: Draft }) {
  const { t } = useTranslation();
  const state = editor.editor as EditorState;
  const plan = state.plan;
  const { memory, readOnly, edit } = editor;
  const [selected, setSelected] = useState<string | undefined>(memory.selected);
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  const findings = useLiveFindings(plan, editor.library);
  const current = selected !== undefined && locateStep(plan, selected) ? selected : undefined;
  useEffect(() => {
    memory.selected = current;
  }, [memory, current]);

  useLayoutEffect(() => {
    if (!focusRequest) return;
    const target = document.getElementById(focusRequest.id);
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  }, [focusRequest]);
  useFocusMemory(memory);

  const select = useCallback((stepId: string | undefined, focusId?: string) => {
    setSelected(stepId);
    if (focusId !== undefined) setFocusRequest({ id: focusId });
  }, []);
  const focusLater = useCallback((id: string) => setFocusRequest({ id }), []);
  // After undo or redo, show what changed: its step, or the plan's own fields.
  const travel = useCallback(
    (direction: 'undo' | 'redo') => {
      const moved = editor.travel(direction);
      if (moved) setSelected(moved.stepId);
    },
    [editor.travel],
  );
  useEditorKeys(travel, readOnly === undefined);

  const pickFinding = (f: Finding) => {
    const target = findingTarget(plan, f.path, f.code);
    const fallback = target.stepId === undefined ? 'ed-list-plan' : stepListItem(target.stepId);
    select(target.stepId, target.inputId);
    // An input that could not take the focus (disabled while read-only, or not on this form): the step itself.
    requestAnimationFrame(() => {
      if (document.activeElement?.id !== target.inputId) document.getElementById(fallback)?.focus();
    });
  };

  const api = useMemo<EditorApi>(
    () => ({ plan, edit, readOnly: readOnly !== undefined, select, focusLater }),
    [plan, edit, readOnly, select, focusLater],
  );
  return (
    <EditorProvider value={api}>
      <EditorHeader editor={editor} meta={meta} errors={countBySeverity(findings).errors} travel={travel} />
      <div className="editor-columns">
        <StepList selected={current} findings={findings} />
        {/* Focusable: it scrolls, and when read-only nothing inside it takes the focus. */}
        <div
          className="editor-form"
          tabIndex={0}
          role="region"
          aria-labelledby={current === undefined ? 'plan-fields-title' : 'step-form-title'}
        >
          <fieldset className="editor-fieldset" disabled={readOnly !== undefined}>
            <legend className="visually-hidden">{t('editor.list.label')}</legend>
            {current === undefined ? <PlanFieldsForm /> : <StepForm stepId={current} />}
          </fieldset>
        </div>
        <FindingsPanel
          findings={findings}
          where={(f) => <code>{f.stepId ?? t('editor.findings.plan')}</code>}
          onPick={pickFinding}
        />
      </div>
      <DiagramPane selected={current} memory={memory} />
    </EditorProvider>
  );
}

/**
 * The findings of the plan as it was a moment ago (checking on every keystroke would slow typing), with what only
 * the library can say as of the last save.
 */
function useLiveFindings(plan: Plan, library: readonly Finding[]): Finding[] {
  const plans = usePlans();
  const known = useMemo(() => new Set(plans.map((p) => p.id)), [plans]);
  const [live, setLive] = useState(() => liveFindings(plan, known));
  useEffect(() => {
    const timer = setTimeout(() => setLive(liveFindings(plan, known)), FINDINGS_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [plan, known]);
  return useMemo(() => withLibraryFindings(live, library), [live, library]);
}

/**
 * Where the focus and the caret were when the screen went away, put back when it returns: the shell unmounts the
 * screen while it reloads the plan list after each save (see useDraftEditor.ts), often mid-word.
 */
function useFocusMemory(memory: DraftEditor['memory']): void {
  useLayoutEffect(() => {
    const saved = memory.focusId === undefined ? null : document.getElementById(memory.focusId);
    if (saved) {
      saved.focus();
      if ((saved instanceof HTMLInputElement || saved instanceof HTMLTextAreaElement) && memory.caret) {
        try {
          saved.setSelectionRange(...memory.caret);
        } catch {
          // Number and check box inputs have no selection.
        }
      }
    }
    return () => {
      const active = document.activeElement;
      const inEditor = active instanceof HTMLElement && active.id && active.closest('.editor');
      memory.focusId = inEditor ? active.id : undefined;
      memory.caret =
        inEditor && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)
          ? [active.selectionStart ?? 0, active.selectionEnd ?? 0]
          : undefined;
    };
  }, [memory]);
}
