/** @module ui/vite-env: Vite client types (import.meta.env, CSS imports) for the browser app. */
/// <reference types="vite/client" />
