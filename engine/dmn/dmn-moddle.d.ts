/** @module dmn-moddle ships no types: the little of it the DMN parser uses. */
declare module 'dmn-moddle' {
  export class DmnModdle {
    fromXML(xml: string, type: string): Promise<{ rootElement: any; warnings: { message: string }[] }>;
  }
}
