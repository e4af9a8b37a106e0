/** @module ui/pages/modeler/modules: type stubs for the bpmn-io packages that ship no declarations. */
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: any;
  export const BpmnPropertiesProviderModule: any;
  export const ZeebePropertiesProviderModule: any;
  export const useService: (name: string) => any;
}
declare module '@bpmn-io/properties-panel' {
  export const TextFieldEntry: any;
  export const SelectEntry: any;
  export const NumberFieldEntry: any;
  export const isTextFieldEntryEdited: any;
}
declare module '@bpmn-io/properties-panel/preact' {
  export const h: (type: any, props: any, ...children: any[]) => any;
}
declare module '@bpmn-io/properties-panel/preact/hooks' {
  export function useState<T>(initial?: T | (() => T)): [T, (next: T | ((prev: T) => T)) => void];
  export function useEffect(effect: () => undefined | (() => void), deps?: unknown[]): void;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const ZeebeBehaviorsModule: any;
  export default ZeebeBehaviorsModule;
}
declare module 'bpmnlint/rules/*' {
  const rule: (config?: any) => { check: (node: any, reporter: any) => void };
  export default rule;
}
declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(root: unknown): Promise<Record<string, { id?: string; message: string; category: string }[]>>;
  }
}
declare module 'bpmn-js-bpmnlint' {
  const LintModule: any;
  export default LintModule;
}
declare module 'bpmn-js-token-simulation' {
  const TokenSimulationModule: any;
  export default TokenSimulationModule;
}
declare module 'bpmn-js-element-templates' {
  export const CloudElementTemplatesPropertiesProviderModule: any;
}
declare module '@bpmn-io/element-template-chooser' {
  const ElementTemplateChooserModule: any;
  export default ElementTemplateChooserModule;
}
declare module 'bpmn-js-differ' {
  export interface Changes {
    _added: Record<string, any>;
    _removed: Record<string, any>;
    _changed: Record<string, { model: any; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _layoutChanged: Record<string, any>;
  }
  export function diff(oldDefinitions: unknown, newDefinitions: unknown): Changes;
}
declare module '@bpmn-io/element-templates-validator' {
  export function validateAllZeebe(templates: object[]): {
    valid: boolean;
    results: { errors?: unknown[] }[];
  };
}
