/**
 * The demo's pages: one per panel (`/contact`, …; `/` is the contact page), and the page a
 * successful native post is redirected to (`/contact/sent?ticket=3`, the forms' `successUrl`).
 * Pure, so the server renders the same page the browser hydrates.
 */
export const PANEL_IDS = ["contact", "signup", "order", "profile", "echo", "chat"] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** Which panel shows each form's page (the login form lives on the profile panel). */
const FORM_PANELS: Record<string, PanelId> = {
  contact: "contact",
  signup: "signup",
  order: "order",
  profile: "profile",
  login: "profile",
};

function isPanel(value: string | undefined): value is PanelId {
  return PANEL_IDS.includes(value as PanelId);
}

/** The panel of a URL path (`/order`, `/order/placed`); the contact panel by default. */
export function panelFromPath(pathname: string): PanelId {
  const first = pathname.split("/").filter(Boolean)[0];
  return isPanel(first) ? first : "contact";
}

/** The panel that shows a form (a failed native post re-renders it). */
export function panelOfForm(form: string): PanelId {
  return FORM_PANELS[form] ?? "contact";
}

/** The panel named by a legacy `#order` link, if any. */
export function panelFromHash(hash: string): PanelId | undefined {
  const id = hash.replace(/^#/, "");
  return isPanel(id) ? id : undefined;
}

/** What a success page says, from its path and query (undefined on any other page). */
export function doneMessage(pathname: string, search: string): string | undefined {
  const query = new URLSearchParams(search);
  switch (pathname.replace(/\/+$/, "")) {
    case "/contact/sent":
      return `Message sent: ticket ${query.get("ticket") ?? "?"}.`;
    case "/signup/done":
      return `Account created for ${query.get("username") ?? "you"}.`;
    case "/order/placed":
      return `Order ${query.get("id") ?? "?"} placed: ${query.get("units") ?? "?"} units.`;
    case "/profile/saved":
      return `Profile saved with the avatar ${query.get("avatar") ?? "?"}.`;
    default:
      return undefined;
  }
}
