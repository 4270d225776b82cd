import { useEffect, useRef, useState } from 'react'
import type { CalibrationView } from '../../../../shared/contract'
import { jumpFor, useAppStore } from '../../stores/appStore'

/**
 * Where Find landed in this session: the person it named (selected and highlighted on the grid), whose crowded box
 * is opened as a table once the view arrives. Also tells Find which session is on screen while this one is.
 */
export function useFindLanding(
  sessionId: string,
  view: CalibrationView | null,
  crowdedFrom: number,
  openBox: (box: number) => void,
): string | null {
  const [found] = useState(() => {
    const target = jumpFor('session')
    return target?.sessionId === sessionId ? (target.employeeId ?? null) : null
  })
  const setOpenSession = useAppStore((s) => s.setOpenSession)
  useEffect(() => {
    setOpenSession(sessionId)
    return () => setOpenSession(null)
  }, [sessionId, setOpenSession])
  const landed = useRef(false)
  useEffect(() => {
    if (!view || found === null || landed.current) return
    landed.current = true
    const person = view.placements.find((p) => p.employeeId === found)
    if (!person) return
    if (view.placements.filter((p) => p.box === person.box).length > crowdedFrom) openBox(person.box)
    document.querySelector('svg.nine-box')?.scrollIntoView({ block: 'center' })
  }, [view, found, crowdedFrom, openBox])
  return found
}
