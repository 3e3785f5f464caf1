/** The app's one handler, as a Next.js app keeps it in `lib/mizan.ts`. */
import { createHandler } from "mizan/server";
import { frameworkRegistry } from "../../support.js";

export const handler = createHandler({ registry: frameworkRegistry() });
