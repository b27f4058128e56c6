// One document's draft in an editor, outside React, for plans and checklist templates alike (a `DraftKind` names
// the channels and the editor model): loads it (`plans.draft` / `checklists.draft`; none yet → `….revise` on request),
// holds the editor model, and autosaves: ~600 ms after the last edit, at once when the page is hidden or left, one save in
// flight at a time (edits made meanwhile go in the next save), each with the revision the last save returned, as a
// manager (`withUnlock` asks for the PIN when the window is locked, then retries: nothing is lost). A save refused
// because another window saved first stops saving until the draft is loaded again.
//
// One session per document for the page's life: the shell reloads its list on every push (`plans.changed`,
// `checklists.changed`), which each save causes, and shows its loading state meanwhile, unmounting the screen. The editor comes back from that
// with its document, history, selection and pending save as they were.
import type { ApiClient } from '../../../shared/api/client';
import { ApiError } from '../../../shared/api/errors';
import type { Draft } from '../../../shared/library/draft';
import type { Role } from '../../../shared/people/roles';
import { afterNextPaint } from '../components/afterNextPaint';

export const SAVE_DEBOUNCE_MS = 600;

/** The types one kind of draft is edited with. */
export interface DraftTypes {
  /** The document as the form edits it (a plan, a checklist template). */
  document: object;
  /** One named edit of the editor model. */
  edit: unknown;
  /** The editor model: the document and its undo/redo history. */
  state: unknown;
  finding: unknown;
  /** What an undo or redo was about, for the screen to show it. */
  focus: object;
  /** What the screen keeps across a remount (see the top of this file). */
  memory: object;
}

/** The backend's answer about a draft: the draft and what the library's check says of it. */
export interface DraftView<F> {
  draft: Draft;
  findings: readonly F[];
}

/** The kind's draft channels (`plans.*`, `checklists.*`), each for one document id. */
export interface DraftChannels<F> {
  draft(api: ApiClient, id: string): Promise<DraftView<F>>;
  revise(api: ApiClient, id: string): Promise<DraftView<F>>;
  save(api: ApiClient, id: string, revision: number, content: Record<string, unknown>): Promise<DraftView<F>>;
  submit(api: ApiClient, id: string, note: string): Promise<DraftView<F>>;
  discard(api: ApiClient, id: string): Promise<unknown>;
}

/** The kind's editor model (pure functions). */
export interface DraftModel<T extends DraftTypes> {
  /** The draft's content when it has the shape the form edits (undefined: the form cannot edit it). */
  editable(content: unknown): T['document'] | undefined;
  create(document: T['document']): T['state'];
  documentOf(state: T['state']): T['document'];
  perform(state: T['state'], edit: T['edit'], now: number): T['state'];
  canUndo(state: T['state']): boolean;
  canRedo(state: T['state']): boolean;
  undo(state: T['state']): T['state'];
  redo(state: T['state']): T['state'];
  /** What the undo (or redo) that made `state` was about, when the screen can show it. */
  travelled(state: T['state'], direction: 'undo' | 'redo'): T['focus'] | undefined;
  /** What the library's findings of `saved` add to its own check (see editorModel.ts `libraryFindings`). */
  libraryFindings(backend: readonly T['finding'][], saved: unknown): T['finding'][];
}

export interface DraftKind<T extends DraftTypes> {
  channels: DraftChannels<T['finding']>;
  model: DraftModel<T>;
  newMemory(): T['memory'];
  /** Forget the session once the draft is submitted, so the next visit loads it afresh. */
  forgetOnSubmit: boolean;
}

export type DraftLoad<F> =
  | { kind: 'loading' }
  /** The document has no draft: the screen offers to start one. */
  | { kind: 'missing' }
  /** The PIN was not given. */
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown }
  /** A draft not of the document's shape (the form cannot edit it): its findings say why. */
  | { kind: 'unusable'; draft: Draft; findings: readonly F[] }
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

export interface DraftSnapshot<T extends DraftTypes> {
  load: DraftLoad<T['finding']>;
  editor?: T['state'];
  save: SaveState;
  /** Edits the backend does not have yet. */
  dirty: boolean;
  /** What only the library can say (unfilled contacts…), as of the last save or load: see `libraryFindings`. */
  library: readonly T['finding'][];
}

export interface Deps {
  api: ApiClient;
  withUnlock: <R>(role: Role, action: () => Promise<R>) => Promise<R | undefined>;
}

export class DraftSession<T extends DraftTypes> {
  private snapshot: DraftSnapshot<T> = { load: { kind: 'loading' }, save: { kind: 'idle' }, dirty: false, library: [] };
  private readonly listeners = new Set<() => void>();
  private deps: Deps | undefined;
  private started = false;
  /** The revision the backend's copy has, as far as this window knows, and the document it holds. */
  private revision = 0;
  private savedDocument: T['document'] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  readonly memory: T['memory'];

