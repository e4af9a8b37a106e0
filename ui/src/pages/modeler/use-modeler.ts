/**
 * @module ui/pages/modeler/use-modeler: owns one bpmn-js Modeler bound to two divs: zeebe properties panel and
 * behaviors, zh labels, live lint (our rules), the step element templates, token simulation.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import './modeler.css';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import LintModule from 'bpmn-js-bpmnlint';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import TokenSimulationModule from 'bpmn-js-token-simulation';
import { type RefObject, useEffect, useRef, useState } from 'react';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { Lang } from '../../i18n';
import { lintConfig } from './lint';
import { stepTemplates } from './templates';
import { zhTranslateModule } from './translations-zh';

export interface ModelerHandle {
  modeler: BpmnModeler | undefined;
  /** Bumps whenever a modeler instance is (re)created, so callers re-import. */
  generation: number;
}

/**
 * Creates the modeler for the current language. Switching language rebuilds it (the translate service is
 * fixed at construction), carrying the diagram over through `xmlRef`.
 */
export function useModeler(
  canvasRef: RefObject<HTMLDivElement | null>,
  panelRef: RefObject<HTMLDivElement | null>,
  lang: Lang,
  onChanged: () => void,
): ModelerHandle {
  const [handle, setHandle] = useState<ModelerHandle>({ modeler: undefined, generation: 0 });
  const changed = useRef(onChanged);
  changed.current = onChanged;

  useEffect(() => {
    const modeler = new BpmnModeler({
      container: canvasRef.current!,
      propertiesPanel: { parent: panelRef.current! },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        ZeebePropertiesProviderModule,
        ZeebeBehaviorsModule,
        CloudElementTemplatesPropertiesProviderModule,
        ElementTemplateChooserModule,
        LintModule,
        TokenSimulationModule,
        ...(lang === 'zh' ? [zhTranslateModule] : []),
      ],
      moddleExtensions: { zeebe: zeebeModdle },
      linting: { bpmnlint: lintConfig(lang), active: true },
      elementTemplates: stepTemplates(lang),
    });
    modeler.on('commandStack.changed', () => changed.current());
    setHandle((h) => ({ modeler, generation: h.generation + 1 }));
    return () => modeler.destroy();
  }, [canvasRef, panelRef, lang]);

  return handle;
}
