/** @module ui/pages/modeler/modules: type stubs for the bpmn-io packages that ship no declarations. */
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: any;
  export const BpmnPropertiesProviderModule: any;
  export const ZeebePropertiesProviderModule: any;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const ZeebeBehaviorsModule: any;
  export default ZeebeBehaviorsModule;
}
