/** docs/frameworks/nextjs.md's route handler, as it sits in a Next.js App Router app. */
import { handler } from "../../../../lib/mizan.js";

export const POST = handler;
export const GET = handler;
