/** @module ui/pages/modeler/templates: element templates for the shipped step presets. */
export { STEPS, stepTemplates } from './step-templates';
