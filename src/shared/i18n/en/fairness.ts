export const fairness = {
  attribute: {
    gender: 'Gender',
    ageBand: 'Age band',
    workPattern: 'Work pattern',
    ethnicity: 'Ethnicity',
    location: 'Location',
  },
  /** The attribute inside a sentence ("differs by work pattern"). */
  attributeInText: {
    gender: 'gender',
    ageBand: 'age band',
    workPattern: 'work pattern',
    ethnicity: 'ethnicity',
    location: 'location',
  },
  /** Groups the app names itself (the rest are the workspace's own values). */
  group: { notRecorded: 'Not recorded', under30: 'Under 30', over50: '50 and over' },
  outcome: {
    'high-performance': 'Rated high performance',
    'top-boxes-before': 'Top boxes as the data placed them (before calibration)',
    'top-boxes-after': 'Top boxes after calibration',
    'hidden-gem': 'Flagged as a hidden gem',
  },
  outcomeInText: {
    'high-performance': 'rated high performance',
    'top-boxes-before': 'top boxes as the data placed them (before calibration)',
    'top-boxes-after': 'top boxes after calibration',
    'hidden-gem': 'flagged as a hidden gem',
  },
  metric: {
    rating: 'Performance rating (1–5)',
    agility: 'Learning agility index (0–100)',
    skillGrowth: 'Agility: skill levels gained per year (rank)',
    assessment: 'Agility: assessment mastery and improvement (rank)',
    breadth: 'Agility: breadth of recent learning (rank)',
    stretch: 'Agility: stretch programmes (rank)',
  },
  strength: { none: 'none', small: 'small', medium: 'medium', large: 'large' },
  ordinal: { st: '{n}st', nd: '{n}nd', rd: '{n}rd', th: '{n}th' },
  finding: {
    nobody: 'Nobody in a shown group could be selected.',
    everyone: 'Every shown group is selected at {percent}% or more of the rate of {reference}.',
    unlikely:
      "{group}: {selected} of {n} ({rate}%), {ratio}% of {reference}'s rate, unlikely to be chance (p = {p})",
    chance: "{group}: {selected} of {n} ({rate}%), {ratio}% of {reference}'s rate, could be chance (p = {p})",
    join: '{first}; {rest}',
  },
  warning: {
    impact:
      "{attribute}, {outcome}: {group} {selected} of {n} ({rate}%), {ratio}% of {reference}'s rate, unlikely to be chance (p = {p}).",
    gap: '{low} ranks lower (mean {lowRank} percentile vs {highRank} for {high}; η² {eta2})',
    drives:
      '{metric} drives the learning agility gap by {attribute}: {gap}. Check that it measures learning, not available hours or opportunity.',
    differs:
      '{metric} differs by {attribute}: {gap}; the agility index {index}. Check that it measures learning, not available hours or opportunity.',
    indexOtherWay: 'differs the other way',
    indexHardly: 'hardly does (η² {eta2})',
    chance: {
      one: '{count} further group result(s) fall below four fifths but could be chance (p ≥ 0.05): marked in the tables.',
      other:
        '{count} further group result(s) fall below four fifths but could be chance (p ≥ 0.05): marked in the tables.',
    },
  },
  method: {
    suppressed:
      'Groups with fewer than {n} people are shown as "<{n}" and left out of ratios and correlations; they stay in the population each other group is tested against.',
    adverseImpact:
      "Adverse impact: each group's selection rate over the highest rate of any shown group. Under {fourFifths} fails the four-fifths rule.",
    significance:
      "Significance: Fisher's exact test (two-sided) of the group against everyone else in the session. Under {small} people a ratio can move a lot with one person, so read the p-value; p < 0.05 is unlikely to be chance.",
    counted:
      'Top boxes and hidden gems count people placed on the grid; high performance counts everyone rated in the cycle.',
    eta2: "Metric audit: η² is the share of a metric's variance that lies between the groups (0.01 small, 0.06 medium, 0.14 large, after Cohen). With two groups the correlation is its signed root (second group minus first).",
    drives:
      'A component "drives" an agility disparity when the index differs between groups and the component differs in the same direction: the same group is lowest on both.',
  },
  panel: {
    title: 'Fairness audit',
    running: 'Running the audit…',
    back: '← Back to the grid',
    notePrefix: 'Sensitive attributes are shown here only · groups under 4 people show as “<4” ·',
    fourFifthsRule: 'the four-fifths rule',
    topBoxes: '· top boxes {boxes}',
    export: 'Export for the works council',
    notUsed: 'Not audited, as not tagged for the fairness audit (Workspace ▸ Field purposes): {attributes}.',
    noAttributes:
      'No sensitive attribute is recorded for anyone in this session: import gender, age band, work pattern or ethnicity with the people file to audit by them.',
    findings: 'Findings',
    noFinding: 'No finding needs a look.',
    attributeTabs: 'Attribute',
    adverseImpact: 'Adverse impact',
    showAsTables: 'Show as tables',
    distributionHeading: 'Boxes, flags and scores by group',
    distributionTable: 'Distribution by group',
    metricsHeading: 'Calibration metrics by group',
    metricTable: 'Metric audit',
    howComputed: 'How these numbers are computed',
    small: ' (small)',
  },
  col: {
    group: 'Group',
    people: 'People',
    selected: 'Selected',
    rate: 'Rate',
    ratioTo: 'Ratio to {reference}',
    best: 'best',
    fisher: 'p (Fisher)',
    box: 'Box {box}',
    boxTitle: 'before → after calibration',
    held: 'Held',
    meanRating: 'Mean rating',
    meanAgility: 'Mean agility',
    hiddenGems: 'Hidden gems',
    metric: 'Metric',
    groupMeans: 'Group means',
    strength: 'Strength',
    note: 'Note',
  },
  chart: {
    label: "{outcome}: ratio of each group's rate to {reference}'s",
    bestGroup: 'the best group',
  },
} as const
