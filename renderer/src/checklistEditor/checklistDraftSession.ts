// One checklist template's draft in the editor, outside React (the plan editor's DraftSession, on the checklists.*
// channels): loads it (`checklists.draft`; none yet → `checklists.revise` on request), holds the editor state, and
// autosaves ~600 ms after the last edit and at once when the page is hidden or left; one save in flight at a time
// (edits made meanwhile go in the next save), each with the revision the last save returned, as a manager
// (`withUnlock` asks for the PIN when the window is locked, then retries: nothing is lost). A save refused because
// another window saved first stops saving until the draft is loaded again.
//
// One session per template for the page's life, so a screen that unmounts (the shell reloading after a push) comes
// back with its edits, history and pending save as they were.
import type { ChecklistDraftView } from '../../../shared/api/channels';
import type { ApiClient } from '../../../shared/api/client';
import { ApiError } from '../../../shared/api/errors';
import type { Checklist } from '../../../shared/checklist/schema';
import type { Draft } from '../../../shared/library/draft';
import type { Role } from '../../../shared/people/roles';
import type { ChecklistEdit } from './checklistEdits';
import { editableChecklist } from './checklistEdits';
import {
  canRedo,
  canUndo,
  createChecklistEditor,
  lastItem,
  libraryFindings,
  performEdit,
  redo,
  undo,
  type ChecklistEditorState,
} from './checklistHistory';

export const SAVE_DEBOUNCE_MS = 600;

export type DraftLoad =
  | { kind: 'loading' }
  /** No draft: the screen offers to start one. */
  | { kind: 'missing' }
  /** The PIN was not given. */
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown }
  /** A draft not of a template's shape (the form cannot edit it): its findings say why. */
  | { kind: 'unusable'; draft: Draft; findings: ChecklistDraftView['findings'] }
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

export interface ChecklistDraftSnapshot {
  load: DraftLoad;
  editor?: ChecklistEditorState;
  save: SaveState;
  /** Edits the backend does not have yet. */
  dirty: boolean;
  /** What only the library can say, as of the last save or load: see `libraryFindings`. */
  library: ChecklistDraftView['findings'];
}

export interface Deps {
  api: ApiClient;
  withUnlock: <T>(role: Role, action: () => Promise<T>) => Promise<T | undefined>;
}

export class ChecklistDraftSession {
  private snapshot: ChecklistDraftSnapshot = {
    load: { kind: 'loading' },
    save: { kind: 'idle' },
    dirty: false,
    library: [],
  };
  private readonly listeners = new Set<() => void>();
  private deps: Deps | undefined;
  private started = false;
  /** The revision the backend's copy has, as far as this window knows, and the template it holds. */
  private revision = 0;
  private savedChecklist: Checklist | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  /** Which items the screen had open, kept across a remount. */
  readonly openItems = new Set<string>();

  constructor(
    readonly checklistId: string,
    private readonly forget: () => void = () => {},
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ChecklistDraftSnapshot => this.snapshot;

  /** Mounted: load the first time, check the backend's copy again on later mounts; save when the page goes. */
  attach(deps: Deps): () => void {
    this.deps = deps;
    if (!this.started) {
      this.started = true;
      void this.load();
    } else void this.refresh();
    const flushNow = () => void this.flush();
    const onHidden = () => document.visibilityState === 'hidden' && flushNow();
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
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
      const view = await withUnlock('trainer', () => api.call('checklists.draft', { checklistId: this.checklistId }));
      if (view) this.adopt(view);
      else this.set({ load: { kind: 'cancelled' } });
    } catch (error) {
      const missing = error instanceof ApiError && error.body.code === 'not-found';
      this.set({ load: missing ? { kind: 'missing' } : { kind: 'failed', error } });
    }
  }

  /** Starts a draft from the template's latest version. Errors are the caller's to show. */
  async revise(): Promise<void> {
    const { api, withUnlock } = this.need();
    const view = await withUnlock('manager', () => api.call('checklists.revise', { checklistId: this.checklistId }));
    if (view) this.adopt(view);
  }

  edit(edit: ChecklistEdit): void {
    const editor = this.snapshot.editor;
    if (editor) this.changed(performEdit(editor, edit, Date.now()));
  }

