// One plan's draft in the editor, outside React: loads it (`plans.draft`; none yet → `plans.revise` on request),
// holds the editor model, and autosaves: ~600 ms after the last edit, at once when the page is hidden or left, one
// save in flight at a time (edits made meanwhile go in the next save), each with the revision the last save
// returned, as a manager (`withUnlock` asks for the PIN when the window is locked, then retries: nothing is lost).
//
// One session per plan for the page's life: the shell reloads the plan list on every `plans.changed` push, which
// each save causes, and shows its loading state meanwhile, unmounting the screen. The editor comes back from that
// with its plan, history, selection and pending save as they were.
import type { ApiClient } from '../../../shared/api/client';
import type { DraftViewOutput } from '../../../shared/api/channels';
import { ApiError } from '../../../shared/api/errors';
import type { Draft } from '../../../shared/library/draft';
import type { Finding } from '../../../shared/plan/findings';
import type { Role } from '../../../shared/people/roles';
import type { Plan } from '../../../shared/plan/schema';
import { afterNextPaint } from '../components/afterNextPaint';
import {
  canRedo,
  canUndo,
  createEditor,
  editablePlan,
  lastMoved,
  libraryFindings,
  locateStep,
  perform,
  redo,
  undo,
  type EditorState,
  type PlanEdit,
} from './editorModel';

export const SAVE_DEBOUNCE_MS = 600;

export type DraftLoad =
  | { kind: 'loading' }
  /** The plan has no draft: the screen offers to start one. */
  | { kind: 'missing' }
  /** The PIN was not given. */
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown }
  /** A draft not of the plan's shape (the form cannot edit it): its findings say why. */
  | { kind: 'unusable'; draft: Draft; findings: DraftViewOutput['findings'] }
  | { kind: 'ready'; draft: Draft };

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** The PIN was not given: the edits are kept here and the next edit asks again. */
  | { kind: 'unsaved' }
  | { kind: 'failed'; error: unknown }
  /** Another window saved first (or discarded the draft): saving stops until the draft is loaded again. */
  | { kind: 'stale'; error: unknown };

export type SubmitResult = 'submitted' | 'cancelled' | 'unsaved';

export interface DraftSnapshot {
  load: DraftLoad;
  editor?: EditorState;
  save: SaveState;
  /** Edits the backend does not have yet. */
  dirty: boolean;
  /** What only the library can say (unfilled contacts…), as of the last save or load: see `libraryFindings`. */
  library: readonly Finding[];
}

export interface Deps {
  api: ApiClient;
  withUnlock: <T>(role: Role, action: () => Promise<T>) => Promise<T | undefined>;
}

/** What the screen remembers across a remount (see the top of this file). */
export interface ScreenMemory {
  selected?: string;
  focusId?: string;
  /** The selection in that input, when it is a text field. */
  caret?: [number, number];
  /** Whether the diagram was hidden. */
  diagramHidden?: boolean;
}

export class DraftSession {
  private snapshot: DraftSnapshot = { load: { kind: 'loading' }, save: { kind: 'idle' }, dirty: false, library: [] };
  private readonly listeners = new Set<() => void>();
  private deps: Deps | undefined;
  private started = false;
  /** The revision the backend's copy has, as far as this window knows, and the plan it holds. */
  private revision = 0;
  private savedPlan: Plan | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  readonly memory: ScreenMemory = {};

  constructor(readonly planId: string) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DraftSnapshot => this.snapshot;

