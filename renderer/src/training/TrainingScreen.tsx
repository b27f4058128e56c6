// The coverage and training dashboard (stub: being built).
export function TrainingScreen() {
  return <h1>training</h1>;
}
