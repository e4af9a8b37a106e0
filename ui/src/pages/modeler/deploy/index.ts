/** @module ui/pages/modeler/deploy: the reusable deploy dialog (diff by step names, running instances, migration). */
export { DeployDialog, type DeployDialogProps, type DeployResource } from './deploy-dialog';
export { flowNodes, prefillMapping, processIdOf } from './flow-nodes';
