import { FlightRisk } from './FlightRisk'
import { LeadingIndicator } from './LeadingIndicator'
import { ProgramTrend } from './ProgramTrend'
import { TalentDensity } from './TalentDensity'

/** Insights: questions about what learning goes with, answered with the numbers and the records behind them. */
export function InsightsScreen(): React.JSX.Element {
  return (
    <div className="insights">
      <h1>Insights</h1>
      <ProgramTrend />
      <LeadingIndicator />
      <TalentDensity />
      <FlightRisk />
    </div>
  )
}
