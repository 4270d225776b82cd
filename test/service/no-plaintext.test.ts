import ExcelJS from 'exceljs'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/tempDir'
import { readZipParts } from '../support/zipWriter'

const tempDir = useTempDirs()
const CLI = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js')

/** Names no other file on the machine would hold: any trace of them outside an export is a leak. */
const PEOPLE = Array.from({ length: 60 }, (_, i) => ({
  id: `QX${1000 + i}`,
  name: `Zephyrine Quillfeather${String.fromCharCode(65 + (i % 26))}${i}`,
  email: `zephyrine.q${i}@quillfeather.example`,
}))
const NEEDLES = ['Zephyrine', 'Quillfeather', 'quillfeather.example']

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : []
  })
}

/** Every file holding a needle, in UTF-8 or UTF-16 (as Windows tools and some SQLite text encodings store it). */
function leaks(dir: string): string[] {
  return filesUnder(dir).filter((file) => {
    if (statSync(file).size === 0) return false
    const bytes = readFileSync(file)
    // A workbook (or any zip) is deflated: look inside each part, not at the compressed bytes.
    const texts = bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))
      ? readZipParts(file).map((part) => part.data)
      : [bytes]
    return texts.some((text) =>
      NEEDLES.some((n) => text.includes(Buffer.from(n, 'utf8')) || text.includes(Buffer.from(n, 'utf16le'))),
    )
  })
}

describe('no plaintext on disk', () => {
  it(
    'after import, calibration, backup and exports, no name or email is in the temp dir or beside the workspace',
    { timeout: 120_000 },
    async () => {
      const root = tempDir()
      const [tmp, data, sources, exports] = ['tmp', 'data', 'sources', 'exports'].map((d) => {
        const path = join(root, d)
        mkdirSync(path, { recursive: true })
        return path
      }) as [string, string, string, string]
      const ws = [
        '--workspace',
        join(data, 'w.ninefold'),
        '--key-file',
        join(data, 'w.key'),
        '--data-dir',
        data,
      ]
      const run = (args: string[]): string => {
        const r = spawnSync(process.execPath, [CLI, ...args, ...ws, '--json'], {
          encoding: 'utf8',
          // The OS temp dir for this run: whatever Ninefold or its libraries put there is scanned below.
          env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
        })
        if (r.status !== 0) throw new Error(`ninefold ${args.join(' ')}: ${r.stderr}`)
        return r.stdout
      }

      const people = join(sources, 'people.csv')
      writeFileSync(
        people,
        [
          'Employee ID,Full name,Email,Department,Hire date',
          ...PEOPLE.map((p) => `${p.id},${p.name},${p.email},Sales,2018-01-01`),
        ].join('\n'),
      )
      const reviews = join(sources, 'reviews.csv')
      writeFileSync(
        reviews,
        [
          'Employee ID,Cycle,Rating,Scale min,Scale max,Potential',
          ...PEOPLE.map((p, i) => `${p.id},2026 Annual Review,${(i % 5) + 1},1,5,${(i % 3) + 2}`),
        ].join('\n'),
      )
      const learning = join(sources, 'learning.xlsx')
      const book = new ExcelJS.Workbook()
      const sheet = book.addWorksheet('Transcript')
      sheet.addRow(['Employee ID', 'Course ID', 'Course title', 'Status', 'Completed'])
      for (const p of PEOPLE) sheet.addRow([p.id, 'C-1', 'Safety Basics', 'Completed', '2026-03-01'])
      await book.xlsx.writeFile(learning)

      run(['workspace', 'create'])
      run(['import', people, '--as', 'people'])
      run(['import', reviews, '--as', 'reviews'])
      run(['import', learning, '--as', 'learning'])
      // An update of existing records: an automatic backup is taken first (encrypted, in the data dir).
      writeFileSync(
        people,
        [
          'Employee ID,Full name,Email,Department,Hire date',
          ...PEOPLE.map((p) => `${p.id},${p.name},${p.email},Marketing,2018-01-01`),
        ].join('\n'),
      )
      run(['import', people, '--as', 'people'])
      const { sessionId } = JSON.parse(run(['calibration', 'create', '--name', 'All'])) as {
        sessionId: string
      }
      const shown = JSON.parse(run(['calibration', 'show', sessionId])) as {
        placements: { employeeId: string }[]
        holding: { employeeId: string; reason: string }[]
      }
      const placed = shown.placements[0]?.employeeId
      expect(placed, JSON.stringify(shown.holding.slice(0, 2))).toBeDefined()
      run(['calibration', 'move', sessionId, '--person', placed ?? '', '--box', '9', '--reason', 'leak test'])
      run(['calibration', 'export', sessionId, '--out', join(exports, 'results.xlsx')])
      run(['person', 'export', PEOPLE[1]?.id ?? '', '--out', join(exports, 'access.xlsx')])
      run(['backup', '--out', join(exports, 'copy.ninefold')])

      // The exports hold the names, as asked: proof the needles are real, and the only place they are.
      expect(
        leaks(exports)
          .map((f) => f.slice(exports.length + 1))
          .sort(),
      ).toEqual(['access.xlsx', 'results.xlsx'])
      expect(leaks(tmp)).toEqual([])
      expect(leaks(data)).toEqual([])
      // The data dir holds the workspace, its key file and the automatic backup, all checked above.
      expect(filesUnder(data).some((f) => f.includes(`${join(data, 'backups')}`))).toBe(true)
    },
  )
})
