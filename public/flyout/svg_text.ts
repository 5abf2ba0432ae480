/** SVG text does not wrap or ellipsize: long values are cut here and shown whole in the element's <title>. */
export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, Math.max(1, max - 1))}…`;
}
