/**
 * The demo's server functions, forms and contexts: the entry `mizan generate` reads.
 */
import { Registry } from "mizan";
import { ContactForm, LoginForm, OrderForm, ProfileForm, SignupForm } from "./forms.js";
import { currentUser, echo, greet, logout } from "./functions.js";

export const registry = new Registry();
registry.register(ContactForm);
registry.register(SignupForm);
registry.register(OrderForm);
registry.register(ProfileForm);
registry.register(LoginForm);
registry.register(echo, "echo");
registry.register(logout, "session.logout");
registry.register(currentUser, "currentUser");
registry.register(greet, "greet");
