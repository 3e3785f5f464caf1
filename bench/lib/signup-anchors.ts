/**
 * The signup form's rules written by hand: as a Zod schema (what a Zod user writes, and what
 * Hono, react-hook-form and Conform validate with) and as plain JavaScript (the practical
 * limit: no library, no allocation beyond the error list).
 */
import { z } from "zod";
import { COUNTRIES } from "./signup.js";

export const signupZod = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(30)
    .regex(/^[a-z0-9_]+$/),
  email: z.email(),
  password: z.string().min(8),
  age: z.number().int().min(13).max(120),
  website: z.url().optional(),
  country: z.enum(COUNTRIES),
  agree: z.literal(true),
  bio: z.string().max(500).optional(),
  birthdate: z.iso.date(),
  tags: z.array(z.string().max(20)).max(5).optional(),
});

export type SignupErrors = Record<string, string[]>;

const USERNAME = /^[a-z0-9_]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COUNTRY_SET = new Set<string>(COUNTRIES);

function add(errors: SignupErrors, field: string, message: string): void {
  const list = errors[field];
  if (list) list.push(message);
  else errors[field] = [message];
}

function isDate(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const year = Number(m[1]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function isUrl(value: string): boolean {
  if (!/^https?:\/\//.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** The same rules by hand: `null` when valid, else messages by field. */
export function validateSignupByHand(data: Record<string, unknown>): SignupErrors | null {
  const errors: SignupErrors = {};
  const { username, email, password, age, website, country, agree, bio, birthdate, tags } = data;
  if (typeof username !== "string") add(errors, "username", "Required.");
  else {
    const u = username.trim();
    if (u.length < 3) add(errors, "username", "At least 3 characters.");
    if (u.length > 30) add(errors, "username", "At most 30 characters.");
    if (!USERNAME.test(u)) add(errors, "username", "Lowercase letters, digits, underscores.");
  }
  if (typeof email !== "string" || !EMAIL.test(email)) add(errors, "email", "Invalid email.");
  if (typeof password !== "string" || password.length < 8) {
    add(errors, "password", "At least 8 characters.");
  }
  if (typeof age !== "number" || !Number.isInteger(age)) add(errors, "age", "Whole number.");
  else if (age < 13 || age > 120) add(errors, "age", "Between 13 and 120.");
  if (website !== undefined && (typeof website !== "string" || !isUrl(website))) {
    add(errors, "website", "Invalid URL.");
  }
  if (typeof country !== "string" || !COUNTRY_SET.has(country)) {
    add(errors, "country", "Invalid choice.");
  }
  if (agree !== true) add(errors, "agree", "Required.");
  if (bio !== undefined && (typeof bio !== "string" || bio.length > 500)) {
    add(errors, "bio", "At most 500 characters.");
  }
  if (!isDate(birthdate)) add(errors, "birthdate", "Invalid date.");
  if (tags !== undefined) {
    if (!Array.isArray(tags)) add(errors, "tags", "A list.");
    else {
      if (tags.length > 5) add(errors, "tags", "At most 5 tags.");
      for (const tag of tags) {
        if (typeof tag !== "string" || tag.length > 20) {
          add(errors, "tags", "Tags have at most 20 characters.");
          break;
        }
      }
    }
  }
  for (const _ in errors) return errors;
  return null;
}
