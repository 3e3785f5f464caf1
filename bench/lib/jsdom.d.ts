// The part of jsdom the benchmarks use (the repo installs jsdom without @types/jsdom).
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; pretendToBeVisual?: boolean });
    readonly window: Window & typeof globalThis;
  }
}
