import { useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import {
  type ChannelStatus,
  type ChannelSubscription,
  createChannelClient,
  MizanChannelError,
} from "../src/client/channel-client.js";
import { stableStringify } from "../src/core/hash.js";
import { channelClientOf } from "./channel-source.js";
import { MizanProviderContext } from "./provider-context.js";

export interface UseChannelOptions<E> {
  /** Each event, once, as it arrives (after a reconnect, replayed ones are not repeated). */
  onEvent?: ((event: E, cursor: string) => void) | undefined;
  /** Events were missed (the server's history no longer has them): refetch what they were about. */
  onGap?: (() => void) | undefined;
  /** How many of the latest events `events` holds (default 100; 0 keeps none, `last` still). */
  keep?: number | undefined;
}

export interface UseChannelResult<E, M> {
  /** The latest `keep` events since this subscription started (params changed: new list). */
  events: E[];
  /** The newest event, if any. */
  last: E | undefined;
  /**
   * Send a message to the channel's `receive`: resolves on the server's ack, rejects with a
   * MizanChannelError (`VALIDATION_FAILED` with the field details, `RATE_LIMITED`, ...).
   */
  send: (message: M) => Promise<void>;
  status: ChannelStatus;
  /** Why the subscription is `forbidden` or `closed`, or the last retryable refusal. */
  error: MizanChannelError | undefined;
  /**
   * Try again now (the page's client's `reconnect()`): after signing in, a `forbidden`
   * subscription is retried on a new socket, which carries the new session.
   */
  reconnect: () => void;
}

interface State<E> {
  key: string;
  events: E[];
  last: E | undefined;
  status: ChannelStatus;
  error: MizanChannelError | undefined;
}

function fresh<E>(key: string): State<E> {
  return { key, events: [], last: undefined, status: "connecting", error: undefined };
}

/**
 * Subscribe to one channel instance (`name` with `params`) over the page's one WebSocket, which
 * `<MizanProvider>` opens when the first component subscribes. Params are compared by their
 * canonical JSON, so a re-render with an equal object keeps the subscription; new params start
 * a new one (and a new `events` list). The server renders it as `connecting` (channels need
 * JavaScript). Generated hooks (`useChatChannel({ room })`) call this with their types.
 *
 * @example
 * const { events, send, status } = useChannel<ChatEvent, ChatMessage>("chat", { room }, { keep: 50 });
 * await send({ text: "hello" });
 */
export function useChannel<E = unknown, M = unknown>(
  name: string,
  params: Record<string, unknown> = {},
  options: UseChannelOptions<E> = {},
): UseChannelResult<E, M> {
  const source = useContext(MizanProviderContext).channels;
  if (!source) {
    throw new Error(
      'mizan: no channel client. Wrap your app in <MizanProvider baseUrl="/api/mizan"> (or <MizanProvider client={...} channels={...}>).',
    );
  }
  const key = `${name} ${stableStringify(params)}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the params' canonical JSON
  const stable = useMemo(() => params, [key]);
  const [state, setState] = useState<State<E>>(() => fresh(key));
  const latest = useRef(options);
  latest.current = options;
  const subscription = useRef<ChannelSubscription<M> | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const update = (patch: (s: State<E>) => Partial<State<E>>) => {
      if (live) setState((s) => (s.key === key ? { ...s, ...patch(s) } : s));
    };
    setState(fresh(key));
    const sub = channelClientOf(source, createChannelClient).subscribe<E, M>(name, stable, {
      onEvent(event, cursor) {
        const keep = Math.max(0, latest.current.keep ?? 100);
        update((s) => {
          const events = [...s.events, event];
          return { events: events.slice(Math.max(0, events.length - keep)), last: event };
        });
        if (live) latest.current.onEvent?.(event, cursor);
      },
      onGap() {
        if (live) latest.current.onGap?.();
      },
      onStatus(status, error) {
        update(() => ({ status, error }));
      },
    });
    subscription.current = sub;
    update(() => ({ status: sub.status, error: sub.error }));
    return () => {
      live = false;
      if (subscription.current === sub) subscription.current = undefined;
      sub.close();
    };
  }, [source, name, stable, key]);

  const send = useCallback(
    (message: M) =>
      subscription.current
        ? subscription.current.send(message)
        : Promise.reject(new MizanChannelError("CLOSED", "The channel is not subscribed yet.")),
    [],
  );
  const reconnect = useCallback(
    () => channelClientOf(source, createChannelClient).reconnect(),
    [source],
  );
  const current = state.key === key ? state : fresh<E>(key);
  return useMemo(
    () => ({
      events: current.events,
      last: current.last,
      send,
      status: current.status,
      error: current.error,
      reconnect,
    }),
    [current.events, current.last, current.status, current.error, send, reconnect],
  );
}
