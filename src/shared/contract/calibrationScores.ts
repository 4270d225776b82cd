import { z } from 'zod'
import { messageSchema } from '../i18n/translate'

/** What calibration computes for a person: levels, scores, flags and the records behind them. */
export const boxNumber = z.number().int().min(1).max(9)
export const level = z.enum(['low', 'moderate', 'high'])
export type Level = z.output<typeof level>

/** One record behind a number: what it is, its date and value, so the user can check the number by hand. */
export const evidence = z.object({
  /** `placement`: a box a person was given, in a finalized session or computed from a cycle's ratings. */
  kind: z.enum(['review', 'competency', 'learning', 'move', 'reviewer', 'placement']),
  id: z.number().int().nullable(),
  date: z.string().nullable(),
  label: z.string(),
  value: z.string(),
  /** The label and value as messages, for the user's language (`label` and `value` are the English). */
  labelText: messageSchema.optional(),
  valueText: messageSchema.optional(),
})
export type Evidence = z.output<typeof evidence>

export const flagCode = z.enum([
  'COMPLIANCE_GAP',
  'EXPIRED_CERTIFICATION',
  'RATING_EVIDENCE_MISMATCH',
  'RATER_LENIENCY',
  'RATER_SEVERITY',
  'HIDDEN_GEM',
  'MISCAST_TALENT',
  'STALE_EVIDENCE',
  'MOVED_AGAINST_EVIDENCE',
  /** Two boxes or more since the previous cycle, or into or out of box 9 or box 1 (see previousPlacement.ts). */
  'BIG_MOVER',
])
export type FlagCode = z.output<typeof flagCode>

/** A flag as the grid shows it; `calibration.person` and the exports add the records behind it. */
export const flagSummary = z.object({
  code: flagCode,
  severity: z.enum(['high', 'medium', 'info']),
  rationale: z.string(),
  /** The rationale as a message, for the user's language (absent from snapshots written before it). */
  text: messageSchema.optional(),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  note: z.string().nullable(),
})
export type FlagSummary = z.output<typeof flagSummary>

export const flag = flagSummary.extend({ evidence: z.array(evidence) })
export type Flag = z.output<typeof flag>

/** The session-wide values the flags were judged against, so one person's flags can be explained on their own. */
export const flagContext = z.object({
  asOf: z.string(),
  /** Start of the review period (the cycle's start, else a year before asOf). */
  periodStart: z.string(),
  /** End of the review period (the cycle's end, else asOf); absent from sessions without assessment results. */
  periodEnd: z.string().optional(),
  /** Agility index at or above which a person is in the session's top share; null when nobody has an index. */
  agilityTopCut: z.number().nullable(),
  /** Median normalised rating (1–5) of the session. */
  medianRating: z.number(),
  /**
   * Assessment-result percentile (0–100) at or above which a person without an agility index is in the session's
   * top share (the hidden-gem rule on thin evidence); null or absent when nobody has assessment results.
   */
  assessmentTopCut: z.number().nullable().optional(),
  staleEvidenceMonths: z.number(),
  /** asOf minus staleEvidenceMonths. */
  staleSince: z.string(),
  /**
   * The potential scores (agility, assessment or blend; not a manager's rating, which is cut on its scale) where
   * moderate and high begin in this session: someone just either side of one is on a box edge. Absent when nobody
   * reaches the cut, and from sessions computed before they were kept.
   */
  potentialCuts: z
    .object({ moderateFrom: z.number().optional(), highFrom: z.number().optional() })
    .optional(),
})
export type FlagContext = z.output<typeof flagContext>

export const axisScore = z.object({
  level,
  /** The number the level was cut from: normalised rating (1–5) or potential score (0–100). */
  value: z.number().nullable(),
  explanation: z.string(),
  explanationText: messageSchema.optional(),
  evidence: z.array(evidence),
})
export type AxisScore = z.output<typeof axisScore>

export const agilityComponentKey = z.enum(['skillGrowth', 'assessment', 'breadth', 'stretch'])
export type AgilityComponentKey = z.output<typeof agilityComponentKey>

/** One agility component of a person: its raw value, its rank in the session and its weight in the index. */
export const agilityRank = z.object({
  key: agilityComponentKey,
  label: z.string(),
  raw: z.number().nullable(),
  /** Mid-rank percentile within the session (0–1); null when the person has no evidence for it. */
  rank: z.number().nullable(),
  weight: z.number(),
})

/** Where an axis puts a person (the grid's view); `calibration.person` explains it with the records behind it. */
export const axisPlacement = z.object({ level, value: z.number().nullable() })
export type AxisPlacement = z.output<typeof axisPlacement>

export const agilityPlacement = z.object({
  /** 0–100, or null for "insufficient evidence". */
  index: z.number().nullable(),
  /**
   * Each component's mid-rank percentile in the session (0–1, null without evidence), in the order skill growth,
   * assessment, breadth, stretch; `calibration.person` gives them with values, weights and records.
   */
  ranks: z.array(z.number().nullable()).length(4),
})
export type AgilityPlacement = z.output<typeof agilityPlacement>

export const agilityScore = z.object({
  index: z.number().nullable(),
  explanation: z.string(),
  explanationText: messageSchema.optional(),
  components: z.array(
    agilityRank.extend({
      explanation: z.string(),
      explanationText: messageSchema.optional(),
      evidence: z.array(evidence),
    }),
  ),
})
export type AgilityScore = z.output<typeof agilityScore>

/** Where potential can come from: the agility index, the manager's potential rating, or assessment results. */
export const potentialSourceKey = z.enum(['agility', 'manager', 'assessment'])
export type PotentialSourceKey = z.output<typeof potentialSourceKey>

