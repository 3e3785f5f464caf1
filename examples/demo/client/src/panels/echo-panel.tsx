import { useServerFunction } from "mizan/react";
import { useState } from "react";
import { type EchoInput, type EchoOutput, GreetProvider, useGreet } from "../mizan/index.js";
import { ResultBox } from "./result-box.js";

/** Reads the nearest `<GreetProvider>`: the local context `greet` for its name. */
function Greeting() {
  const { data, status, error } = useGreet();
  if (status === "error") {
    return (
      <p role="alert" className="mizan-error">
        {error?.message}
      </p>
    );
  }
  return (
    <p className="demo-greeting" aria-live="polite" aria-busy={status === "loading"}>
      {data?.message}
    </p>
  );
}

/** A local context: one greeting per name, fetched by the provider for its props. */
function GreetSection() {
  const [draft, setDraft] = useState("Ada");
  const [name, setName] = useState("Ada");
  return (
    <section aria-labelledby="greet-title">
      <h3 id="greet-title">Greeting (a local context)</h3>
      <form
        className="mizan-form"
        onSubmit={(event) => {
          event.preventDefault();
          setName(draft.trim() || "Ada");
        }}
      >
        <div className="mizan-field">
          <label htmlFor="greet-name">Greet whom</label>
          <input id="greet-name" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <button type="submit">Greet</button>
      </form>
      <GreetProvider name={name} fallback={<p className="demo-greeting">Greeting…</p>}>
        <Greeting />
      </GreetProvider>
    </section>
  );
}

/** A plain server function (`client()` + `register()`), called with useServerFunction. */
export function EchoPanel() {
  const echo = useServerFunction<EchoInput, EchoOutput>("echo");
  const [text, setText] = useState("hello mizan");
  return (
    <section aria-labelledby="echo-title">
      <h2 id="echo-title">Echo</h2>
      <form
        className="mizan-form"
        onSubmit={(event) => {
          event.preventDefault();
          void echo.call({ text });
        }}
      >
        <div className="mizan-field">
          <label htmlFor="echo-text">Text</label>
          <input id="echo-text" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit" disabled={echo.isPending}>
          Call echo
        </button>
      </form>
      {echo.data && <ResultBox title="echo returned" value={echo.data} announce />}
      {echo.error && (
        <p role="alert" className="mizan-error">
          {echo.error.message}
        </p>
      )}
      <GreetSection />
    </section>
  );
}
