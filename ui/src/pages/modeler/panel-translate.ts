/**
 * @module ui/pages/modeler/panel-translate: the properties panel's own controls ("Toggle section", list items,
 * the FEEL toggle) spoken through the modeler's `translate` service.
 *
 * @bpmn-io/properties-panel translates those strings only through a `translate` prop, which it falls back from to
 * English. Groups take it from their definition (the panel spreads each group into its component), so the
 * library's own path is a last-running provider that puts the service on every group: that covers the section
 * header, its edit/error marker and list groups with their items. The FEEL entries also take a `translate` prop,
 * but bpmn-js-properties-panel builds them inside its entry components without forwarding it, so the FEEL toggle's
 * and the pop-up button's `title` stay English, as do the two titles bpmn-js-element-templates writes as fixed
 * English (its "Select a template" button and its template group's section toggle); for exactly those buttons a
 * MutationObserver on the panel rewrites the title through the same service (no other text is touched).
 */

type Translate = (template: string, replacements?: Record<string, unknown>) => string;
interface GroupDefinition {
  translate?: Translate;
}
interface PropertiesPanel {
  registerProvider(priority: number, provider: { getGroups(element: unknown): unknown }): void;
}
interface EventBus {
  on(event: string, callback: () => void): void;
}

/** The buttons whose English `title` no prop reaches (see the module note). */
export const UNREACHED_TITLES = [
  '.bio-properties-panel-feel-icon[title]',
  '.bio-properties-panel-open-feel-popup[title]',
  // bpmn-js-element-templates writes these two titles as fixed English
  '.bio-properties-panel-select-template-button[title]',
  '.bio-properties-panel-group-header-buttons .bio-properties-panel-arrow[title]',
].join(', ');

/** Rewrites the unreached titles under `root`; a title already translated maps to itself, so it is left. */
export function translateTitles(root: ParentNode, translate: Translate): void {
  for (const el of root.querySelectorAll(UNREACHED_TITLES)) {
    const title = el.getAttribute('title') ?? '';
    const zh = translate(title);
    if (zh !== title) el.setAttribute('title', zh);
  }
}

// after every other provider (they run highest priority first), so groups added late get it too
const LAST = 1;

class PanelTranslate {
  static $inject = ['propertiesPanel', 'translate', 'eventBus', 'config.propertiesPanel'];
  constructor(
    panel: PropertiesPanel,
    translate: Translate,
    eventBus: EventBus,
    config?: { parent?: unknown },
  ) {
    panel.registerProvider(LAST, {
      getGroups: () => (groups: GroupDefinition[]) => {
        for (const group of groups) group.translate = translate;
        return groups;
      },
    });
    const parent = config?.parent;
    if (!(parent instanceof HTMLElement)) return;
    // the FEEL toggle flips its title on click without the panel re-rendering: watch, don't hook the render
    const observer = new MutationObserver(() => translateTitles(parent, translate));
    observer.observe(parent, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['title'],
    });
    eventBus.on('diagram.destroy', () => observer.disconnect());
  }
}

export const panelTranslateModule = {
  __init__: ['huiliuPanelTranslate'],
  huiliuPanelTranslate: ['type', PanelTranslate],
};
