// Undo and redo from the keyboard: Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (⌘ on a Mac).
//
// The editor takes these keys everywhere on its screen, text fields included: every keystroke in a field is already
// an edit of the model (coalesced per field), and the inputs are controlled, so the browser's own undo stack would
// disagree with the model after the first re-render. One history is the only undo that always means the same thing.
// Left alone: id fields (they rename on Enter or blur, so their typing is theirs to undo until then) and dialogs.
import { useEffect } from 'react';

export function useEditorKeys(travel: (direction: 'undo' | 'redo') => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const direction = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : undefined;
      if (!direction) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('dialog, [data-own-undo]')) return;
      event.preventDefault();
      travel(direction);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [travel, enabled]);
}
