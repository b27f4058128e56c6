// The branch's inspection scorecard: placeholder until the screen is built.
export function ScorecardScreen() {
  return <main id="main" />;
}
