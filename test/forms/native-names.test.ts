import { describe, expect, it } from "vitest";
import {
  CSRF_FIELD_NAME,
  clearCheckboxName,
  formActionUrl,
  htmlFieldName,
  managementFieldName,
  multiWidgetPartName,
} from "../../src/forms/index.js";

describe("native form names", () => {
  it("joins a wire path with '-', Django's add_prefix", () => {
    expect(htmlFieldName("email")).toBe("email");
    expect(htmlFieldName(["p-email"])).toBe("p-email");
    expect(htmlFieldName("address.street")).toBe("address-street");
    expect(htmlFieldName(["items", 0, "qty"])).toBe("items-0-qty");
    expect(htmlFieldName("p-items.3.p-qty")).toBe("p-items-3-p-qty");
  });

  it("names the management form, multi-widget parts, the clear box and the CSRF field", () => {
    expect(managementFieldName("items", "TOTAL_FORMS")).toBe("items-TOTAL_FORMS");
    expect(managementFieldName(["order", "lines"], "INITIAL_FORMS")).toBe(
      "order-lines-INITIAL_FORMS",
    );
    expect(multiWidgetPartName("when", 0)).toBe("when_0");
    expect(clearCheckboxName("avatar")).toBe("avatar-clear");
    expect(CSRF_FIELD_NAME).toBe("csrfmiddlewaretoken");
  });
});

describe("formActionUrl", () => {
  it("points at the handler's native endpoint", () => {
    expect(formActionUrl("contact")).toBe("/api/mizan/form/contact/");
    expect(formActionUrl("contact", "/rpc/")).toBe("/rpc/form/contact/");
  });
});
