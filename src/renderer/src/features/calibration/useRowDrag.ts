import { useRef, useState } from 'react'

/** The nine-box group under a point (the grid marks each box's group with data-box). */
function boxUnder(x: number, y: number): { box: number; rect: Element | null } | null {
  const group = document.elementFromPoint(x, y)?.closest('[data-box]')
  if (!group) return null
  return { box: Number(group.getAttribute('data-box')), rect: group.querySelector('rect') }
}

/**
 * Dragging a row onto the grid: the ghost (the person's name) follows the pointer by style alone and the box under it
 * is marked by a class, so a drag renders nothing in React until the drop.
 */
export function useRowDrag(
  locked: boolean,
  onDrop: (employeeId: string, box: number) => void,
): {
  ghost: React.RefObject<HTMLDivElement | null>
  who: string | null
  start: (e: React.PointerEvent, employeeId: string, name: string) => void
} {
  const ghost = useRef<HTMLDivElement>(null)
  const [who, setWho] = useState<string | null>(null)
  const start = (e: React.PointerEvent, employeeId: string, name: string): void => {
    if (locked || e.button !== 0) return
    const from = { x: e.clientX, y: e.clientY }
    let started = false
    let marked: Element | null = null
    const mark = (rect: Element | null): void => {
      if (marked === rect) return
      marked?.classList.remove('box-drop-target')
      rect?.classList.add('box-drop-target')
      marked = rect
    }
    const move = (m: PointerEvent): void => {
      if (!started && Math.hypot(m.clientX - from.x, m.clientY - from.y) < 5) return
      const el = ghost.current
      if (!el) return
      if (!started) {
        started = true
        el.textContent = name
        el.style.display = 'block'
        setWho(employeeId)
      }
      el.style.transform = `translate(${m.clientX + 12}px, ${m.clientY + 8}px)`
      mark(boxUnder(m.clientX, m.clientY)?.rect ?? null)
    }
    const up = (u: PointerEvent): void => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      mark(null)
      if (ghost.current) ghost.current.style.display = 'none'
      setWho(null)
      if (!started) return
      const target = boxUnder(u.clientX, u.clientY)
      if (target) onDrop(employeeId, target.box)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }
  return { ghost, who, start }
}
