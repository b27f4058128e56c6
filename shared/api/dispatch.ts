// Runs one API call: parse the input (whoever calls), run the handler, turn failures into typed errors.
import { type z } from 'zod';
import { formatPath } from '../plan/jsonPath';
import { channels, isChannel, type Channel, type ChannelInput, type ChannelOutput } from './channels';
import { ApiError, type ApiResult } from './errors';

export type Handlers = {
  [K in Channel]: (input: z.output<(typeof channels)[K]['input']>) => Promise<ChannelOutput<K>>;
};

export async function dispatch(
  handlers: Handlers,
  channel: string,
  input: unknown,
  onInternalError: (error: unknown) => void = () => {},
): Promise<ApiResult<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: {
        code: 'unknown-channel',
        message: { 'zh-CN': `未知的接口“${channel}”`, en: `Unknown channel "${channel}"` },
      },
    };
  }
  const parsed = channels[channel].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: { 'zh-CN': `“${channel}”的输入无效`, en: `Invalid input for "${channel}"` },
        issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.body };
    onInternalError(error);
    return {
      ok: false,
      error: { code: 'internal', message: { 'zh-CN': '内部错误，已记录', en: 'Internal error (logged)' } },
    };
  }
}

/** The renderer's typed client over any transport; a failed call throws an ApiError. */
export interface ApiClient {
  call<K extends Channel>(
    channel: K,
    ...input: Record<never, never> extends ChannelInput<K> ? [ChannelInput<K>?] : [ChannelInput<K>]
  ): Promise<ChannelOutput<K>>;
}

export function createClient(invoke: (channel: Channel, input: unknown) => Promise<unknown>): ApiClient {
  return {
    async call(channel, ...input) {
      const result = (await invoke(channel, input[0] ?? {})) as ApiResult<unknown>;
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
  };
}
