/**
 * The generator benchmark's server entry: 500 forms (the signup form under 500 names), the
 * `registry` export `mizan generate --entry` reads. BENCH_FORMS changes the count.
 */
import { formMeta, Registry } from "mizan";
import { SignupForm } from "../lib/signup.js";

export function buildRegistry(count: number): Registry {
  const registry = new Registry();
  for (let i = 0; i < count; i++) {
    const form = class extends SignupForm {
      static override meta = formMeta({ name: `signup_${i}`, title: `Sign-up form ${i}` });
    };
    registry.register(form);
  }
  return registry;
}

export const registry = buildRegistry(Number(process.env.BENCH_FORMS ?? 500));
