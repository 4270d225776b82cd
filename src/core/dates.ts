/** Calendar-date helpers on ISO `YYYY-MM-DD` strings, in UTC so a date never shifts with the machine's zone. */
const DAY_MS = 86_400_000

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function parseIsoDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}

export function addDays(iso: string, days: number): string {
  return toIsoDate(new Date(parseIsoDate(iso).getTime() + days * DAY_MS))
}

const twoDigits = (iso: string, at: number): number =>
  (iso.charCodeAt(at) - 48) * 10 + iso.charCodeAt(at + 1) - 48

/**
 * Days since 1970-01-01 of an ISO date, by arithmetic on its digits (Hinnant's days-from-civil): calibration calls
 * this for every rating and record of a session, where building Dates or parsing substrings dominated.
 */
export function dayNumber(iso: string): number {
  const month = twoDigits(iso, 5)
  const year = twoDigits(iso, 0) * 100 + twoDigits(iso, 2) - (month <= 2 ? 1 : 0)
  const era = Math.floor(year / 400)
  const yearOfEra = year - era * 400
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + twoDigits(iso, 8) - 1
  return (
    era * 146_097 +
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear -
    719_468
  )
}

export function daysBetween(fromIso: string, toIso: string): number {
  return dayNumber(toIso) - dayNumber(fromIso)
}
