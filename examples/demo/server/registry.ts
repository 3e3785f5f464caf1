/**
 * The demo's server functions and forms: the entry `mizan generate` reads.
 */
import { Registry } from "mizan";
import { ContactForm, OrderForm, ProfileForm, SignupForm } from "./forms.js";
import { echo, login, logout, whoami } from "./functions.js";

export const registry = new Registry();
registry.register(ContactForm);
registry.register(SignupForm);
registry.register(OrderForm);
registry.register(ProfileForm);
registry.register(echo, "echo");
registry.register(login, "session.login");
registry.register(logout, "session.logout");
registry.register(whoami, "session.whoami");
