import type { WorkspaceSummary } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { LockIcon } from '../../components/LockIcon'
import { useAppStore, type ViewId } from '../../stores/appStore'
import { CalibrationScreen } from '../calibration/CalibrationScreen'
import { ImportScreen } from '../import/ImportScreen'
import { InsightsScreen } from '../insights/InsightsScreen'
import { PeopleScreen } from '../people/PeopleScreen'
import { SuccessionScreen } from '../succession/SuccessionScreen'
import { WorkspaceOverview } from '../workspace/WorkspaceOverview'
import { useIdleLockPresence } from './useIdleLockPresence'

const NAV: { id: ViewId; label: string; ready: boolean }[] = [
  { id: 'workspace', label: 'Workspace', ready: true },
  { id: 'people', label: 'People', ready: true },
  { id: 'import', label: 'Import', ready: true },
  { id: 'calibration', label: 'Calibration', ready: true },
  { id: 'succession', label: 'Succession', ready: true },
  { id: 'insights', label: 'Insights', ready: true },
]

export function AppFrame({ workspace }: { workspace: WorkspaceSummary }): React.JSX.Element {
  useIdleLockPresence()
  const view = useAppStore((s) => s.view)
  const setView = useAppStore((s) => s.setView)
  const notice = useAppStore((s) => s.notice)
  const setNotice = useAppStore((s) => s.setNotice)
  const current = NAV.find((n) => n.id === view) ?? NAV[0]

  return (
    <div className="frame">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▦
          </span>{' '}
          Ninefold
        </div>
        <ul>
          {NAV.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={item.id === view ? 'nav-item active' : 'nav-item'}
                aria-current={item.id === view ? 'page' : undefined}
                onClick={() => setView(item.id)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main">
        <header className="topbar">
          <div>
            <span className="workspace-name" data-testid="workspace-name">
              {workspace.name}
            </span>
            <span className="muted"> · {workspace.peopleCount.toLocaleString()} people · encrypted</span>
          </div>
          <div className="topbar-actions">
            <button
              type="button"
              className="secondary"
              title="Lock now (Ctrl+L): the key leaves memory until the passphrase is given again"
              aria-keyshortcuts="Control+L Meta+L"
              onClick={() => void api.call('workspace.lock')}
            >
              <LockIcon /> Lock
            </button>
            <button type="button" className="secondary" onClick={() => void api.call('workspace.close')}>
              Close workspace
            </button>
          </div>
        </header>
        {notice !== null && (
          <div className="notice">
            <ErrorBanner error={notice} />
            <button type="button" className="link" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </div>
        )}
        <section className="content" aria-label={current?.label}>
          {view === 'people' && <PeopleScreen />}
          {view === 'workspace' && <WorkspaceOverview workspace={workspace} />}
          {view === 'import' && <ImportScreen />}
          {view === 'calibration' && <CalibrationScreen />}
          {view === 'succession' && <SuccessionScreen />}
          {view === 'insights' && <InsightsScreen />}
          {current && !current.ready && (
            <div className="empty-state">
              <h2>{current.label}</h2>
              <p>This area arrives in a coming release.</p>
            </div>
          )}
        </section>
      </div>
    </div>
  )
}
