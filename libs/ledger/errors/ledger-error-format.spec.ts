import { ledgerErrorFormat } from './format-error.js';

const withoutSuggestions = ledgerErrorFormat({ introspection: false });
const validation = (message: string) =>
  withoutSuggestions({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, undefined).message;

describe('ledgerErrorFormat with introspection off', () => {
  it("leaves graphql-js's suggestions out, in each of their shapes", () => {
    expect(validation('Cannot query field "totalCont" on type "ProjectConnection". Did you mean "totalCount"?')).toBe(
      'Cannot query field "totalCont" on type "ProjectConnection".',
    );
    expect(validation('Unknown type "Projec". Did you mean "Project" or "Projects"?')).toBe('Unknown type "Projec".');
    expect(validation('Cannot query field "x" on type "Q". Did you mean "a", "b", or "c"?')).toBe('Cannot query field "x" on type "Q".');
    expect(validation('Value "OPN" does not exist in "Status" enum. Did you mean the enum value "OPEN"?')).toBe(
      'Value "OPN" does not exist in "Status" enum.',
    );
  });

  it('never cuts words the client sent, which some messages echo', () => {
    const echoed =
      'Variable "$input" got invalid value { name: "Did you mean the portal? It said so", budgetHour: 1 }; Field "budgetHour" is not defined by type "OpenProjectInput". Did you mean "budgetHours"?';
    expect(validation(echoed)).toBe(
      'Variable "$input" got invalid value { name: "Did you mean the portal? It said so", budgetHour: 1 }; Field "budgetHour" is not defined by type "OpenProjectInput".',
    );
    expect(validation('A note: "Did you mean it?"')).toBe('A note: "Did you mean it?"');
  });
});
