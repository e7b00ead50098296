// A step is a run of consecutive tasks with the same phase and wave.
import type { Step, Task } from './types.js';

export function toSteps(ordered: Task[]): Step[] {
  const steps: Step[] = [];
  for (const t of ordered) {
    const last = steps[steps.length - 1];
    if (last && last.phase === t.phase && last.wave === t.wave) last.tasks.push(t);
    else steps.push({ phase: t.phase, wave: t.wave, tasks: [t] });
  }
  return steps;
}
