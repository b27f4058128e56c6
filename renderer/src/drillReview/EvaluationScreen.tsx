// A drill's evaluation (stub: being built).
export function EvaluationScreen({ exerciseId }: { exerciseId: string }) {
  return <h1>{exerciseId}</h1>;
}
