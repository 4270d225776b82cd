export interface Migration {
  /** Consecutive from 1; stored in `PRAGMA user_version` once applied. */
  readonly version: number
  readonly name: string
  /** SQL run inside the migration's transaction. Never edit a migration that has shipped: add the next one. */
  readonly up: string
}
