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
  const setBlindPeople = useAppStore((s) => s.setBlindPeople)
  useEffect(() => {
    setOpenSession(sessionId)
    return () => {
      setOpenSession(null)
      setBlindPeople(null)
    }
  }, [sessionId, setOpenSession, setBlindPeople])
  // A blind session tells Find the names its grid shows (the pseudonyms), and Find looks among those alone.
  const blindPeople = view?.blind ? view.placements : null
  useEffect(() => setBlindPeople(blindPeople), [blindPeople, setBlindPeople])
  const landed = useRef(false)
  useEffect(() => {
    if (!view || found === null || landed.current) return
    landed.current = true
    const person = view.placements.find((p) => p.employeeId === found)
    if (!person) return
    if (view.placements.filter((p) => p.box === person.box).length > crowdedFrom) openBox(person.box)
    // Their card or dot when the grid draws them (a crowded box's table scrolls to them itself), else the grid.
    const spot =
      document.querySelector(`.nine-box [data-employee="${CSS.escape(person.employeeId)}"]`) ??
      document.querySelector('.nine-box')
    spot?.scrollIntoView({ block: 'center' })
  }, [view, found, crowdedFrom, openBox])
  return found
}