/** A person's assessment results in the cycle's period, ranked within the session. */
export const assessmentPlacement = z.object({
  /** Mid-rank percentile (0–100) of the person's mean assessment result among everyone in the session with one. */
  percentile: z.number(),
  /** How many assessment results it rests on (one result is evidence too, and the explanations say so). */
  results: z.number().int(),
})
export type AssessmentPlacement = z.output<typeof assessmentPlacement>

export const holdingReason = z.enum(['too-new', 'not-rated', 'insufficient-evidence'])

/** What came with a manager's proposed box: the levels when given in words, who proposed it and their comment. */
export const proposalDetail = z.object({
  performance: level.nullable(),
  potential: level.nullable(),
  /** The proposer by name (a manager pseudonym in blind mode); null when nobody is named. */
  by: z.string().nullable(),
  /** The proposer's employee ID when known (null in blind mode). */
  byId: z.string().nullable(),
  comment: z.string().nullable(),
})
export type ProposalDetail = z.output<typeof proposalDetail>

export const placement = z.object({
  personId: z.number().int(),
  employeeId: z.string(),
  /** The real name, or the session pseudonym in blind mode. */
  name: z.string(),
  pseudonym: z.string(),
  managerId: z.string().nullable(),
  /**
   * The manager's name as people read it (a colleague's full name, or the name a file gave for a manager outside the
   * workspace); a manager pseudonym in blind mode. Absent from snapshots written before.
   */
  managerName: z.string().nullable().optional(),
  department: z.string().nullable(),
  location: z.string().nullable(),
  jobLevel: z.number().nullable(),
  /** The job title for the grid's cards; null in blind mode (absent from snapshots made before). */
  jobTitle: z.string().nullable().optional(),
  computedBox: boxNumber,
  box: boxNumber,
  /** `placed`: placed by hand from the holding area (computedBox is then the box they were placed in). */
  source: z.enum(['computed', 'moved', 'placed']),
  performance: axisPlacement,
  /**
   * `basis` says what the potential value came from: agility, the manager's rating, assessment results, a blend of
   * two of them, or `hand` — placed by hand from the holding area (no value: the box is the meeting's judgement).
   */
  potential: axisPlacement.extend({ basis: z.enum(['agility', 'manager', 'blend', 'assessment', 'hand']) }),
  agility: agilityPlacement,
  /** Assessment results in the cycle's period, when the person has any. */
  assessment: assessmentPlacement.optional(),
  /** Set when the data could not place the person and the meeting placed them by hand: why they were held. */
  heldFor: holdingReason.optional(),
  flags: z.array(flagSummary),
  discussed: z.boolean(),
  /**
   * The person's box in the previous cycle (the view's `previousCycle`): their final box in the latest finalized
   * session of that cycle, else the box its ratings give; null when neither. Absent from views that do not say.
   */
  previousBox: boxNumber.nullable().optional(),
  /** The finalized session the previous box is from (see the view's `previousSessions`); null when computed. */
  previousFrom: z.string().nullable().optional(),
  /**
   * In a roll-up, the child session that placed the person (their starting box is its final box, see the view's
   * `rollupOf`); null or absent elsewhere.
   */
  fromSession: z.string().nullable().optional(),
  /**
   * The box the person's manager proposed before the meeting (the view's `proposals` says from where); null when
   * nobody proposed one. Absent from views that do not say.
   */
  proposedBox: boxNumber.nullable().optional(),
  /** What came with the proposal: the levels when given in words, who proposed it and their comment. */
  proposal: proposalDetail.nullable().optional(),
})
export type Placement = z.output<typeof placement>

export const heldPerson = z.object({
  personId: z.number().int(),
  employeeId: z.string(),
  name: z.string(),
  pseudonym: z.string(),
  department: z.string().nullable(),
  reason: holdingReason,
  explanation: z.string(),
  explanationText: messageSchema.optional(),
  flags: z.array(flagSummary),
  /** A manager's proposal for someone the data could not place: where the meeting may start (see placement). */
  proposedBox: boxNumber.nullable().optional(),
  proposal: proposalDetail.nullable().optional(),
})
export type HeldPerson = z.output<typeof heldPerson>

export const raterFinding = z.object({
  reviewerId: z.string(),
  code: z.enum(['RATER_LENIENCY', 'RATER_SEVERITY']),
  rated: z.number().int(),
  mean: z.number(),
  z: z.number(),
  rationale: z.string(),
  rationaleText: messageSchema.optional(),
})
export type RaterFinding = z.output<typeof raterFinding>

/** One way out of the holding area for a group of people held for the same reason. */
export const holdingAction = z.discriminatedUnion('kind', [
  /** Take potential from another source: re-places the whole session in one undoable step. */
  z.object({
    kind: z.literal('source'),
    source: potentialSourceKey,
    /** How many of the group it would place. */
    places: z.number().int(),
  }),
  /** Import records of a kind (the Import screen, with the kind chosen). */
  z.object({
    kind: z.literal('import'),
    importKind: z.enum(['reviews', 'learning']),
    what: z.enum(['ratings', 'potential-ratings', 'assessments']),
  }),
  /** Put people into a box one by one, with a reason (a logged, undoable move). */
  z.object({ kind: z.literal('place-by-hand') }),
])
export type HoldingAction = z.output<typeof holdingAction>

/** The holding area as a to-do list: people grouped by why they are held, with what resolves it. */
export const holdingGroup = z.object({
  reason: holdingReason,
  count: z.number().int(),
  /** What the group has in common, in English; `text` is the same for the user's language. */
  summary: z.string(),
  text: messageSchema,
  actions: z.array(holdingAction),
})
export type HoldingGroup = z.output<typeof holdingGroup>
