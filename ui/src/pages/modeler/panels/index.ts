/**
 * @module ui/pages/modeler/panels: the huiliu groups of the properties panel on a user task (办理角色, 审批方式,
 * 字段权限), placed before the zeebe groups they stand in for, so an administrator meets pickers before FEEL.
 */
import type { Lang } from '../../../i18n';
import { countersignGroup } from './countersign-group';
import { fieldAccessGroup } from './field-access-group';
import type { Bo } from './moddle-edit';
import { isType } from './moddle-edit';
import { rolesGroup } from './roles-group';

export function taskPanelsModule(lang: Lang) {
  class TaskPanelsProvider {
    static $inject = ['propertiesPanel'];
    constructor(propertiesPanel: Bo) {
      propertiesPanel.registerProvider(300, this);
    }
    getGroups(element: Bo) {
      return (groups: Bo[]) => {
        if (!isType(element.businessObject, 'bpmn:UserTask')) return groups;
        const general = groups.findIndex((g) => g.id === 'general');
        groups.splice(
          general >= 0 ? general + 1 : 0,
          0,
          rolesGroup(element, lang),
          countersignGroup(element, lang),
          fieldAccessGroup(element, lang),
        );
        return groups;
      };
    }
  }
  return { __init__: ['huiliuTaskPanels'], huiliuTaskPanels: ['type', TaskPanelsProvider] };
}