  /** Undo or redo; answers the item the change was about, when there was a change and it was about one. */
  travel(direction: 'undo' | 'redo'): { itemId?: string } | undefined {
    const editor = this.snapshot.editor;
    if (!editor || !(direction === 'undo' ? canUndo(editor) : canRedo(editor))) return undefined;
    const next = direction === 'undo' ? undo(editor) : redo(editor);
    this.changed(next);
    const itemId = lastItem(next, direction);
    return itemId === undefined ? {} : { itemId };
  }

  /** Saves now what is not saved (waiting for a save in flight first); resolves when nothing is pending. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    const { editor, dirty, save, load } = this.snapshot;
    if (!editor || !dirty || save.kind === 'stale' || load.kind !== 'ready' || load.draft.status !== 'draft') return;
    this.inFlight = this.save(editor.checklist).finally(() => (this.inFlight = undefined));
    await this.inFlight;
  }

  /** Saves what is pending, then submits: never the backend's copy while this window holds edits it lacks. */
  async submit(note: string): Promise<SubmitResult> {
    const { api, withUnlock } = this.need();
    await this.flush();
    if (this.snapshot.dirty) return 'unsaved';
    const view = await withUnlock('manager', () =>
      api.call('checklists.submit', { checklistId: this.checklistId, note }),
    );
    if (!view) return 'cancelled';
    this.setDraft(view.draft);
    // In review now: the next visit loads it afresh.
    this.forget();
    return 'submitted';
  }

  async discard(): Promise<boolean> {
    const { api, withUnlock } = this.need();
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    const done = await withUnlock('manager', () =>
      api.call('checklists.discardDraft', { checklistId: this.checklistId }),
    );
    if (!done) return false;
    this.forget();
    this.set({ load: { kind: 'missing' }, editor: undefined, dirty: false, save: { kind: 'idle' } });
    return true;
  }

  private async save(checklist: Checklist): Promise<void> {
    const { api, withUnlock } = this.need();
    this.set({ save: { kind: 'saving' } });
    try {
      const input = {
        checklistId: this.checklistId,
        revision: this.revision,
        checklist: checklist as unknown as Record<string, unknown>,
      };
      const view = await withUnlock('manager', () => api.call('checklists.saveDraft', input));
      if (!view) return this.set({ save: { kind: 'unsaved' } });
      this.revision = view.draft.revision;
      this.savedChecklist = checklist;
      this.setDraft(view.draft);
      this.set({
        save: { kind: 'saved', at: view.draft.updatedAt },
        dirty: this.snapshot.editor?.checklist !== checklist,
        library: libraryFindings(view.findings, checklist),
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
        .api.call('checklists.draft', { checklistId: this.checklistId })
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
      .api.call('checklists.draft', { checklistId: this.checklistId })
      .catch(() => undefined);
    if (!view || this.inFlight || this.snapshot.dirty || this.revision !== asked) return;
    if (view.draft.revision !== this.revision) return this.adopt(view);
    this.setDraft(view.draft);
  }

  private adopt(view: ChecklistDraftView): void {
    const checklist = editableChecklist(view.draft.plan);
    this.revision = view.draft.revision;
    this.savedChecklist = checklist;
    this.set(
      checklist
        ? {
            load: { kind: 'ready', draft: view.draft },
            editor: createChecklistEditor(checklist),
            save: { kind: 'idle' },
            dirty: false,
            library: libraryFindings(view.findings, checklist),
          }
        : { load: { kind: 'unusable', draft: view.draft, findings: view.findings }, editor: undefined, dirty: false },
    );
  }

  private setDraft(draft: Draft): void {
    if (this.snapshot.load.kind === 'ready') this.set({ load: { kind: 'ready', draft } });
  }

  private changed(editor: ChecklistEditorState): void {
    this.set({ editor, dirty: editor.checklist !== this.savedChecklist });
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
    if (!this.deps) throw new Error('checklist draft session used before it was attached');
    return this.deps;
  }

  private set(patch: Partial<ChecklistDraftSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

const sessions = new Map<string, ChecklistDraftSession>();

/** The template's session, made on first use and kept for the page's life (until submitted or discarded). */
export function checklistSessionFor(checklistId: string): ChecklistDraftSession {
  let session = sessions.get(checklistId);
  if (!session) {
    session = new ChecklistDraftSession(checklistId, () => sessions.delete(checklistId));
    sessions.set(checklistId, session);
  }
  return session;
}
