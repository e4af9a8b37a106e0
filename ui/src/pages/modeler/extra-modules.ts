/**
 * @module ui/pages/modeler/extra-modules: the modeler's add-ons (element templates with their schema validator,
 * template chooser, lint, token simulation) in a chunk of their own, fetched beside the modeler's rather than after.
 */
export interface ExtraModules {
  templates: unknown;
  chooser: unknown;
  lint: unknown;
  simulation: unknown;
}

let loading: Promise<ExtraModules> | undefined;

/** Starts the fetch once; every modeler instance (one per language) awaits the same promise. */
export function loadExtraModules(): Promise<ExtraModules> {
  loading ??= Promise.all([
    import('bpmn-js-element-templates'),
    import('@bpmn-io/element-template-chooser'),
    import('bpmn-js-bpmnlint'),
    import('bpmn-js-token-simulation'),
    import('bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css'),
    import('bpmn-js-element-templates/dist/assets/element-templates.css'),
    import('bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css'),
    import('@bpmn-io/element-template-chooser/dist/element-template-chooser.css'),
  ]).then(([templates, chooser, lint, simulation]) => ({
    templates: templates.CloudElementTemplatesPropertiesProviderModule,
    chooser: chooser.default,
    lint: lint.default,
    simulation: simulation.default,
  }));
  return loading;
}
