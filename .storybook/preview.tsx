import "../react/mizan.css";
import type { Preview } from "@storybook/react-vite";

const preview: Preview = {
  parameters: {
    layout: "padded",
    controls: { expanded: true },
  },
  decorators: [
    (Story) => (
      <div style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640 }}>
        <Story />
      </div>
    ),
  ],
};

export default preview;
