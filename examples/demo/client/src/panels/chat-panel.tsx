import { isMizanChannelError } from "mizan/client";
import { type FormEvent, useId, useState } from "react";
import {
  type ChatChannelEvent,
  type ChatChannelParams,
  useChatChannel,
  useStaffChannel,
} from "../mizan/index.js";

type Room = ChatChannelParams["room"];

/** The rooms the server's ChatChannel accepts (its params are an enum of these). */
const ROOMS: readonly Room[] = ["lobby", "help", "random"];

const STATUS_TEXT = {
  connecting: "Connecting…",
  open: "Connected",
  reconnecting: "Connection lost: reconnecting…",
  forbidden: "Not allowed in this room.",
  closed: "Disconnected.",
} as const;

/** What the server said was wrong with a message: the field's message, else the error's. */
function messageOf(error: unknown): string {
  if (!isMizanChannelError(error)) return "The message could not be sent.";
  const details = error.details as { fields?: { text?: Array<{ message: string }> } } | null;
  return details?.fields?.text?.[0]?.message ?? error.message;
}

function timeOf(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime())
    ? at
    : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function Message(props: { event: ChatChannelEvent }) {
  const { user, text, at } = props.event;
  return (
    <li>
      <strong>{user}</strong> <time dateTime={at}>{timeOf(at)}</time>
      <p>{text}</p>
    </li>
  );
}

/** One room: its messages since the page subscribed, and a box to write to it. */
function ChatRoom(props: { room: Room }) {
  const [missed, setMissed] = useState(false);
  const chat = useChatChannel({ room: props.room }, { keep: 100, onGap: () => setMissed(true) });
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const inputId = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    chat
      .send({ text: draft })
      .then(
        () => {
          setDraft("");
          setProblem(undefined);
        },
        (error: unknown) => setProblem(messageOf(error)),
      )
      .finally(() => setSending(false));
  };
  return (
    <>
      <p className="demo-chat-status" role="status">
        {STATUS_TEXT[chat.status]}
        {chat.error && chat.status !== "open" ? ` (${chat.error.message})` : ""}
      </p>
      {missed ? (
        <p className="demo-hint">Some messages were missed while the connection was down.</p>
      ) : null}
      <ol className="demo-chat-log" aria-label={`Messages in ${props.room}`} aria-live="polite">
        {chat.events.map((event) => (
          <Message key={`${event.at} ${event.user} ${event.text}`} event={event} />
        ))}
      </ol>
      {chat.events.length === 0 ? <p className="demo-hint">No messages yet.</p> : null}
      <form className="mizan-form demo-chat-form" onSubmit={onSubmit} noValidate>
        <div className="mizan-field">
          <label htmlFor={inputId}>Message</label>
          <input
            id={inputId}
            value={draft}
            maxLength={280}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${inputId}-error` : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
          {problem ? (
            <p id={`${inputId}-error`} className="mizan-error" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={sending}>
          Send
        </button>
      </form>
    </>
  );
}

/** New orders, published by the order form's server code to the `staff` group. */
function StaffFeed() {
  const staff = useStaffChannel({}, { keep: 20 });
  return (
    <section aria-labelledby="staff-title" className="demo-staff">
      <h3 id="staff-title">Staff: new orders</h3>
      {staff.status === "forbidden" ? (
        <p className="demo-hint">
          Staff only: sign in as “admin” on the <a href="/profile">Profile</a> page to see orders
          here as they are placed.
        </p>
      ) : staff.events.length === 0 ? (
        <p className="demo-hint">No orders since this page opened. Place one on the Order page.</p>
      ) : (
        <ul aria-label="New orders">
          {staff.events.map((event) => (
            <li key={event.at}>
              <time dateTime={event.at}>{timeOf(event.at)}</time> {event.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Channels: a chat room per pick, over the page's one WebSocket (`useChatChannel`, generated
 * from the server's ChatChannel), and the staff feed the order form publishes to.
 */
export function ChatPanel() {
  const [room, setRoom] = useState<Room>("lobby");
  return (
    <section aria-labelledby="chat-title">
      <h2 id="chat-title">Chat</h2>
      <noscript>
        <p className="demo-chat-nojs">
          The chat needs JavaScript: it runs over a WebSocket. The forms on the other pages work
          without it.
        </p>
      </noscript>
      <p className="demo-hint">
        Open this page in a second window and pick the same room: messages appear in both.
      </p>
      <div className="mizan-field demo-chat-room">
        <label htmlFor="chat-room">Room</label>
        <select id="chat-room" value={room} onChange={(e) => setRoom(e.target.value as Room)}>
          {ROOMS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {/* A new room is a new subscription and a new list. */}
      <ChatRoom key={room} room={room} />
      <StaffFeed />
    </section>
  );
}
