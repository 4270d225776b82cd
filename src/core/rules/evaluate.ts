import type { RuleCondition } from '../../shared/contract/rules'
import { daysBetween } from '../dates'
import { skillKey } from '../skills/normalise'

/** What the rules can see about one person; every field names the record it came from. */
export interface PersonFacts {
  employeeId: string
  name: string
  hireDate: string | null
  /** Current levels by skill name (see core/skills/skillLevels.ts), with the record behind each. */
  skills: ReadonlyMap<string, { level: number; basis: string }>
  /** The latest review, normalised to 1–5. */
  rating: { value: number; cycle: string; raw: number; scale: string } | null
  /** From the most recent calibration session. */
  box: number | null
  flags: readonly string[]
  certifications: readonly { title: string; validUntil: string | null }[]
}

export type ConditionResult = { holds: true; why: string } | { holds: false }

/** Whether one condition holds for a person, and if so why, in words that name the data. */
export function evaluateCondition(
  condition: RuleCondition,
  facts: PersonFacts,
  asOf: string,
): ConditionResult {
  switch (condition.type) {
    case 'competencyBelow': {
      // A gap is something a review or an assessment found: with no evidence of the skill at all, the person is not
      // "below" it (a remediation rule would otherwise enrol everyone whose job never needed the skill).
      const held = [...facts.skills].find(([name]) => skillKey(name) === skillKey(condition.skill))?.[1]
      return held && held.level < condition.threshold
        ? { holds: true, why: `${condition.skill} ${held.level} < ${condition.threshold} (${held.basis})` }
        : { holds: false }
    }
    case 'ratingAtLeast': {
      if (!facts.rating || facts.rating.value < condition.rating) return { holds: false }
      const years = facts.hireDate ? daysBetween(facts.hireDate, asOf) / 365.25 : 0
      if (years <= condition.minTenureYears) return { holds: false }
      return {
        holds: true,
        why: `rated ${facts.rating.raw} on ${facts.rating.scale} in ${facts.rating.cycle} (≥ ${condition.rating} on 1–5)${condition.minTenureYears > 0 ? `, ${Math.floor(years * 10) / 10} years since hire ${facts.hireDate} (> ${condition.minTenureYears})` : ''}`,
      }
    }
    case 'flag':
      return facts.flags.includes(condition.code)
        ? { holds: true, why: `flagged ${condition.code} in the latest calibration session` }
        : { holds: false }
    case 'certificationExpiring': {
      const expiring = facts.certifications.find(
        (c) =>
          c.validUntil !== null &&
          c.validUntil >= asOf &&
          daysBetween(asOf, c.validUntil) <= condition.withinDays,
      )
      return expiring
        ? {
            holds: true,
            why: `${expiring.title} expires on ${expiring.validUntil} (within ${condition.withinDays} days)`,
          }
        : { holds: false }
    }
    case 'inBox':
      return facts.box === condition.box
        ? { holds: true, why: `in box ${condition.box} in the latest calibration session` }
        : { holds: false }
  }
}

/** All conditions must hold; returns the reasons, one per condition, or null when the rule does not match. */
export function matchRule(
  conditions: readonly RuleCondition[],
  facts: PersonFacts,
  asOf: string,
): string[] | null {
  const why: string[] = []
  for (const condition of conditions) {
    const result = evaluateCondition(condition, facts, asOf)
    if (!result.holds) return null
    why.push(result.why)
  }
  return why
}
