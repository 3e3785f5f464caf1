import type { SerializedContexts } from "mizan/client";
import { MizanProvider } from "mizan/react";
import type { ReactElement } from "react";
import { createDemoHarness, type DemoHarness, type DemoHarnessOptions } from "./demo-harness.js";

/**
 * Story annotations that give every story a fresh demo server (see createDemoHarness) inside
 * `<MizanProvider>`. A story chooses its server with `parameters: { demo: { user, ... } }`, and
 * the contexts the page starts with (as a server renders them) with
 * `parameters: { contexts: storyContexts({ currentUser: ... }) }`. The provider's language is
 * the toolbar's (the `locale` global).
 *
 * @example
 * const meta = { title: "Forms/Contact", component: ContactStory, ...withDemo } satisfies Meta;
 */
export const withDemo = {
  loaders: [
    (context: { parameters: Record<string, unknown> }) => ({
      demo: createDemoHarness((context.parameters.demo ?? {}) as DemoHarnessOptions),
    }),
  ],
  decorators: [
    (
      Story: () => ReactElement,
      context: {
        loaded: Record<string, unknown>;
        parameters: Record<string, unknown>;
        globals: Record<string, unknown>;
      },
    ) => (
      <MizanProvider
        client={demoOf(context).client}
        language={typeof context.globals.locale === "string" ? context.globals.locale : undefined}
        initialContexts={context.parameters.contexts as SerializedContexts | undefined}
      >
        <Story />
      </MizanProvider>
    ),
  ],
};

/** The story's demo server, in `render` and `play`. */
export function demoOf(context: { loaded: Record<string, unknown> }): DemoHarness {
  const demo = context.loaded.demo as DemoHarness | undefined;
  if (!demo) throw new Error("This story has no demo server: spread `withDemo` into its meta.");
  return demo;
}

/** How the stories show what `onSubmitSuccess` returned. */
export function ResultView({ result }: { result: unknown }) {
  return (
    <div className="story-result">
      <strong>Submitted.</strong>
      <pre>{JSON.stringify(result, null, 2)}</pre>
    </div>
  );
}
