import { alphabetically, departmentNames } from './department-names.js';

describe('department names on the dashboard', () => {
  it('sorts alphabetically without regard to case or accents, numbers by value, ties in one order', () => {
    const names = ['zoning', 'Billing', 'Ärger', 'HR', 'claims (Other)', 'Team 10', 'Team 9', 'Claims (ACME)', 'hr'];
    expect([...names].sort(alphabetically)).toEqual([
      'Ärger',
      'Billing',
      'Claims (ACME)',
      'claims (Other)',
      'HR',
      'hr',
      'Team 9',
      'Team 10',
      'zoning',
    ]);
  });

  it('names the organisation only where two organisations have a department of that name', () => {
    const row = (organisation: string | null, department: string) => ({
      department_key: JSON.stringify([organisation, department.toLowerCase()]),
      organisation,
      department,
      attended: 0,
    });
    expect(departmentNames([row('ACME', 'Claims'), row('Other', 'claims'), row('ACME', 'Finance')])).toEqual([
      'Claims (ACME)',
      'claims (Other)',
      'Finance',
    ]);
  });
});
