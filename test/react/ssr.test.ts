/** Runs in the node project: no `window`, no `document`, as on a server. */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { MizanForm, MizanProvider, useServerFunction } from "../../react/index.js";
import { createInProcessClient } from "../../src/client/index.js";
import { fixtureRegistry } from "../fixtures/forms.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";

let gen: GeneratedClient;
beforeAll(async () => {
  gen = await loadGenerated(fixtureRegistry());
});
afterAll(() => gen.dispose());

function Page() {
  const order = gen.forms.order.useOrderForm();
  const gallery = gen.forms.gallery.useGalleryForm();
  const ping = useServerFunction("ping");
  return createElement(
    "main",
    { "data-pending": String(ping.isPending) },
    createElement(MizanForm, { form: order }),
    createElement(MizanForm, { form: gallery }),
  );
}

test("forms render with react-dom/server where there is no window", () => {
  expect(typeof window).toBe("undefined");
  const client = createInProcessClient({ registry: fixtureRegistry() });
  const html = renderToString(createElement(MizanProvider, { client }, createElement(Page)));
  expect(html).toContain('<label for="id_order-address-city"');
  expect(html).toContain('id="id_order-items-0-qty"');
  expect(html).toContain('type="radio"');
  expect(html).toContain('data-pending="false"');
});