  /** Mounted: load the first time, check the backend's copy again on later mounts; save when the page goes. */
  attach(deps: Deps): () => void {
    this.deps = deps;
    let cancelRefresh = () => {};
    if (!this.started) {
      this.started = true;
      void this.load();
    } else {
      // Once the screen is drawn: the copy in hand is shown at once, and the check must not compete with drawing it.
      cancelRefresh = afterNextPaint(() => void this.refresh());
    }
    const flushNow = () => void this.flush();
    const onHidden = () => document.visibilityState === 'hidden' && flushNow();
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      cancelRefresh();
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onHidden);
      flushNow();
    };
  }

  async load(): Promise<void> {
    const { api, withUnlock } = this.need();
    this.clearTimer();
    this.set({ load: { kind: 'loading' }, editor: undefined, save: { kind: 'idle' }, dirty: false });
    try {
      const view = await withUnlock('trainer', () => api.call('plans.draft', { planId: this.planId }));
      if (view) this.adopt(view);
      else this.set({ load: { kind: 'cancelled' } });
    } catch (error) {
      const missing = error instanceof ApiError && error.body.code === 'not-found';
      this.set({ load: missing ? { kind: 'missing' } : { kind: 'failed', error } });
    }
  }

  /** Starts a draft from the plan's latest version. Errors are the caller's to show. */
  async revise(): Promise<void> {
    const { api, withUnlock } = this.need();
    const view = await withUnlock('manager', () => api.call('plans.revise', { planId: this.planId }));
    if (view) this.adopt(view);
  }

  edit(edit: PlanEdit): void {
    const editor = this.snapshot.editor;
    if (editor) this.changed(perform(editor, edit, Date.now()));
  }

  /** Undo or redo; answers what the change was about (undefined: nothing to show, or nothing to undo or redo). */
  travel(direction: 'undo' | 'redo'): { stepId?: string } | undefined {
    const editor = this.snapshot.editor;
    if (!editor || !(direction === 'undo' ? canUndo(editor) : canRedo(editor))) return undefined;
    const next = direction === 'undo' ? undo(editor) : redo(editor);
    this.changed(next);
    const moved = lastMoved(next, direction);
    // A step that the change took away (undoing its addition) cannot be shown.
    return moved?.stepId === undefined || locateStep(next.plan, moved.stepId) ? moved : undefined;
  }

  /** Saves now what is not saved (waiting for a save in flight first); resolves when nothing is pending. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    const { editor, dirty, save, load } = this.snapshot;
    if (!editor || !dirty || save.kind === 'stale' || load.kind !== 'ready' || load.draft.status !== 'draft') return;
    this.inFlight = this.save(editor.plan).finally(() => (this.inFlight = undefined));
    await this.inFlight;
  }

  /** Saves what is pending, then submits: never the backend's copy while this window holds edits it lacks. */
  async submit(note: string): Promise<SubmitResult> {
    const { api, withUnlock } = this.need();
    await this.flush();
    if (this.snapshot.dirty) return 'unsaved';
    const view = await withUnlock('manager', () => api.call('plans.submit', { planId: this.planId, note }));
    if (!view) return 'cancelled';
    this.setDraft(view.draft);
    return 'submitted';
  }

  async discard(): Promise<boolean> {
    const { api, withUnlock } = this.need();
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    const done = await withUnlock('manager', () => api.call('plans.discardDraft', { planId: this.planId }));
    if (!done) return false;
    sessions.delete(this.planId);
    this.set({ load: { kind: 'missing' }, editor: undefined, dirty: false, save: { kind: 'idle' } });
    return true;
  }

  private async save(plan: Plan): Promise<void> {
    const { api, withUnlock } = this.need();
    this.set({ save: { kind: 'saving' } });
    try {
      const input = { planId: this.planId, revision: this.revision, plan: plan as Record<string, unknown> };
      const view = await withUnlock('manager', () => api.call('plans.saveDraft', input));
      if (!view) return this.set({ save: { kind: 'unsaved' } });
      this.revision = view.draft.revision;
      this.savedPlan = plan;
      this.setDraft(view.draft);
      this.set({
        save: { kind: 'saved', at: view.draft.updatedAt },
        dirty: this.snapshot.editor?.plan !== plan,
        library: libraryFindings(view.findings, view.draft.plan),
      });
      // Edits made while this save was on its way go in the next one.
      if (this.snapshot.dirty) this.schedule();
    } catch (error) {
      await this.explainFailure(error);
    }
  }

  /** A refused save: stale (another window saved first, or the draft is gone) or another failure, retried later. */
  private async explainFailure(error: unknown): Promise<void> {
    const code = error instanceof ApiError ? error.body.code : undefined;
    if (code === 'not-found') return this.set({ save: { kind: 'stale', error } });
    if (code === 'invalid-input') {
      const view = await this.need()
        .api.call('plans.draft', { planId: this.planId })
        .catch(() => undefined);
      if (view?.draft.status === 'in-review') this.setDraft(view.draft);
      else if (view && view.draft.revision !== this.revision) return this.set({ save: { kind: 'stale', error } });
    }
    this.set({ save: { kind: 'failed', error } });
  }

  /** On a later mount: another window may have saved or submitted meanwhile. Never over edits of this one. */
  private async refresh(): Promise<void> {
    const { load } = this.snapshot;
    if (load.kind !== 'ready') return void (load.kind === 'loading' ? undefined : this.load());
    const asked = this.revision;
    const view = await this.need()
      .api.call('plans.draft', { planId: this.planId })
      .catch(() => undefined);
    if (!view || this.inFlight || this.snapshot.dirty || this.revision !== asked) return;
    if (view.draft.revision !== this.revision) return this.adopt(view);
    this.setDraft(view.draft);
    this.set({ library: libraryFindings(view.findings, view.draft.plan) });
  }

  private adopt(view: DraftViewOutput): void {
    const plan = editablePlan(view.draft.plan);
    this.revision = view.draft.revision;
    this.savedPlan = plan;
    this.set(
      plan
        ? {
            load: { kind: 'ready', draft: view.draft },
            editor: createEditor(plan),
            save: { kind: 'idle' },
            dirty: false,
            library: libraryFindings(view.findings, view.draft.plan),
          }
        : { load: { kind: 'unusable', draft: view.draft, findings: view.findings }, editor: undefined, dirty: false },
    );
  }

  private setDraft(draft: Draft): void {
    if (this.snapshot.load.kind === 'ready') this.set({ load: { kind: 'ready', draft } });
  }

  private changed(editor: EditorState): void {
    this.set({ editor, dirty: editor.plan !== this.savedPlan });
    this.schedule();
  }

  private schedule(): void {
    this.clearTimer();
    if (this.snapshot.dirty) this.timer = setTimeout(() => void this.flush(), SAVE_DEBOUNCE_MS);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private need(): Deps {
    if (!this.deps) throw new Error('draft session used before it was attached');
    return this.deps;
  }

  private set(patch: Partial<DraftSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

const sessions = new Map<string, DraftSession>();

/** The plan's session, made on first use and kept for the page's life (until its draft is discarded). */
export function sessionFor(planId: string): DraftSession {
  let session = sessions.get(planId);
  if (!session) sessions.set(planId, (session = new DraftSession(planId)));
  return session;
}
