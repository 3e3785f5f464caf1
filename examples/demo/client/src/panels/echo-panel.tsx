import { useServerFunction } from "mizan/react";
import { useState } from "react";
import type { EchoInput, EchoOutput } from "../mizan/index.js";
import { ResultBox } from "./result-box.js";

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
    </section>
  );
}
