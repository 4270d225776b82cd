// The parse worker: reads a CSV or one sheet of a workbook off the main thread and posts rows in batches, as fast
// as the importer asks for them (credit-based, so a slow store never lets parsed rows pile up in memory).
import { parentPort, workerData } from 'node:worker_threads'
import { openCsvFile } from './readers/csvFile'
import { FileFormatError, type SourceRow } from './readers/types'
import { openXlsxFile } from './readers/xlsxFile'
import type { ParseRequest, ParseMessage } from './parseProtocol'
import { message } from '../../shared/i18n/translate'

const BATCH_ROWS = 1_000

async function run(request: ParseRequest, port: NonNullable<typeof parentPort>): Promise<void> {
  // Per-thread environment: anything a library spools lands in the importer's private folder, nowhere else (the
  // workbook reader itself streams and spools nothing).
  process.env['TMPDIR'] = request.spoolDirectory
  // os.tmpdir() reads TEMP/TMP on Windows.
  process.env['TEMP'] = request.spoolDirectory
  process.env['TMP'] = request.spoolDirectory
  let credit = 4
  let wake: (() => void) | null = null
  port.on('message', (message: { type: 'credit'; batches: number }) => {
    credit += message.batches
    wake?.()
    wake = null
  })
  const send = async (message: ParseMessage): Promise<void> => {
    while (message.type === 'rows' && credit <= 0) await new Promise<void>((resolve) => (wake = resolve))
    if (message.type === 'rows') credit--
    port.postMessage(message)
  }
  try {
    const file =
      request.format === 'csv'
        ? openCsvFile(request.path, { delimiter: request.delimiter, encoding: request.encoding })
        : openXlsxFile(request.path)
    let batch: SourceRow[] = []
    for await (const row of file.rows(request.sheet)) {
      batch.push(row)
      if (batch.length >= BATCH_ROWS) {
        await send({ type: 'rows', rows: batch })
        batch = []
      }
    }
    if (batch.length > 0) await send({ type: 'rows', rows: batch })
    await send({ type: 'end' })
  } catch (error) {
    // A reader's own error keeps its code and reason; anything else is a file that could not be read.
    const failure =
      error instanceof FileFormatError
        ? error
        : new FileFormatError(
            'CORRUPT_FILE',
            message('import.errors.unreadableFile', {
              detail: error instanceof Error ? error.message : String(error),
            }),
          )
    await send({
      type: 'error',
      code: failure.code,
      message: failure.message,
      ...(failure.text ? { text: failure.text } : {}),
    })
  }
}

if (parentPort) void run(workerData as ParseRequest, parentPort)
