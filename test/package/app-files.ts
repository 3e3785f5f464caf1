import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./run.js";

/**
 * The README's "A server in 20 lines", copied out of README.md: only the port changes (0, any
 * free one, printed once listening).
 */
export async function readmeServer(): Promise<string> {
  const readme = await readFile(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## A server in 20 lines"));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  const listen = "createServer(toNodeHandler(createHandler())).listen(3000);";
  if (!code?.includes(listen)) throw new Error("README.md has no server example");
  return code.replace(
    listen,
    `const server = createServer(toNodeHandler(createHandler())).listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(\`listening on \${typeof address === "object" && address ? address.port : address}\`);
});`,
  );
}

/** The app's own files besides the server: its tsconfig and the code using the output. */
export const APP_FILES: Record<string, string> = {
  "tsconfig.json": `${JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2023", "DOM", "DOM.Iterable"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        jsx: "react-jsx",
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        verbatimModuleSyntax: true,
        noEmit: true,
        types: ["node"],
      },
      include: ["src"],
    },
    null,
    2,
  )}\n`,
  "src/render.tsx": `import { MizanForm, MizanProvider } from "mizan/react";
import { renderToString } from "react-dom/server";
import { useContactForm } from "./mizan/index.js";

function Contact() {
  const form = useContactForm<{ sent: boolean }>();
  return <MizanForm form={form} submitLabel="Send" />;
}

console.log(
  renderToString(
    <MizanProvider baseUrl="/api/mizan">
      <Contact />
    </MizanProvider>,
  ),
);
`,
  "src/registry.mjs": `import { client, Registry } from "mizan";
import { z } from "zod";

export const registry = new Registry();
registry.register(
  client({ input: z.object({ text: z.string() }) }, (_ctx, { text }) => ({ text })),
  "echo",
);
`,
  "src/call.ts": `import { createClient } from "mizan/client";
import { type ContactFormData, createEchoCaller, type EchoInput } from "./mizan/index.js";

const echo = createEchoCaller(createClient({ baseUrl: "http://127.0.0.1:3000/api/mizan" }));
const input: EchoInput = { text: "hi" };
export const reply: Promise<unknown> = echo(input);
// @ts-expect-error: echo takes { text: string }
export const wrong = echo({ text: 1 });
export const email = (data: ContactFormData): string => data.email;
`,
};
