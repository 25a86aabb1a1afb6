/// <reference types="vite/client" />
import type { GlossApi } from '@core/api';

declare global {
  interface Window {
    /** The Gloss API, exposed by the preload (or by the UI test harness). The renderer's only way out. */
    gloss: GlossApi;
  }
}

export {};
