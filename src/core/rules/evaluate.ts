import type { RuleCondition } from '../../shared/contract/rules'
import { daysBetween } from '../dates'
import { english, message, type Message } from '../../shared/i18n/translate'
import { skillKey } from '../skills/normalise'

/** What the rules can see about one person; every field names the record it came from. */
export interface PersonFacts {
  employeeId: string
  name: string
  hireDate: string | null
  /** Current levels by skill name (see core/skills/skillLevels.ts), with the record behind each. */
  skills: ReadonlyMap<string, { level: number; basis: string; basisText?: Message }>
  /** The latest review, normalised to 1–5. */
  rating: { value: number; cycle: string; raw: number; scale: string } | null
  /** From the most recent calibration session. */
  box: number | null
  flags: readonly string[]
  certifications: readonly { title: string; validUntil: string | null }[]
}

export type ConditionResult = { holds: true; why: string } | { holds: false }
export type ConditionExplained = { holds: true; why: Message } | { holds: false }

/** Whether one condition holds for a person, and if so why, in words that name the data (English). */
export function evaluateCondition(
  condition: RuleCondition,
  facts: PersonFacts,
  asOf: string,
): ConditionResult {
  const result = explainCondition(condition, facts, asOf)
  return result.holds ? { holds: true, why: english(result.why) } : { holds: false }
}

/** As `evaluateCondition`, with the reason as a message for the user's language. */
export function explainCondition(
  condition: RuleCondition,
  facts: PersonFacts,
  asOf: string,
): ConditionExplained {
  switch (condition.type) {
    case 'competencyBelow': {
      // A gap is something a review or an assessment found: with no evidence of the skill at all, the person is not
      // "below" it (a remediation rule would otherwise enrol everyone whose job never needed the skill).
      const held = [...facts.skills].find(([name]) => skillKey(name) === skillKey(condition.skill))?.[1]
      return held && held.level < condition.threshold
        ? {
            holds: true,
            why: message('succession.rules.why.competencyBelow', {
              skill: condition.skill,
              level: held.level,
              threshold: condition.threshold,
              basis: held.basisText ?? held.basis,
            }),
          }
        : { holds: false }
    }
    case 'ratingAtLeast': {
      if (!facts.rating || facts.rating.value < condition.rating) return { holds: false }
      const years = facts.hireDate ? daysBetween(facts.hireDate, asOf) / 365.25 : 0
      if (years <= condition.minTenureYears) return { holds: false }
      const rated = {
        raw: facts.rating.raw,
        scale: facts.rating.scale,
        cycle: facts.rating.cycle,
        rating: condition.rating,
      }
      return {
        holds: true,
        why:
          condition.minTenureYears > 0
            ? message('succession.rules.why.ratedTenure', {
                ...rated,
                years: Math.floor(years * 10) / 10,
                hired: facts.hireDate ?? '',
                minYears: condition.minTenureYears,
              })
            : message('succession.rules.why.rated', rated),
      }
    }
    case 'flag':
      return facts.flags.includes(condition.code)
        ? { holds: true, why: message('succession.rules.why.flag', { code: condition.code }) }
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
            why: message('succession.rules.why.certificationExpiring', {
              title: expiring.title,
              date: expiring.validUntil ?? '',
              count: condition.withinDays,
            }),
          }
        : { holds: false }
    }
    case 'inBox':
      return facts.box === condition.box
        ? { holds: true, why: message('succession.rules.why.inBox', { box: condition.box }) }
        : { holds: false }
  }
}

/** All conditions must hold; returns the reasons, one per condition, or null when the rule does not match. */
export function matchRule(
  conditions: readonly RuleCondition[],
  facts: PersonFacts,
  asOf: string,
): string[] | null {
  return explainRule(conditions, facts, asOf)?.map(english) ?? null
}

/** As `matchRule`, with the reasons as messages for the user's language. */
export function explainRule(
  conditions: readonly RuleCondition[],
  facts: PersonFacts,
  asOf: string,
): Message[] | null {
  const why: Message[] = []
  for (const condition of conditions) {
    const result = explainCondition(condition, facts, asOf)
    if (!result.holds) return null
    why.push(result.why)
  }
  return why
}
