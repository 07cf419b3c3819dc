import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Always a fresh id: an incoming X-Request-Id is attacker-controlled and could
 * forge log lines or collide with another request's id.
 */
export function newRequestId(): string {
  return randomUUID();
}
