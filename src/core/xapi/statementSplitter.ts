/**
 * Cuts the text of an xAPI file, fed in chunks, into the text of one statement at a time, so a file of any size is
 * read with memory bounded by its largest statement. It understands exactly the layouts Ninefold imports:
 *
 * - a JSON array of statements: each element, numbered from 1;
 * - an LRS StatementResult `{"statements": […], "more": …}`: each element of `statements`, numbered from 1, and
 *   the rest of the object (with `statements` emptied) as `skeleton`, so `more` is read wherever it stands;
 * - one statement object (or any other single JSON value): as statement 1;
 * - JSON Lines (a one-line object followed by more lines): each non-blank line, numbered by its line in the file.
 *
 * It only tracks structure (strings, nesting, commas); each piece is then parsed on its own, so a statement that is
 * not valid JSON is reported at its own position.
 */

export type Layout = 'array' | 'statementResult' | 'single' | 'lines'

export interface StatementPiece {
  /** Position in the array (1-based), or line number for JSON Lines. */
  index: number
  text: string
}

/** The file is not a JSON document of a shape above; `detail` says where. */
export class StatementShapeError extends Error {}

type Mode =
  | 'start'
  | 'array' // inside the top-level array
  | 'object' // inside the top-level object (a statement, or a StatementResult)
  | 'statements' // inside a StatementResult's statements array
  | 'single' // a top-level value that is not an array or object
  | 'afterTop' // the top-level value has closed
  | 'lines' // JSON Lines, from the second statement on
  | 'done'

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t'

export class StatementSplitter {
  private mode: Mode = 'start'
  private layoutSeen: Layout | null = null
  private depth = 0
  private inString = false
  private escaped = false
  private line = 1
  /** The piece being collected (an element, or a JSON Lines line). */
  private piece = ''
  private pieceOpen = false
  private pieceLine = 1
  private count = 0
  /** The top-level object's text, while it may be one statement (dropped once it proves a StatementResult). */
  private top = ''
  private topStartLine = 1
  private topKey: string | null = null
  private readingTopKey = false
  private expectTopKey = false
  private afterStatementsKey = false
  private skeletonText: string | null = null

  /** Characters held right now: one statement's text at most (and a StatementResult's small remainder). */
  get bufferedChars(): number {
    return this.piece.length + this.top.length
  }

  get layout(): Layout | null {
    return this.layoutSeen
  }

  /** The StatementResult without its statements (`"statements":[]`), to read `more` from; null for other layouts. */
  get skeleton(): string | null {
    return this.skeletonText
  }

  push(chunk: string): StatementPiece[] {
    const out: StatementPiece[] = []
    for (let i = 0; i < chunk.length; i++) this.step(chunk[i] as string, out)
    return out
  }

  end(): StatementPiece[] {
    const out: StatementPiece[] = []
    if (this.mode === 'lines') this.endLine(out)
    else if (this.mode === 'single') {
      this.layoutSeen = 'single'
      out.push({ index: 1, text: this.piece.trim() })
    } else if (this.mode === 'afterTop' && this.layoutSeen === null) {
      this.layoutSeen = 'single'
      out.push({ index: 1, text: this.top })
    } else if (this.mode === 'start') {
      throw new StatementShapeError('the file holds no JSON value')
    } else if (this.mode !== 'done' && this.mode !== 'afterTop') {
      throw new StatementShapeError(`the file ends inside a JSON value (line ${this.line})`)
    }
    this.mode = 'done'
    return out
  }

