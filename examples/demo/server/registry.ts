/**
 * The demo's server functions, forms, contexts and channels: the entry `mizan generate` reads.
 */
import { Registry } from "mizan";
import { ChatChannel, StaffChannel } from "./channels.js";
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
registry.register(ChatChannel, "chat");
registry.register(StaffChannel, "staff");
