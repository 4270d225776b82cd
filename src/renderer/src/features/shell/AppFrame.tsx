import { useEffect, useState } from 'react'
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
import { SettingsScreen } from '../settings/SettingsScreen'
import { WorkspaceOverview } from '../workspace/WorkspaceOverview'
import { QuickFind } from './QuickFind'
import { ShortcutSheet } from './ShortcutSheet'
import { useIdleLockPresence } from './useIdleLockPresence'
import { useT } from '../../i18n'

const NAV: { id: ViewId; ready: boolean }[] = [
  { id: 'workspace', ready: true },
  { id: 'people', ready: true },
  { id: 'import', ready: true },
  { id: 'calibration', ready: true },
  { id: 'succession', ready: true },
  { id: 'insights', ready: true },
  { id: 'settings', ready: true },
]

export function AppFrame({ workspace }: { workspace: WorkspaceSummary }): React.JSX.Element {
  useIdleLockPresence()
  const { t } = useT()
  const [overlay, setOverlay] = useState<'find' | 'shortcuts' | null>(null)
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select')
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        setOverlay('find')
      } else if (!typing && (event.key === '?' || event.key === 'F1')) {
        event.preventDefault()
        setOverlay('shortcuts')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  const dropFile = useAppStore((s) => s.dropFile)
  const [dragging, setDragging] = useState(false)
  useEffect(() => {
    // A file dropped anywhere starts an import (and never makes the page navigate to the file).
    const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false
    const over = (e: DragEvent): void => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      setDragging(true)
    }
    const leave = (e: DragEvent): void => {
      if (e.relatedTarget === null) setDragging(false)
    }
    const drop = (e: DragEvent): void => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      setDragging(false)
      // The import screen's own drop zone handles its drops; elsewhere the window does.
      if (e.defaultPrevented && (e.target as HTMLElement | null)?.closest('[data-testid="drop-zone"]')) return
      const file = e.dataTransfer?.files[0]
      if (file) dropFile(file)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [dropFile])
  const view = useAppStore((s) => s.view)
  const setView = useAppStore((s) => s.setView)
  const notice = useAppStore((s) => s.notice)
  const setNotice = useAppStore((s) => s.setNotice)
  const jumps = useAppStore((s) => s.jumps)
  const current = NAV.find((n) => n.id === view) ?? NAV[0]

  return (
    <div className="frame">
      <nav className="sidebar" aria-label={t('nav.main')}>
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
                {t(`nav.${item.id}`)}
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
            <span className="muted">
              {' '}
              · {t('top.people', { count: workspace.peopleCount })} · {t('top.encrypted')}
            </span>
          </div>
          <div className="topbar-actions">
            <button
              type="button"
              className="secondary"
              aria-keyshortcuts="Control+K Meta+K"
              onClick={() => setOverlay('find')}
            >
              {t('top.find')} <kbd>Ctrl K</kbd>
            </button>
            <button
              type="button"
              className="secondary"
              aria-label={t('top.shortcuts')}
              aria-keyshortcuts="Shift+?"
              onClick={() => setOverlay('shortcuts')}
            >
              ?
            </button>
            <button
              type="button"
              className="secondary"
              title={t('top.lockTitle')}
              aria-keyshortcuts="Control+L Meta+L"
              onClick={() => void api.call('workspace.lock')}
            >
              <LockIcon /> {t('top.lock')}
            </button>
            <button type="button" className="secondary" onClick={() => void api.call('workspace.close')}>
              {t('top.close')}
            </button>
          </div>
        </header>
        {dragging && (
          <div className="drop-anywhere" aria-hidden="true">
            {t('top.dropToImport')}
          </div>
        )}
        {overlay === 'find' && <QuickFind onClose={() => setOverlay(null)} />}
        {overlay === 'shortcuts' && <ShortcutSheet onClose={() => setOverlay(null)} />}
        {notice !== null && (
          <div className="notice">
            <ErrorBanner error={notice} />
            <button type="button" className="link" onClick={() => setNotice(null)}>
              {t('top.dismiss')}
            </button>
          </div>
        )}
        {/* The screen itself is the page's main landmark (the sidebar and top bar are its navigation and banner). */}
        <main className="content" aria-label={current ? t(`nav.${current.id}`) : undefined}>
          {view === 'people' && <PeopleScreen key={jumps} />}
          {view === 'workspace' && <WorkspaceOverview workspace={workspace} />}
          {view === 'import' && <ImportScreen key={jumps} />}
          {view === 'calibration' && <CalibrationScreen key={jumps} />}
          {view === 'succession' && <SuccessionScreen key={jumps} />}
          {view === 'insights' && <InsightsScreen key={jumps} />}
          {view === 'settings' && <SettingsScreen />}
          {current && !current.ready && (
            <div className="empty-state">
              <h2>{t(`nav.${current.id}`)}</h2>
              <p>{t('nav.comingSoon')}</p>
            </div>
          )}
        </main>
      </div>
    </div>
  )
}
