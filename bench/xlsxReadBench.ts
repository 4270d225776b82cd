// A bare read of the same workbook with our xlsx reader and with exceljs's streaming WorkbookReader: every cell of
// every row, nothing stored, in the same process and run.
import ExcelJS from 'exceljs'
import { openXlsxFile } from '../src/main/import/readers/xlsxFile'
import { peopleXlsx } from './importBench'

const RUNS = 5
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024)
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

async function ours(path: string): Promise<number> {
  let cells = 0
  for await (const row of openXlsxFile(path).rows(null)) cells += row.cells.length
  return cells
}

async function exceljs(path: string): Promise<number> {
  let cells = 0
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'emit',
  })
  for await (const sheet of reader) {
    for await (const row of sheet) cells += ((row as ExcelJS.Row).values as unknown[]).length - 1
  }
  return cells
}

async function timed(
  read: (path: string) => Promise<number>,
  path: string,
): Promise<{ ms: number; cells: number }> {
  const start = performance.now()
  const cells = await read(path)
  return { ms: performance.now() - start, cells }
}

/** Ours runs first so its peak RSS is its own; exceljs's peak (the process's, after both) goes in the detail. */
export async function xlsxReadBench(rows: number): Promise<{
  oursMs: number
  exceljsMs: number
  oursPeakRssMb: number
  bothPeakRssMb: number
  cells: number
}> {
  const path = await peopleXlsx(rows)
  const oursRuns: number[] = []
  let cells = 0
  for (let i = 0; i < RUNS; i++) {
    const run = await timed(ours, path)
    oursRuns.push(run.ms)
    cells = run.cells
  }
  const oursPeakRssMb = peakRssMb()
  const exceljsRuns: number[] = []
  for (let i = 0; i < RUNS; i++) exceljsRuns.push((await timed(exceljs, path)).ms)
  return {
    oursMs: median(oursRuns),
    exceljsMs: median(exceljsRuns),
    oursPeakRssMb,
    bothPeakRssMb: peakRssMb(),
    cells,
  }
}
