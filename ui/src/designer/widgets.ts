/**
 * @module ui/designer/widgets: the uiSchema names the renderer (ui/forms) registers for our pickers and fields.
 * The renderer registers `unit` and `catalogEntry`; the hyphenated spellings are read too (older drafts used them)
 * but never written, because the renderer would not find a widget by that name.
 */
export const UNIT_WIDGET = 'unit';
export const CATALOG_ENTRY_WIDGET = 'catalogEntry';
export const UNIT_WIDGET_ALIASES = [UNIT_WIDGET, 'unit-picker'];
export const CATALOG_ENTRY_WIDGET_ALIASES = [CATALOG_ENTRY_WIDGET, 'catalog-entry-picker'];
export const TABLE_FIELD = 'table';
export const ATTACHMENTS_FIELD = 'attachments';
