// Hook delete policies, as Argo CD spells them (Helm's are mapped onto these).
export const DELETE_POLICIES = ['BeforeHookCreation', 'HookSucceeded', 'HookFailed'] as const;
export type DeletePolicy = (typeof DELETE_POLICIES)[number];
