// kubectl's ApplySet label and annotation keys (KEP-3659), shared by the planner and the inventory.
export const APPLYSET_ID_LABEL = 'applyset.kubernetes.io/id';
export const PART_OF_LABEL = 'applyset.kubernetes.io/part-of';
export const TOOLING_ANNOTATION = 'applyset.kubernetes.io/tooling';
export const GROUP_KINDS_ANNOTATION = 'applyset.kubernetes.io/contains-group-kinds';
export const NAMESPACES_ANNOTATION = 'applyset.kubernetes.io/additional-namespaces';
