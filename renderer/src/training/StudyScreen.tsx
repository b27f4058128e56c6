// Self-study quizzes (stub: being built).
export function StudyScreen() {
  return <h1>study</h1>;
}
