import { expect, test } from "vitest";
import { withLocale } from "../../../src/core/locale.js";
import { DateField } from "../../../src/forms/fields/date-field.js";
import { DecimalField } from "../../../src/forms/fields/decimal-field.js";
import { Form } from "../../../src/forms/form.js";
import { clean } from "./support.js";

class PriceForm extends Form {
  amount = new DecimalField({ localize: true });
  day = new DateField({ localize: true });
}

// Each request reads its input in its own language, even while others are in flight.
test("concurrent requests in different languages each parse in their own", async () => {
  const run = (language: string, data: Record<string, string>, delay: number) =>
    withLocale(language, async () => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      const form = new PriceForm({ data });
      return (await form.isValid()) ? form.cleanedData : form.errors;
    });
  const [fr, de, en] = await Promise.all([
    run("fr", { amount: "12,50", day: "25/10/2006" }, 20),
    run("de", { amount: "12,50", day: "25.10.2006" }, 5),
    run("en", { amount: "12.50", day: "10/25/2006" }, 10),
  ]);
  const cleaned = { amount: "12.50", day: "2006-10-25" };
  expect(fr).toEqual(cleaned);
  expect(de).toEqual(cleaned);
  expect(en).toEqual(cleaned);
  // Outside any request: the process default (English).
  expect(clean(new DecimalField({ localize: true }), "12,50")).toEqual({ codes: ["invalid"] });
});