  private step(ch: string, out: StatementPiece[]): void {
    const string = this.trackString(ch)
    switch (this.mode) {
      case 'start':
        if (isSpace(ch)) break
        if (ch === '[') {
          this.mode = 'array'
          this.layoutSeen = 'array'
          this.depth = 1
        } else if (ch === '{') {
          this.mode = 'object'
          this.depth = 1
          this.top = '{'
          this.topStartLine = this.line
          this.expectTopKey = true
        } else {
          this.mode = 'single'
          this.piece = ch
        }
        break
      case 'single':
        this.piece += ch
        break
      case 'array':
        this.element(ch, string, 1, out, () => {
          this.mode = 'afterTop'
          this.top = ''
        })
        break
      case 'statements':
        this.element(ch, string, 2, out, () => {
          this.mode = 'object'
          this.top += ']'
        })
        break
      case 'object':
        this.objectChar(ch, string)
        break
      case 'afterTop':
        if (isSpace(ch)) break
        if (
          this.layoutSeen === null &&
          ch === '{' &&
          this.topStartLine < this.line &&
          this.top.indexOf('\n') < 0
        ) {
          // A one-line object, then another on a later line: JSON Lines.
          this.layoutSeen = 'lines'
          out.push({ index: this.topStartLine, text: this.top })
          this.top = ''
          this.mode = 'lines'
          this.piece = ch
          this.pieceLine = this.line
          break
        }
        throw new StatementShapeError(
          `unexpected ${JSON.stringify(ch)} after the JSON value, on line ${this.line}`,
        )
      case 'lines':
        if (ch === '\n') {
          this.endLine(out)
          this.piece = ''
          this.pieceLine = this.line + 1
        } else this.piece += ch
        break
      case 'done':
        break
    }
    if (ch === '\n') this.line++
  }

  /** Whether `ch` is inside (or closes) a JSON string, tracking escapes. */
  private trackString(ch: string): boolean {
    if (this.mode === 'lines' || this.mode === 'start' || this.mode === 'afterTop') return false
    if (this.inString) {
      if (this.escaped) this.escaped = false
      else if (ch === '\\') this.escaped = true
      else if (ch === '"') this.inString = false
      return true
    }
    if (ch === '"') {
      this.inString = true
      return true
    }
    return false
  }

  /** One character inside an array whose elements are statements (`level` is the array's own depth). */
  private element(
    ch: string,
    string: boolean,
    level: number,
    out: StatementPiece[],
    closed: () => void,
  ): void {
    if (!string) {
      if (ch === '{' || ch === '[') this.depth++
      else if (ch === '}' || ch === ']') this.depth--
    }
    if (this.depth < level) {
      // The array itself closed.
      this.flushElement(out, true)
      this.depth = level - 1
      closed()
      return
    }
    if (this.depth === level && !string && ch === ',') {
      this.flushElement(out, false)
      return
    }
    if (!this.pieceOpen) {
      if (isSpace(ch)) return
      this.pieceOpen = true
      this.piece = ''
      this.pieceLine = this.line
    }
    this.piece += ch
  }

  private flushElement(out: StatementPiece[], closing: boolean): void {
    if (!this.pieceOpen) {
      // `[]` is an empty array; `[1,,2]` or `[1,]` is not JSON.
      if (closing && this.count === 0) return
      throw new StatementShapeError(`a missing value in the list of statements, on line ${this.line}`)
    }
    this.count++
    out.push({ index: this.count, text: this.piece.trim() })
    this.piece = ''
    this.pieceOpen = false
  }

  /** One character of the top-level object, watching for its "statements" key. */
  private objectChar(ch: string, string: boolean): void {
    this.top += ch
    if (this.depth === 1) {
      if (this.readingTopKey) {
        if (!this.inString) {
          this.readingTopKey = false
          this.expectTopKey = false
        } else this.topKey = (this.topKey ?? '') + ch
        return
      }
      if (string && this.expectTopKey && ch === '"') {
        this.readingTopKey = true
        this.topKey = ''
        return
      }
      if (string) return
      if (ch === ':') {
        this.afterStatementsKey = this.topKey === 'statements'
        return
      }
      if (ch === ',') {
        this.expectTopKey = true
        this.afterStatementsKey = false
        return
      }
      if (this.afterStatementsKey && !isSpace(ch)) {
        this.afterStatementsKey = false
        if (ch === '[') {
          // A StatementResult: its statements stream; the object around them is kept small.
          this.layoutSeen = 'statementResult'
          this.mode = 'statements'
          this.depth = 2
          this.count = 0
          return
        }
      }
    }
    if (string) return
    if (ch === '{' || ch === '[') this.depth++
    else if (ch === '}' || ch === ']') {
      this.depth--
      if (this.depth === 0) {
        this.mode = 'afterTop'
        if (this.layoutSeen === 'statementResult') {
          this.skeletonText = this.top
          this.top = ''
        }
      }
    }
  }

  private endLine(out: StatementPiece[]): void {
    const text = this.piece.trim()
    if (text === '') return
    if (!text.startsWith('{'))
      throw new StatementShapeError(`line ${this.pieceLine} is not a JSON object, in a file of JSON Lines`)
    out.push({ index: this.pieceLine, text })
  }
}
