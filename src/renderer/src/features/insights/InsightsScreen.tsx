import { useT } from '../../i18n'
import { FlightRisk } from './FlightRisk'
import { LeadingIndicator } from './LeadingIndicator'
import { LearningGoalMap } from './LearningGoalMap'
import { PersonJourney } from './PersonJourney'
import { ProgramTrend } from './ProgramTrend'
import { TalentDensity } from './TalentDensity'
import { TeamHeatmap } from './TeamHeatmap'

/** Insights: questions about what learning goes with, answered with the numbers and the records behind them. */
export function InsightsScreen(): React.JSX.Element {
  const { t } = useT()
  return (
    <div className="insights">
      <h1>{t('insights.title')}</h1>
      <ProgramTrend />
      <LeadingIndicator />
      <TeamHeatmap />
      <TalentDensity />
      <FlightRisk />
      <PersonJourney />
      <LearningGoalMap />
    </div>
  )
}
