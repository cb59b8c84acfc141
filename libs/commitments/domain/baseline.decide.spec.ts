import { foldEvents } from '@cf/core';
import { specification } from '@test/decider-specification.js';
import type { BaselineApproved } from '@cf/projects';
import { budgetDecider } from './budget.decide.js';
import type { ApproveBaseline } from './commitments.commands.js';

const spec = specification(budgetDecider);
const at = '2025-03-01T09:00:00.000Z';
const ann = { userId: 'u-ann', name: 'Ann Manager' };
const P = 'p-1';

const r1 = { requirementId: 'req-1', key: 'R1', revision: 2, estimateHours: 40.1 };
const r2 = { requirementId: 'req-2', key: 'R2', revision: 1, estimateHours: 30.2 };
const baselineV1: BaselineApproved = {
  type: 'BaselineApproved',
  data: {
    projectId: P,
    baselineId: 'b-1',
    name: 'V1',
    approvedBy: ann,
    countersignedById: 'c-boss',
    requirements: [r1, r2],
    totalHours: 70.3,
    at,
  },
};

const boss = { id: 'c-boss', projectId: P, canApproveScope: true, name: 'Bea Boss' };
const approve = (overrides: Partial<ApproveBaseline> = {}): ApproveBaseline => ({
  type: 'ApproveBaseline',
  projectId: P,
  baselineId: 'b-1',
  name: 'V1',
  countersignedById: 'c-boss',
  countersignedBy: boss,
  requirements: [r1, r2],
  at,
  actor: ann,
  ...overrides,
});

describe('baselines on the budget stream', () => {
  describe('ApproveBaseline', () => {
    it('freezes the live requirements with their total', () => {
      spec.given([]).when(approve()).then([baselineV1]);
    });

    it('rounds the total to two decimals', () => {
      const thirds = [
        { requirementId: 'a', key: 'R1', revision: 1, estimateHours: 0.1 },
        { requirementId: 'b', key: 'R2', revision: 1, estimateHours: 0.2 },
      ];
      spec
        .given([])
        .when(approve({ requirements: thirds }))
        .then([{ ...baselineV1, data: { ...baselineV1.data, requirements: thirds, totalHours: 0.3 } }]);
    });

    it('keeps every baseline and remembers the latest', () => {
      const v2: BaselineApproved = {
        ...baselineV1,
        data: { ...baselineV1.data, baselineId: 'b-2', name: 'V2', requirements: [r1], totalHours: 40.1 },
      };
      const state = foldEvents(budgetDecider, [baselineV1, v2]);
      expect(state.baselines.map((b) => b.name)).toEqual(['V1', 'V2']);
      expect(state.baseline).toEqual({ baselineId: 'b-2', name: 'V2', requirements: [{ requirementId: 'req-1', estimateHours: 40.1 }] });
      expect(state.projectEvents).toBe(2);
    });

    it('reports a countersigner who does not exist', () => {
      const error = spec
        .given([])
        .when(approve({ countersignedBy: null }))
        .thenThrows('NOT_FOUND');
      expect(error.details).toEqual({ entity: 'Contact', id: 'c-boss', field: 'countersignedById' });
    });

    it('rejects a countersigner of another project', () => {
      spec
        .given([])
        .when(approve({ countersignedBy: { ...boss, projectId: 'p-2' } }))
        .thenThrows('NOT_FOUND');
    });

    it('rejects a countersigner who cannot approve scope', () => {
      spec
        .given([])
        .when(approve({ countersignedBy: { ...boss, canApproveScope: false } }))
        .thenThrows('RULE_VIOLATED', 'countersignerCanApproveScope');
    });

    it('rejects an empty baseline', () => {
      spec
        .given([])
        .when(approve({ requirements: [] }))
        .thenThrows('RULE_VIOLATED', 'baselineNotEmpty');
    });

    it('rejects a name already used in this project, whatever its case', () => {
      spec
        .given([baselineV1])
        .when(approve({ baselineId: 'b-2', name: ' v1 ' }))
        .thenThrows('RULE_VIOLATED', 'baselineNameUnique', 'name');
    });

    it('rejects a baseline id already used', () => {
      spec
        .given([baselineV1])
        .when(approve({ name: 'V2' }))
        .thenThrows('RULE_VIOLATED', 'alreadyExists');
    });

    it('rejects an empty name, a negative estimate and a requirement listed twice', () => {
      expect(
        spec
          .given([])
          .when(approve({ name: '' }))
          .thenThrows('BAD_USER_INPUT').details.field,
      ).toBe('name');
      spec
        .given([])
        .when(approve({ requirements: [{ ...r1, estimateHours: -1 }] }))
        .thenThrows('BAD_USER_INPUT');
      spec
        .given([])
        .when(approve({ requirements: [r1, r1] }))
        .thenThrows('BAD_USER_INPUT');
    });
  });
});
