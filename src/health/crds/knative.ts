// Knative (serving, eventing, messaging, sources): every object reports Ready, True/False/Unknown.
import type { K8sObject } from '../../manifests/types.js';
import type { GroupRule } from './index.js';
import { byReady, staleGeneration } from './conditions.js';

export const knativeGroupRule: GroupRule = {
  matches: (group) => group.endsWith('.knative.dev'),
  rule: (obj: K8sObject) => staleGeneration(obj) ?? byReady(obj, `waiting for the ${obj.kind} to be ready`),
};
