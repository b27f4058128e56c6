// The plan editor (`#/plans/<id>/edit`): a security manager revises a plan's draft; it autosaves, shows what
// analysis finds as they type, and goes to review from here. Loaded on first use, with its strings and styles.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { EditorWorkspace } from './EditorWorkspace';
import { useDraftEditor, type DraftEditor } from './useDraftEditor';
import './strings';
import '../styles/editor.css';

export function EditorScreen({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const editor = useDraftEditor(planId);
  return (
    <section className="editor" aria-labelledby="editor-title">
      <p className="editor-back">
        <a href={hrefFor({ screen: 'plans', planId })}>← {t('editor.backToPlan')}</a>
      </p>
      <EditorBody editor={editor} />
    </section>
  );
}

function EditorBody({ editor }: { editor: DraftEditor }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { load } = editor;
  switch (load.kind) {
    case 'loading':
      return (
        <h1 id="editor-title" className="muted" aria-busy="true">
          {t('editor.loading')}
        </h1>
      );
    case 'cancelled':
    case 'failed':
      return (
        <>
          <h1 id="editor-title">{t('editor.open')}</h1>
          {load.kind === 'failed' ? <ErrorNote error={load.error} /> : <p>{t('editor.cancelled')}</p>}
          <button type="button" className="primary" onClick={() => void editor.reload()}>
            {t('editor.retry')}
          </button>
        </>
      );
    case 'missing':
      return <StartRevision editor={editor} />;
    case 'unusable':
      return (
        <>
          <h1 id="editor-title">{t('editor.open')}</h1>
          <p className="notice notice-error">{t('editor.unusable')}</p>
          <ul className="findings">
            {load.findings.map((f, i) => (
              <li key={i}>
                <code>{f.path}</code> {f.message[lang]}
              </li>
            ))}
          </ul>
          <button type="button" className="danger-outline" onClick={() => void editor.discard()}>
            {t('editor.toolbar.discard')}
          </button>
        </>
      );
    case 'ready':
      return editor.editor ? <EditorWorkspace editor={editor} meta={load.draft} /> : null;
  }
}

function StartRevision({ editor }: { editor: DraftEditor }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <>
      <h1 id="editor-title">{t('editor.missing.title')}</h1>
      <p>{t('editor.missing.text')}</p>
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
            await editor.revise();
          } catch (failure) {
            setError(failure);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('editor.missing.revise')}
      </button>
    </>
  );
}
