/** @module ui/diagram/fit: fit a diagram to its canvas with a margin (fit-viewport alone clips lines drawn at the edge). */

export function fitWithMargin(canvas: any, margin = 24): void {
  canvas.zoom('fit-viewport', 'auto');
  const vb = canvas.viewbox();
  canvas.viewbox({ x: vb.x - margin, y: vb.y - margin, width: vb.width + 2 * margin, height: vb.height + 2 * margin });
}
