/**
 * @module ui/pages/modeler/use-modeler: owns one bpmn-js Modeler bound to two divs: zeebe properties panel and
 * behaviors, zh labels, live lint (our rules), the step element templates, token simulation.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './modeler.css';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import { type RefObject, useEffect, useRef, useState } from 'react';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { Lang } from '../../i18n';
import { authoringModule } from './authoring';
import { type ExtraModules, loadExtraModules } from './extra-modules';
import { keepPadClickModule } from './keep-pad-click';
import { lintConfig, type XmlSource } from './lint';
import { panelTranslateModule } from './panel-translate';
import { taskPanelsModule } from './panels';
import { translateSimulation } from './simulation-zh';
import { startersPanelModule } from './starters-panel';
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
    let modeler: BpmnModeler | undefined;
    let alive = true;
    // the token simulation writes fixed English into the canvas: rewrite it while this modeler lives
    const stopTranslating =
      lang === 'zh' && canvasRef.current ? translateSimulation(canvasRef.current) : undefined;
    void loadExtraModules().then((extra) => {
      if (!alive) return;
      modeler = createModeler(canvasRef.current!, panelRef.current!, lang, extra);
      modeler.on('commandStack.changed', () => changed.current());
      const created = modeler;
      setHandle((h) => ({ modeler: created, generation: h.generation + 1 }));
    });
    return () => {
      alive = false;
      stopTranslating?.();
      modeler?.destroy();
    };
  }, [canvasRef, panelRef, lang]);

  return handle;
}

/** One modeler: its add-ons come from the lazily fetched chunk, its language is fixed for its life. */
function createModeler(
  canvas: HTMLDivElement,
  panel: HTMLDivElement,
  lang: Lang,
  extra: ExtraModules,
): BpmnModeler {
  // the check's server rules compile the canvas's XML; saveXML is called only once the modeler exists
  const xml: XmlSource = async () => (await modeler.saveXML()).xml;
  const modeler: BpmnModeler = new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      ZeebeBehaviorsModule,
      startersPanelModule(lang),
      taskPanelsModule(lang),
      authoringModule(lang),
      extra.templates,
      extra.chooser,
      extra.lint,
      extra.simulation,
      ...(lang === 'zh' ? [zhTranslateModule] : []),
      panelTranslateModule,
      keepPadClickModule,
    ],
    moddleExtensions: { zeebe: zeebeModdle },
    linting: { bpmnlint: lintConfig(lang, xml), active: true },
    elementTemplates: stepTemplates(lang),
  });
  return modeler;
}
