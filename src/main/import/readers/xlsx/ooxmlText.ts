/**
 * OOXML escapes characters XML cannot carry (a carriage return, control characters) as `_xHHHH_` inside strings;
 * `_x005F_` escapes the underscore itself, so `_x005F_x000D_` is the literal text `_x000D_`.
 */
export function unescapeOoxml(text: string): string {
  if (text.indexOf('_x') === -1) return text
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}
