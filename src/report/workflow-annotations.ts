// Annotations as workflow commands (::error file=…,line=…::), for when no check run can be made.
import * as core from './runner.js';
import type { Annotation } from './annotations.js';

/** GitHub shows at most this many annotations of each kind per step. */
export const SHOWN_PER_KIND = 10;

/** Emits the first SHOWN_PER_KIND of each level (the list is already most important first). */
export function emitWorkflowAnnotations(list: Annotation[]): { emitted: number; omitted: number } {
  const used = { failure: 0, warning: 0, notice: 0 };
  let emitted = 0;
  for (const a of list) {
    if (used[a.level] >= SHOWN_PER_KIND) continue;
    used[a.level]++;
    emitted++;
    const props: core.AnnotationProperties = { title: a.title };
    if (a.path) {
      props.file = a.path;
      props.startLine = a.line;
    }
    const emit = a.level === 'failure' ? core.error : a.level === 'warning' ? core.warning : core.notice;
    emit(a.message, props);
  }
  const omitted = list.length - emitted;
  if (omitted > 0) core.info(`${omitted} more annotations are listed in the job summary.`);
  return { emitted, omitted };
}
