/**
 * workbook.xml with `fullCalcOnLoad="1"` on its calcPr (added where the schema puts it: after definedNames, else
 * after sheets), so Excel and LibreOffice recompute formulas whose inputs a patch changed, instead of showing their
 * stale saved results.
 */
export function withFullCalcOnLoad(xml: string): string {
  const calcPr = /<((?:\w+:)?calcPr)\b([^>]*?)(\/?)>/.exec(xml)
  if (calcPr) {
    const [whole, tag, attributes, selfClosing] = calcPr
    const rest = (attributes ?? '').replace(/\sfullCalcOnLoad="[^"]*"/, '')
    return xml.replace(whole, `<${tag}${rest} fullCalcOnLoad="1"${selfClosing}>`)
  }
  const prefix = /<(\w+:)?workbook\b/.exec(xml)?.[1] ?? ''
  const at =
    new RegExp(`</${prefix}definedNames>|<${prefix}definedNames\\s*/>`).exec(xml) ??
    new RegExp(`</${prefix}sheets>`).exec(xml)
  if (!at) return xml
  const end = at.index + at[0].length
  return `${xml.slice(0, end)}<${prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(end)}`
}
