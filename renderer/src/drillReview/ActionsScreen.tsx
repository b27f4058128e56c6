// Improvement actions (stub: being built).
export function ActionsScreen() {
  return <h1>actions</h1>;
}
