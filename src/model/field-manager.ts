// The field manager of every write wavesync makes. The client-side-apply migration moves
// `kubectl apply`'s ownership to this exact name, so there must be only one.
export const FIELD_MANAGER = 'wavesync';
