// Fans push events out to every connected window (IPC webContents or SSE clients).
import type { PushEvent, PushPayload } from '../../shared/api/channels';

export type PushListener = (event: PushEvent, payload: unknown) => void;

export class PushHub {
  private readonly listeners = new Set<PushListener>();

  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<K extends PushEvent>(event: K, payload: PushPayload<K>): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}
