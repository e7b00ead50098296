import { describe, expect, it } from '@jest/globals';
import { migratedManagedFields } from '../../src/sync/csa-migration.js';
import type { K8sObject } from '../../src/manifests/types.js';

const live = (managedFields: unknown[]): K8sObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', managedFields } });

describe('client-side apply ownership migration', () => {
  it('moves kubectl client-side apply and before-first-apply fields to wavesync, keeping other managers', () => {
    const out = migratedManagedFields(
      live([
        { manager: 'kubectl-client-side-apply', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } },
        { manager: 'before-first-apply', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:b': {} } } },
        { manager: 'kube-controller-manager', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} } },
      ]),
    );
    expect(out).toHaveLength(2);
    expect(out![0].manager).toBe('kube-controller-manager');
    expect(out![1]).toMatchObject({ manager: 'wavesync', operation: 'Apply', fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } } });
  });

  it('merges into an existing wavesync Apply entry', () => {
    const out = migratedManagedFields(
      live([
        { manager: 'wavesync', operation: 'Apply', fieldsV1: { 'f:data': { 'f:x': {} } } },
        { manager: 'kubectl-client-side-apply', operation: 'Update', fieldsV1: { 'f:data': { 'f:y': {} } } },
      ]),
    );
    expect(out).toEqual([expect.objectContaining({ manager: 'wavesync', fieldsV1: { 'f:data': { 'f:x': {}, 'f:y': {} } } })]);
  });

  it('does nothing when no client-side manager owns fields', () => {
    expect(migratedManagedFields(live([{ manager: 'wavesync', operation: 'Apply', fieldsV1: {} }]))).toBeNull();
    expect(migratedManagedFields(live([]))).toBeNull();
  });
});
