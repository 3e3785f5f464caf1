import { act, render, renderHook, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { type ReactNode, StrictMode, useState } from "react";
import { beforeEach, describe, expect, test } from "vitest";
import { MizanProvider, useChannel } from "../../react/index.js";
import { type ChannelClientOptions, createChannelClient } from "../../src/client/index.js";
import { FakeEvents, FakeSocket, ManualTimers } from "../client/channel-fakes.js";

let timers: ManualTimers;

beforeEach(() => {
  FakeSocket.reset();
  timers = new ManualTimers();
});

function options(extra: ChannelClientOptions = {}): ChannelClientOptions {
  return {
    WebSocket: FakeSocket,
    timers,
    random: () => 0.5,
    pingMs: 0,
    window: new FakeEvents(),
    document: new FakeEvents(),
    ...extra,
  };
}

function wrapper(channels: ChannelClientOptions = options()) {
  return ({ children }: { children?: ReactNode }) => (
    <MizanProvider baseUrl="/api/mizan" channels={channels}>
      {children}
    </MizanProvider>
  );
}

/** Accept the socket and confirm its latest subscription; returns the subscription id. */
function confirm(cursor = ""): string {
  const socket = FakeSocket.last;
  const id = socket.subId();
  act(() => socket.frame({ t: "ok", id, cursor }));
  return id;
}

function Page(props: { chat: boolean }) {
  return props.chat ? <RoomStatus room="a" /> : <p>No chat here</p>;
}
function RoomStatus(props: { room: string }) {
  const { status } = useChannel("chat", { room: props.room });
  return <p>{status}</p>;
}

function LobbyChat() {
  useChannel("chat", { room: "a" });
  return null;
}

function Composer() {
  const chat = useChannel<string, { text: string }>("chat", { room: "a" });
  const [outcome, setOutcome] = useState("");
  return (
    <>
      <button
        type="button"
        onClick={() =>
          chat.send({ text: "hi" }).then(
            () => setOutcome("sent"),
            (error: { code: string }) => setOutcome(error.code),
          )
        }
      >
        Send
      </button>
      <output>{outcome}</output>
    </>
  );
}

describe("the provider's channel client", () => {
  test("opens no socket until a component subscribes, and one for all of them", () => {
    const Wrapper = wrapper();
    const { rerender } = render(<Page chat={false} />, { wrapper: Wrapper });
    expect(FakeSocket.instances).toHaveLength(0);
    rerender(
      <>
        <Page chat />
        <RoomStatus room="b" />
      </>,
    );
    expect(FakeSocket.instances).toHaveLength(1);
    expect(FakeSocket.last.url).toBe("ws://localhost:3000/api/mizan/ws/");
    act(() => FakeSocket.last.accept());
    expect(FakeSocket.last.sentOf("sub").map((f) => f.params)).toEqual([
      { room: "a" },
      { room: "b" },
    ]);
  });

  test("the socket closes with the provider; StrictMode's remount keeps one subscription", async () => {
    const Wrapper = wrapper(options({ url: "ws://chat.test/ws/" }));
    const { unmount } = render(
      <StrictMode>
        <Wrapper>
          <LobbyChat />
        </Wrapper>
      </StrictMode>,
    );
    expect(FakeSocket.instances).toHaveLength(1);
    const socket = FakeSocket.last;
    act(() => socket.accept());
    expect(socket.sentOf("sub")).toHaveLength(1);
    unmount();
    await Promise.resolve();
    expect(socket.closedWith?.code).toBe(1000);
  });

  test("a ready client given to the provider is used and left open", async () => {
    const channels = createChannelClient(options({ url: "ws://given.test/ws/" }));
    const { unmount } = renderHook(() => useChannel("chat", {}), {
      wrapper: ({ children }) => (
        <MizanProvider baseUrl="/api/mizan" channels={channels}>
          {children}
        </MizanProvider>
      ),
    });
    expect(FakeSocket.last.url).toBe("ws://given.test/ws/");
    unmount();
    await Promise.resolve();
    expect(FakeSocket.last.closedWith).toBeUndefined();
    channels.close();
  });

  test("without a provider it says what to wrap the app in", () => {
    expect(() => renderHook(() => useChannel("chat", {}))).toThrow(/MizanProvider/);
  });
});

describe("useChannel", () => {
  test("status, events (bounded by keep), last and onEvent", () => {
    const heard: Array<[unknown, string]> = [];
    const { result } = renderHook(
      () =>
        useChannel<{ text: string }>(
          "chat",
          { room: "a" },
          { keep: 2, onEvent: (e, c) => heard.push([e, c]) },
        ),
      { wrapper: wrapper() },
    );
    expect(result.current.status).toBe("connecting");
    act(() => FakeSocket.last.accept());
    const id = confirm("3");
    expect(result.current.status).toBe("open");
    for (const n of [4, 5, 6]) {
      act(() => FakeSocket.last.frame({ t: "ev", id, cursor: String(n), data: { text: `m${n}` } }));
    }
    expect(result.current.events).toEqual([{ text: "m5" }, { text: "m6" }]);
    expect(result.current.last).toEqual({ text: "m6" });
    expect(heard.map(([, cursor]) => cursor)).toEqual(["4", "5", "6"]);
  });

  test("equal params keep the subscription; new params start a new one with a new list", () => {
    const { result, rerender } = renderHook(
      (props: { params: Record<string, unknown> }) => useChannel("chat", props.params),
      { wrapper: wrapper(), initialProps: { params: { room: "a", lang: "en" } } },
    );
    const socket = FakeSocket.last;
    act(() => socket.accept());
    const first = confirm("1");
    act(() => socket.frame({ t: "ev", id: first, cursor: "2", data: "in a" }));
    rerender({ params: { lang: "en", room: "a" } });
    expect(socket.sentOf("sub")).toHaveLength(1);
    expect(result.current.events).toEqual(["in a"]);
    rerender({ params: { room: "b", lang: "en" } });
    expect(result.current.events).toEqual([]);
    expect(result.current.status).toBe("connecting");
    expect(socket.sentOf("unsub")).toEqual([{ t: "unsub", id: first }]);
    const second = confirm("9");
    act(() => socket.frame({ t: "ev", id: first, cursor: "3", data: "late, from a" }));
    act(() => socket.frame({ t: "ev", id: second, cursor: "10", data: "in b" }));
    expect(result.current.events).toEqual(["in b"]);
  });

  test("send resolves on the ack and rejects with the server's error", async () => {
    render(<Composer />, { wrapper: wrapper() });
    const socket = FakeSocket.last;
    act(() => socket.accept());
    const id = confirm();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(socket.sentOf("msg")).toHaveLength(1);
    const first = socket.sentOf("msg")[0];
    expect(first).toMatchObject({ id, data: { text: "hi" } });
    await act(async () => socket.frame({ t: "ack", id, ref: first?.ref }));
    expect(screen.getByRole("status")).toHaveTextContent("sent");
    await user.click(screen.getByRole("button", { name: "Send" }));
    const ref = socket.sentOf("msg")[1]?.ref;
    await act(async () =>
      socket.frame({ t: "err", id, ref, code: "RATE_LIMITED", message: "Slow down." }),
    );
    expect(screen.getByRole("status")).toHaveTextContent("RATE_LIMITED");
  });

  test("a refused subscription shows forbidden with the server's error; a gap is told", () => {
    const gaps: number[] = [];
    const { result } = renderHook(
      () => ({
        staff: useChannel("staff", {}),
        chat: useChannel("chat", { room: "a" }, { onGap: () => gaps.push(1) }),
      }),
      { wrapper: wrapper() },
    );
    const socket = FakeSocket.last;
    act(() => socket.accept());
    act(() =>
      socket.frame({
        t: "err",
        id: socket.subId("staff"),
        code: "FORBIDDEN",
        message: "Staff only.",
      }),
    );
    expect(result.current.staff.status).toBe("forbidden");
    expect(result.current.staff.error?.message).toBe("Staff only.");
    expect(FakeSocket.instances).toHaveLength(1);
    const chat = socket.subId("chat");
    act(() => socket.frame({ t: "ok", id: chat, cursor: "5" }));
    act(() => socket.frame({ t: "gap", id: chat }));
    expect(gaps).toHaveLength(1);
    expect(result.current.chat.status).toBe("open");
    // Signed in since: reconnect() retries the refused subscription on a new socket.
    act(() => result.current.staff.reconnect());
    expect(result.current.staff.status).toBe("connecting");
    expect(FakeSocket.instances).toHaveLength(2);
    act(() => FakeSocket.last.accept());
    act(() => FakeSocket.last.frame({ t: "ok", id: FakeSocket.last.subId("staff"), cursor: "" }));
    expect(result.current.staff.status).toBe("open");
    expect(FakeSocket.last.sentOf("sub")).toMatchObject([
      { ch: "staff" },
      { ch: "chat", since: "5" },
    ]);
  });

  test("a dropped socket shows reconnecting, then open again", () => {
    const { result } = renderHook(() => useChannel("chat", { room: "a" }), {
      wrapper: wrapper(),
    });
    act(() => FakeSocket.last.accept());
    confirm("1");
    act(() => FakeSocket.last.drop(1006));
    expect(result.current.status).toBe("reconnecting");
    act(() => timers.advance(125));
    act(() => FakeSocket.last.accept());
    expect(FakeSocket.last.sentOf("sub")[0]).toMatchObject({ since: "1" });
    confirm("1");
    expect(result.current.status).toBe("open");
  });
});
