/**
 * Test helper: jsdom has no canvas, and EuiComboBox measures its input text on one. A 2D context that measures 7px per
 * character is enough for layout code that only needs a number. (Belongs in test/support/panel_setup.ts; kept here
 * until that file takes it.)
 */
export function canvasForComboBoxes(): void {
  const proto = window.HTMLCanvasElement.prototype as unknown as { getContext: (id: string) => unknown; __measured?: boolean };
  if (proto.__measured) return;
  proto.__measured = true;
  proto.getContext = () => ({ font: '', measureText: (text: string) => ({ width: text.length * 7 }) });
}
