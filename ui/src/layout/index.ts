/** @module ui/layout: the authenticated page shell. */
export { AppLayout } from './app-layout';
