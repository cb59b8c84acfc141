import { specification } from './decider-specification.js';
import { type Decider, DomainError } from '@cf/core';

type Counted = { type: 'Counted'; data: { by: number } };
const counter: Decider<{ by: number }, Counted, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command, total) => {
    if (total + command.by > 10) throw DomainError.ruleViolated('atMostTen', 'the total may not pass 10');
    return [{ type: 'Counted', data: { by: command.by } }];
  },
};

describe('decider specification', () => {
  it('folds the given events before deciding', () => {
    specification(counter)
      .given([{ type: 'Counted', data: { by: 4 } }])
      .when({ by: 6 })
      .then([{ type: 'Counted', data: { by: 6 } }]);
  });

  it('reports the rule a command broke', () => {
    const error = specification(counter)
      .given([{ type: 'Counted', data: { by: 9 } }])
      .when({ by: 2 })
      .thenThrows('RULE_VIOLATED', 'atMostTen');
    expect(error.message).toContain('10');
  });
});
