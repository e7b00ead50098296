// Any object being deleted is Progressing ("pending deletion"), whatever its kind or its status says.
import { deployment } from '../fixtures.js';
import { c, cr, T, type Case } from './case.js';

const deleting = { deletionTimestamp: '2024-05-01T11:00:00Z', finalizers: ['shop.example.com/drain'] };

export const DELETION: Case[] = [
  {
    name: 'ConfigMap being deleted, with a finalizer',
    object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop', ...deleting }, data: { mode: 'blue' } },
    status: 'Progressing',
    words: ['pending deletion', 'shop.example.com/drain'],
  },
  {
    name: 'available Deployment being deleted',
    object: deployment(
      { observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
      {},
      { deletionTimestamp: '2024-05-01T11:00:00Z' },
    ),
    status: 'Progressing',
    words: ['pending deletion'],
  },
  {
    name: 'ready Certificate being deleted',
    object: cr('cert-manager.io/v1', 'Certificate', { conditions: [c('Ready', T, 'Ready', 'Certificate is up to date')] }, { secretName: 'tls' }, deleting),
    status: 'Progressing',
    words: ['pending deletion', 'blocked by finalizers'],
  },
];
