import { ESLint } from 'eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..', '..') })

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

/** The architecture's import table, checked through the real lint configuration. */
describe('layering lint', () => {
  it.each([
    ['src/core/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
    [
      'src/core/x.ts',
      "import { createServices } from '../main/services/createServices'\nexport const x = createServices",
    ],
    ['src/shared/x.ts', "import { createRandom } from '../core/random'\nexport const x = createRandom"],
    ['src/shared/x.ts', "import path from 'path'\nexport const x = path"],
    ['src/main/services/x.ts', "import { app } from 'electron'\nexport const x = app"],
    [
      'src/main/services/x.ts',
      "import { startHostServer } from '../../host/server'\nexport const x = startHostServer",
    ],
    [
      'src/renderer/src/x.ts',
      "import { APP_VERSION } from '../../main/appInfo'\nexport const x = APP_VERSION",
    ],
    ['src/renderer/src/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
    [
      'src/preload/x.ts',
      "import { createServices } from '../main/services/createServices'\nexport const x = createServices",
    ],
    ['src/host/x.ts', "import { BrowserWindow } from 'electron'\nexport const x = BrowserWindow"],
  ])('rejects a forbidden import in %s', async (file, code) => {
    expect(await violations(file, code)).toHaveLength(1)
  })

  it.each([
    ['src/core/x.ts', "import { AppError } from '../shared/result'\nexport const x = AppError"],
    ['src/main/services/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
    ['src/main/electron/x.ts', "import { app } from 'electron'\nexport const x = app"],
    ['src/renderer/src/x.ts', "import { AppError } from '../../shared/result'\nexport const x = AppError"],
    [
      'src/host/x.ts',
      "import { createServices } from '../main/services/createServices'\nexport const x = createServices",
    ],
  ])('allows a permitted import in %s', async (file, code) => {
    expect(await violations(file, code)).toEqual([])
  })
})
