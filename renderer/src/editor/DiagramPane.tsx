// The flow diagram beside the form, following every edit: selecting a node selects its step, and drawing an edge
// connects two steps. Shown or hidden, and resizable; a half-edited draft the diagram cannot draw never takes the
// editor down with it.
import { Component, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/plan/schema';
import { PlanDiagram } from '../diagram/PlanDiagram';
import { useLanguage } from '../components/useLanguage';
import { useEditor } from './editorContext';
import type { ScreenMemory } from './useDraftEditor';

export function DiagramPane({ selected, memory }: { selected: string | undefined; memory: ScreenMemory }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { plan, edit, readOnly, select } = useEditor();
  const [open, setOpen] = useState(!memory.diagramHidden);
  const toggle = () => {
    memory.diagramHidden = open;
    setOpen(!open);
  };
  return (
    <section className="editor-diagram" aria-labelledby="diagram-title">
      <div className="editor-diagram-head">
        <h2 id="diagram-title">{t('editor.toolbar.diagram')}</h2>
        <button type="button" aria-expanded={open} aria-controls="editor-diagram-body" onClick={toggle}>
          {t(open ? 'editor.diagram.hide' : 'editor.diagram.show')}
        </button>
      </div>
      {open && (
        <div id="editor-diagram-body" className="editor-diagram-body">
          <DiagramBoundary plan={plan} message={(m) => t('editor.diagram.failed', { message: m })}>
            <PlanDiagram
              plan={plan}
              lang={lang}
              label={t('editor.diagram.label')}
              {...(selected === undefined ? {} : { selected })}
              onSelect={(stepId) => select(stepId)}
              {...(readOnly ? {} : { onConnect: (connection) => edit({ type: 'connect', ...connection }) })}
            />
          </DiagramBoundary>
        </div>
      )}
    </section>
  );
}

/** Shows why the diagram failed instead of it; tries again with the next edit. */
class DiagramBoundary extends Component<
  { plan: Plan; message: (error: string) => string; children: ReactNode },
  { error: string | undefined; plan: Plan | undefined }
> {
  override state = { error: undefined as string | undefined, plan: undefined as Plan | undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: String(error) };
  }

  static getDerivedStateFromProps(
    props: { plan: Plan },
    state: { error: string | undefined; plan: Plan | undefined },
  ): { error: string | undefined; plan: Plan } | null {
    if (props.plan === state.plan) return null;
    return { error: undefined, plan: props.plan };
  }

  override render() {
    if (this.state.error !== undefined)
      return <p className="notice notice-warning">{this.props.message(this.state.error)}</p>;
    return this.props.children;
  }
}
