/** @module ui/lib: small shared helpers for pages (notifications, formatting, data loading). */
export * from './format';
export * from './notify';
export * from './role-catalog';
export * from './use-async';
export * from './use-process-names';
