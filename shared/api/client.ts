// The renderer's typed client over any transport. Types only from ./channels: the schemas stay off the renderer's
// first load (building them cost Home ≈ 50 ms); the backend parses every input, whoever calls.
import type { Channel, ChannelInput, ChannelOutput } from './channels';
import { ApiError, type ApiResult } from './errors';

/** A failed call throws an ApiError. */
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
