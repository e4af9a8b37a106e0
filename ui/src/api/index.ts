/** @module ui/api: the only way the UI talks to huiliu: typed helpers over the HTTP API (docs/api.md). */
export * from './admin';
export * from './client';
export * from './endpoints';
export * from './types';
export * from './upload';
export * from './download';
