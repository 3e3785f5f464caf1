import type { Meta, StoryObj } from "@storybook/react-vite";
import type { Manifest } from "mizan";
import { createInProcessClient } from "mizan/client";
import { expect, userEvent, within } from "storybook/test";
import * as demoClient from "../examples/demo/client/src/mizan/index.js";
import { SERVERS } from "./support/demo-harness.js";
import { GeneratedFormView, generatedForm } from "./support/generated-form.js";
import { withDemo } from "./support/with-demo.js";

/**
 * Every form the demo registry serves, read from its manifest (what `GET /api/mizan/manifest/`
 * returns), each rendered with its generated schema; then the plain server functions.
 */
function Catalog({ manifest }: { manifest: Manifest }) {
  const forms = Object.values(manifest.forms ?? {}) as Array<{
    name: string;
    title?: string;
    version: string;
  }>;
  const formFunctions = new Set(
    forms.flatMap((f) => ["schema", "validate", "submit"].map((s) => `${f.name}.${s}`)),
  );
  const functions = Object.values(manifest.functions).filter((fn) => !formFunctions.has(fn.name));
  return (
    <div>
      <nav aria-label="Forms">
        <ul>
          {forms.map((form) => (
            <li key={form.name}>
              <a href={`#catalog-${form.name}`}>{form.title || form.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {forms.map((form) => {
        const generated = generatedForm(demoClient, form.name);
        const stale = generated && generated.version !== form.version;
        return (
          <section
            key={form.name}
            id={`catalog-${form.name}`}
            aria-labelledby={`catalog-${form.name}-title`}
          >
            <h2 id={`catalog-${form.name}-title`}>{form.title || form.name}</h2>
            <p>
              <code>{form.name}.schema</code> · <code>{form.name}.validate</code> ·{" "}
              <code>{form.name}.submit</code> · version <code>{form.version}</code>
            </p>
            {stale ? (
              <p role="alert">
                The generated client is older than the server's form: run npm run generate:stories.
              </p>
            ) : null}
            {generated ? (
              <GeneratedFormView form={generated} />
            ) : (
              <p role="alert">No generated client for this form: run npm run generate:stories.</p>
            )}
          </section>
        );
      })}
      <section aria-labelledby="catalog-functions-title">
        <h2 id="catalog-functions-title">Server functions</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Function</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {functions.map((fn) => (
              <tr key={fn.name}>
                <td>
                  <code>{fn.name}</code>
                </td>
                <td>{fn.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

const meta = {
  title: "Catalog",
  component: Catalog,
  ...withDemo,
  loaders: [
    ...withDemo.loaders,
    async () => ({ manifest: await createInProcessClient({ registry: SERVERS.demo }).manifest() }),
  ],
  render: (_args, { loaded }) => <Catalog manifest={loaded.manifest as Manifest} />,
  // The profile form needs a signed-in user.
  parameters: { demo: { user: "alice" } },
} satisfies Meta<typeof Catalog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AllForms: Story = {
  args: {
    manifest: { version: "", functions: {}, forms: {}, contexts: {} } as unknown as Manifest,
  },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const manifest = loaded.manifest as Manifest;
    const names = Object.keys(manifest.forms ?? {});
    await expect(names).toEqual(expect.arrayContaining(["contact", "signup", "order", "profile"]));
    for (const name of names) {
      const title = (manifest.forms[name] as { title?: string }).title || name;
      const section = within(canvas.getByRole("region", { name: title }));
      await expect(section.getByRole("form", { name: title })).toBeVisible();
    }
    await expect(canvas.queryAllByRole("alert")).toEqual([]);
    await expect(canvas.getByRole("cell", { name: "echo" })).toBeVisible();

    // The forms are live: the contact form's required rules run right here.
    const contact = within(canvas.getByRole("region", { name: "Contact us" }));
    await userEvent.click(contact.getByRole("button", { name: "Submit" }));
    await expect(await contact.findAllByText("This field is required.")).toHaveLength(4);
  },
};
