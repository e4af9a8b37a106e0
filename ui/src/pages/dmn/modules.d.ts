/** @module ui/pages/dmn/modules: type stubs for dmn-js, which ships no declarations. */
declare module 'dmn-js/lib/Modeler' {
  export default class DmnModeler {
    constructor(options: { container: HTMLElement; [view: string]: unknown });
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): { type: string; element: { id: string } }[];
    getActiveViewer(): { get<T = any>(name: string): T } | undefined;
    open(view: { type: string }): Promise<unknown>;
    on(event: string, cb: (e: any) => void): void;
    destroy(): void;
  }
}