  constructor(
    private readonly kind: DraftKind<T>,
    readonly id: string,
    private readonly forget: () => void = () => {},
  ) {
    this.memory = kind.newMemory();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DraftSnapshot<T> => this.snapshot;

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
      const view = await withUnlock('trainer', () => this.kind.channels.draft(api, this.id));
      if (view) this.adopt(view);
      else this.set({ load: { kind: 'cancelled' } });
    } catch (error) {
      const missing = error instanceof ApiError && error.body.code === 'not-found';
      this.set({ load: missing ? { kind: 'missing' } : { kind: 'failed', error } });
    }
  }

  /** Starts a draft from the document's latest version. Errors are the caller's to show. */
  async revise(): Promise<void> {
    const { api, withUnlock } = this.need();
    const view = await withUnlock('manager', () => this.kind.channels.revise(api, this.id));
    if (view) this.adopt(view);
  }

  edit(edit: T['edit']): void {
    const editor = this.snapshot.editor;
    if (editor !== undefined) this.changed(this.kind.model.perform(editor, edit, Date.now()));
  }

  /** Undo or redo; answers what the change was about (undefined: nothing to show, or nothing to undo or redo). */
  travel(direction: 'undo' | 'redo'): T['focus'] | undefined {
    const { model } = this.kind;
    const editor = this.snapshot.editor;
    if (editor === undefined || !(direction === 'undo' ? model.canUndo(editor) : model.canRedo(editor))) {
      return undefined;
    }
    const next = direction === 'undo' ? model.undo(editor) : model.redo(editor);
    this.changed(next);
    return model.travelled(next, direction);
  }

  /** Saves now what is not saved (waiting for a save in flight first); resolves when nothing is pending. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    const { editor, dirty, save, load } = this.snapshot;
    if (editor === undefined || !dirty || save.kind === 'stale') return;
    if (load.kind !== 'ready' || load.draft.status !== 'draft') return;
    this.inFlight = this.save(this.kind.model.documentOf(editor)).finally(() => (this.inFlight = undefined));
    await this.inFlight;
  }

  /** Saves what is pending, then submits: never the backend's copy while this window holds edits it lacks. */
  async submit(note: string): Promise<SubmitResult> {
    const { api, withUnlock } = this.need();
    await this.flush();
    if (this.snapshot.dirty) return 'unsaved';
    const view = await withUnlock('manager', () => this.kind.channels.submit(api, this.id, note));
    if (!view) return 'cancelled';
    this.setDraft(view.draft);
    if (this.kind.forgetOnSubmit) this.forget();
    return 'submitted';
  }

  async discard(): Promise<boolean> {
    const { api, withUnlock } = this.need();
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    const done = await withUnlock('manager', () => this.kind.channels.discard(api, this.id));
    if (!done) return false;
    this.forget();
    this.set({ load: { kind: 'missing' }, editor: undefined, dirty: false, save: { kind: 'idle' } });
    return true;
  }

  private async save(saving: T['document']): Promise<void> {
    const { api, withUnlock } = this.need();
    const { channels, model } = this.kind;
    this.set({ save: { kind: 'saving' } });
    try {
      const content = saving as Record<string, unknown>;
      const view = await withUnlock('manager', () => channels.save(api, this.id, this.revision, content));
      if (!view) return this.set({ save: { kind: 'unsaved' } });
      this.revision = view.draft.revision;
      this.savedDocument = saving;
      this.setDraft(view.draft);
      const editor = this.snapshot.editor;
      this.set({
        save: { kind: 'saved', at: view.draft.updatedAt },
        dirty: editor === undefined || model.documentOf(editor) !== saving,
        library: model.libraryFindings(view.findings, view.draft.plan),
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
      const view = await this.kind.channels.draft(this.need().api, this.id).catch(() => undefined);
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
    const view = await this.kind.channels.draft(this.need().api, this.id).catch(() => undefined);
    if (!view || this.inFlight || this.snapshot.dirty || this.revision !== asked) return;
    if (view.draft.revision !== this.revision) return this.adopt(view);
    this.setDraft(view.draft);
    this.set({ library: this.kind.model.libraryFindings(view.findings, view.draft.plan) });
  }

  private adopt(view: DraftView<T['finding']>): void {
    const { model } = this.kind;
    const editable = model.editable(view.draft.plan);
    this.revision = view.draft.revision;
    this.savedDocument = editable;
    this.set(
      editable
        ? {
            load: { kind: 'ready', draft: view.draft },
            editor: model.create(editable),
            save: { kind: 'idle' },
            dirty: false,
            library: model.libraryFindings(view.findings, view.draft.plan),
          }
        : { load: { kind: 'unusable', draft: view.draft, findings: view.findings }, editor: undefined, dirty: false },
    );
  }

  private setDraft(draft: Draft): void {
    if (this.snapshot.load.kind === 'ready') this.set({ load: { kind: 'ready', draft } });
  }

  private changed(editor: T['state']): void {
    this.set({ editor, dirty: this.kind.model.documentOf(editor) !== this.savedDocument });
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

  private set(patch: Partial<DraftSnapshot<T>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** The sessions of one kind: each made on first use and kept for the page's life (until forgotten, see above). */
export function draftSessions<T extends DraftTypes>(kind: DraftKind<T>): (id: string) => DraftSession<T> {
  const sessions = new Map<string, DraftSession<T>>();
  return (id) => {
    let session = sessions.get(id);
    if (!session) sessions.set(id, (session = new DraftSession(kind, id, () => sessions.delete(id))));
    return session;
  };
}
