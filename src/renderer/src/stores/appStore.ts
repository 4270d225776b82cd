import { create } from 'zustand'
import type { MethodOutput, Placement, WorkspaceStatus } from '../../../shared/contract'

export const VIEWS = [
  'workspace',
  'people',
  'import',
  'calibration',
  'succession',
  'insights',
  'settings',
] as const
export type ViewId = (typeof VIEWS)[number]

interface AppState {
  info: MethodOutput<'app.info'> | null
  status: WorkspaceStatus | null
  view: ViewId
  /** A path handed over by the desktop menu's native dialog, for the open/create forms to pick up. */
  pendingPath: { command: 'workspace.open' | 'workspace.new'; path: string } | null
  /** Keeps the welcome screen up while a new workspace is being filled with demo data, so it never shows half-filled. */
  holdWelcome: boolean
  /** An error to show in the app frame after the screen that caused it has gone (e.g. a cancelled demo fill). */
  notice: unknown
  setInfo(info: MethodOutput<'app.info'>): void
  setStatus(status: WorkspaceStatus): void
  setView(view: ViewId): void
  setPendingPath(pending: AppState['pendingPath']): void
  setHoldWelcome(hold: boolean): void
  setNotice(notice: unknown): void
  /** Where quick find sent the user: the screen it names starts there (its key changes, so it starts afresh). */
  jumpTo: JumpTarget | null
  jumps: number
  jump(target: JumpTarget): void
  /** The calibration session on screen, if any: Find then lands on a person's place in it. */
  openSession: string | null
  setOpenSession(sessionId: string | null): void
  /**
   * The open session's people as its grid names them, while the session is blind (null otherwise): Find then looks
   * among their pseudonyms only, so it never puts a real name on a screen the session keeps names off.
   */
  blindPeople: readonly Placement[] | null
  setBlindPeople(people: readonly Placement[] | null): void
  /** A file dropped anywhere on the window, for the import screen to start with. */
  droppedFile: File | null
  dropFile(file: File | null): void
}

export type JumpTarget =
  | { kind: 'person'; employeeId: string }
  /** With `employeeId`, the session opens on that person's place on the grid. */
  | { kind: 'session'; sessionId: string; employeeId?: string }
  | { kind: 'role'; roleId: number }
  | { kind: 'program'; title: string }
  /** The Import screen with the kind of records chosen (the calibration holding area's "import ratings"). */
  | { kind: 'import'; recordKind: 'reviews' | 'learning' }

const JUMP_VIEW: Record<JumpTarget['kind'], ViewId> = {
  person: 'people',
  session: 'calibration',
  role: 'succession',
  program: 'insights',
  import: 'import',
}

/** The jump target for a screen, if quick find sent the user there. */
export function jumpFor<K extends JumpTarget['kind']>(kind: K): Extract<JumpTarget, { kind: K }> | null {
  const target = useAppStore.getState().jumpTo
  return target?.kind === kind ? (target as Extract<JumpTarget, { kind: K }>) : null
}

export const useAppStore = create<AppState>((set) => ({
  info: null,
  status: null,
  view: 'people',
  pendingPath: null,
  holdWelcome: false,
  notice: null,
  setInfo: (info) => set({ info }),
  // Opening a workspace lands on People; closing one returns to the workspace screen; unlocking returns to where the
  // user was when it locked.
  setStatus: (status) =>
    set((state) => {
      const wasLocked = state.status !== null && !state.status.open && state.status.locked !== undefined
      const opened = status.open && !state.status?.open && !wasLocked
      return {
        status,
        view: !status.open ? (status.locked ? state.view : 'workspace') : opened ? 'people' : state.view,
        pendingPath: status.open ? null : state.pendingPath,
      }
    }),
  setView: (view) => set({ view }),
  setPendingPath: (pendingPath) => set({ pendingPath }),
  setHoldWelcome: (holdWelcome) => set({ holdWelcome }),
  setNotice: (notice) => set({ notice }),
  jumpTo: null,
  jumps: 0,
  openSession: null,
  setOpenSession: (openSession) => set({ openSession }),
  blindPeople: null,
  setBlindPeople: (blindPeople) => set({ blindPeople }),
  droppedFile: null,
  dropFile: (file) => set(file ? { droppedFile: file, view: 'import' } : { droppedFile: null }),
  jump: (target) =>
    set((state) => ({ jumpTo: target, jumps: state.jumps + 1, view: JUMP_VIEW[target.kind] })),
}))
