// The Electron transport of the API: one ipcMain.handle per channel, callers checked, input parsed by the
// backend; pushes sent to every app window.
import { BrowserWindow, type IpcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { ApiResult } from '../../shared/api/errors';
import { CHANNEL_NAMES, IPC_PUSH_CHANNEL, ipcChannelFor } from '../../shared/api/names';
import { API_MESSAGES } from '../../shared/messages/api';
import type { Backend } from '../backend/backend';

export type IpcRegistrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Where pushes go; the windows' webContents by default. */
export type PushTargets = () => readonly Pick<WebContents, 'send' | 'isDestroyed' | 'getURL'>[];

const allWindowContents: PushTargets = () => BrowserWindow.getAllWindows().map((window) => window.webContents);

export const FORBIDDEN = Object.freeze({
  ok: false,
  error: {
    code: 'forbidden',
    message: API_MESSAGES.callerNotThisApp(),
  },
} as const) satisfies ApiResult<never>;

/**
 * Serves every API channel over IPC. `isTrustedSender` gets the sending frame's URL: anything but the
 * app's own pages (a frame that navigated away, an injected page) is refused before the backend runs.
 * Returns the function that takes it all down again.
 */
export function registerIpc(
  ipcMain: IpcRegistrar,
  backend: Pick<Backend, 'call' | 'push'>,
  isTrustedSender: (url: string) => boolean,
  pushTargets: PushTargets = allWindowContents,
): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannelFor(channel), async (event: IpcMainInvokeEvent, input: unknown) => {
      // senderFrame is null when the frame has navigated or been destroyed since it sent the message.
      const frame = event.senderFrame;
      if (!frame || !isTrustedSender(frame.url)) return FORBIDDEN;
      // One session per window: a PIN unlocks the window it was typed in, not the others.
      return backend.call(channel, input, { sessionId: `ipc:${event.sender.id}` });
    });
  }
  const unsubscribe = backend.push.subscribe((event, payload) => {
    for (const contents of pushTargets()) {
      if (!contents.isDestroyed() && isTrustedSender(contents.getURL())) {
        contents.send(IPC_PUSH_CHANNEL, event, payload);
      }
    }
  });
  return () => {
    unsubscribe();
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannelFor(channel));
  };
}
