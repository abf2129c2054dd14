import { oneOf } from './validate';

/**
 * Tags that make a transition lab's notes useful afterwards: who said it at which level of
 * government, and which kind of actor must act (docs/domain.md, "Stakeholder mapping").
 * Stored by code, never by label, so EN/PL wording can change without touching docs.
 */
export const GOVERNANCE_LEVELS = ['eu', 'national', 'regional', 'local', 'other'] as const;
export type GovernanceLevel = (typeof GOVERNANCE_LEVELS)[number];

export const ACTOR_TYPES = ['public-authority', 'business', 'knowledge-institution', 'civil-society', 'citizens'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export function isGovernanceLevel(value: unknown): value is GovernanceLevel {
  return oneOf(GOVERNANCE_LEVELS, value);
}

export function isActorType(value: unknown): value is ActorType {
  return oneOf(ACTOR_TYPES, value);
}
