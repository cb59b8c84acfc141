import type { CrashProject, Writer } from './crash-project.js';
import * as kinds from './mutations.js';
import type { Mutation, MutationKind } from './mutations.js';
import type { Random } from './seeded-random.js';

/**
 * How often writers send each mutation: mostly the day-to-day ones (requests, requirements,
 * status), many that contend on one stream (the project's budget: commitments, change orders, baselines).
 */
const MIX: readonly [MutationKind, number][] = [
  [kinds.raiseRequest, 14],
  [kinds.respondToRequest, 8],
  [kinds.reviseRequest, 5],
  [kinds.addRequirement, 10],
  [kinds.reviseRequirement, 8],
  [kinds.makeCommitment, 12],
  [kinds.reviseCommitment, 5],
  [kinds.approveCommitment, 4],
  [kinds.reportStatus, 8],
  [kinds.assessStatus, 8],
  [kinds.logContactSession, 4],
  [kinds.registerContact, 3],
  [kinds.changeBudget, 3],
  [kinds.approveBaseline, 2],
  [kinds.openProject, 1],
];
const TOTAL = MIX.reduce((sum, [, weight]) => sum + weight, 0);

const weighted = (random: Random): MutationKind => {
  let left = random.next() * TOTAL;
  for (const [kind, weight] of MIX) {
    left -= weight;
    if (left < 0) return kind;
  }
  return MIX[MIX.length - 1][0];
};

/** The writer's next mutation; kinds with nothing to act on yet are drawn again. */
export const nextMutation = (project: CrashProject, writer: Writer, random: Random, serial: number): Mutation => {
  for (;;) {
    const mutation = weighted(random)(project, writer, random, serial);
    if (mutation) return mutation;
  }
};
