// Runs one API call: check the caller may use the channel, parse the input (whoever calls), run the handler,
// and turn failures into typed errors.
import { type z } from 'zod';
import { formatPath } from '../json/jsonPath';
import { accessOf } from './access';
import { channels, isChannel, type Channel, type ChannelOutput } from './channels';
import { ApiError, type ApiErrorBody, type ApiResult } from './errors';
import type { Access } from '../people/roles';
import { API_MESSAGES } from '../messages/api';

/** Who is calling, as the transport knows it: one session per window (IPC sender, browser tab). */
export interface Caller {
  sessionId: string;
}

export type Handlers = {
  [K in Channel]: (input: z.output<(typeof channels)[K]['input']>, caller: Caller) => Promise<ChannelOutput<K>>;
};

export interface DispatchOptions {
  caller: Caller;
  /** Refuses a call the caller may not make (undefined: allowed). Absent: every channel is allowed. */
  authorize?: (access: Access, caller: Caller, channel: Channel) => ApiErrorBody | undefined;
  onInternalError?: (error: unknown) => void;
}

export async function dispatch(
  handlers: Handlers,
  channel: string,
  input: unknown,
  options: DispatchOptions,
): Promise<ApiResult<unknown>> {
  const { caller, authorize, onInternalError = () => {} } = options;
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: {
        code: 'unknown-channel',
        message: API_MESSAGES.unknownChannel(channel),
      },
    };
  }
  // Before parsing: a caller who may not use a channel learns nothing about its input.
  const refusal = authorize?.(accessOf(channel), caller, channel);
  if (refusal) return { ok: false, error: refusal };
  const parsed = channels[channel].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: API_MESSAGES.invalidInput(channel),
        issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown, caller: Caller) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, caller) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.body };
    onInternalError(error);
    return {
      ok: false,
      error: { code: 'internal', message: API_MESSAGES.internalLogged() },
    };
  }
}

// The renderer's client lives in ./client (no schemas on the renderer's first load); re-exported for callers here.
export { createClient, type ApiClient } from './client';
