import type { StorybookConfig } from "@storybook/react-vite";
import { mizanAliases } from "../aliases.js";

/**
 * Storybook for every mizan form and widget. Stories import `mizan`, `mizan/react`, ... exactly
 * as users do; the aliases resolve them to source so no build step is needed.
 */
const config: StorybookConfig = {
  framework: { name: "@storybook/react-vite", options: {} },
  stories: ["../stories/**/*.stories.tsx"],
  addons: ["@storybook/addon-vitest"],
  core: {
    // Offline, the telemetry request makes every start and build wait for a timeout.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  // No addon-docs here, so the (slow) component prop extraction would be wasted work.
  typescript: { reactDocgen: false },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import("vite");
    return mergeConfig(viteConfig, { resolve: { alias: mizanAliases } });
  },
};

export default config;
