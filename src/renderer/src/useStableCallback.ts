import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * A function whose identity never changes but which always runs the latest `callback`: passed to a memoised child,
 * it lets the child skip a render when nothing it shows changed (at 50,000 people a skipped render of the grid is
 * most of a move's time). Not for calling during render: it sees the callback of the last committed render.
 */
export function useStableCallback<Args extends unknown[], Result>(
  callback: (...args: Args) => Result,
): (...args: Args) => Result {
  const latest = useRef(callback)
  useLayoutEffect(() => {
    latest.current = callback
  })
  return useCallback((...args: Args) => latest.current(...args), [])
}
