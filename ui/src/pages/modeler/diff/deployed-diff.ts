/** @module ui/pages/modeler/diff/deployed-diff: the canvas compared with a deployed version's XML. */
import type Modeler from 'bpmn-js/lib/Modeler';
import { compareDefinitions, type DiagramDiff } from './compare';

/** Parses `deployedXml` with the modeler's own moddle (zeebe extension included) and compares the canvas with it. */
export async function diffWithDeployed(modeler: Modeler, deployedXml: string): Promise<DiagramDiff> {
  const { rootElement } = await modeler.get<any>('moddle').fromXML(deployedXml, 'bpmn:Definitions');
  return compareDefinitions(rootElement, (modeler as any).getDefinitions());
}
