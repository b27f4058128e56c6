// The main window's preload (sandboxed, bundled to CommonJS): exposes one frozen object, `window.guardbook`,
// with the two functions of the API transport, and never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiTransport, PushEvent } from '../../shared/api/channels';
import { CHANNEL_NAMES, IPC_PUSH_CHANNEL, ipcChannelFor, PUSH_EVENT_NAMES } from '../../shared/api/names';

// Only the name lists are imported: channels.ts would pull zod and the plan schema into the preload.
const channelNames: ReadonlySet<unknown> = new Set(CHANNEL_NAMES);
const pushEventNames: ReadonlySet<unknown> = new Set(PUSH_EVENT_NAMES);

const isPushEvent = (name: unknown): name is PushEvent => pushEventNames.has(name);

const transport = Object.freeze({
  invoke: (channel, input) =>
    // The page's types are no guarantee at run time: refuse here what the main process would refuse anyway.
    channelNames.has(channel)
      ? ipcRenderer.invoke(ipcChannelFor(channel), input)
      : Promise.reject(new Error(`Unknown channel "${String(channel)}"`)),
  subscribe: (listener) => {
    // The IPC event is not passed on: it carries `sender`, which is ipcRenderer.
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (isPushEvent(name)) listener(name, payload);
    };
    ipcRenderer.on(IPC_PUSH_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_PUSH_CHANNEL, forward);
    };
  },
} satisfies ApiTransport);

contextBridge.exposeInMainWorld('guardbook', transport);
