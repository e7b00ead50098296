// The step's failure message when nothing was applied because of problems found first.
export function refusal(problems: number, inInputs: number): string {
  const s = problems === 1 ? '' : 's';
  if (inInputs === 0) return `${problems} validation error${s} in the manifests; nothing was applied`;
  return `${problems} problem${s} in the inputs or manifests; nothing was applied`;
}
