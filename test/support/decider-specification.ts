import type { Decider } from '@cf/core';
import { DomainError } from '@cf/core';

/**
 * Given-events / when-command / then-events specs for deciders:
 *
 *   spec(decider).given([e1, e2]).when(command).then([e3]);
 *   spec(decider).given([e1]).when(command).thenThrows('RULE_VIOLATED', 'ruleName', 'fieldName');
 *
 * Assertions use the test runner's global `expect`, so a spec fails like any other test.
 */
export const specification = <Command, Event, State>(decider: Decider<Command, Event, State>) => ({
  given: (events: Event[]) => ({
    when: (command: Command) => {
      const run = (): Event[] => {
        const state = events.reduce(decider.evolve, decider.initialState());
        return decider.decide(command, state);
      };
      return {
        then: (expected: Event[]): void => {
          expect(run()).toEqual(expected);
        },
        /** `field`, where given, is the input the refusal names: a portal marks it. */
        thenThrows: (code: DomainError['code'], rule?: string, field?: string): DomainError => {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          const domainError = caught as DomainError;
          expect(domainError.code).toBe(code);
          if (rule !== undefined) expect(domainError.details.rule).toBe(rule);
          if (field !== undefined) expect(domainError.details.field).toBe(field);
          return domainError;
        },
      };
    },
  }),
});
