// A script reads no variables of its own; server layers list theirs here.
export const appEnv = {};
