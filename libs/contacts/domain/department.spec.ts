import { departmentKey } from './department.js';

describe('departmentKey', () => {
  it('is the same department whatever the case and the spaces, within one organisation', () => {
    expect(departmentKey('Northwind', 'Claims')).toBe(departmentKey(' northwind ', 'claims '));
    expect(departmentKey('Northwind', 'IT Account Management')).toBe(departmentKey('Northwind', 'IT account  management'));
  });

  it('tells the same department name at two organisations apart', () => {
    expect(departmentKey('Northwind', 'Claims')).not.toBe(departmentKey('ACME', 'Claims'));
    expect(departmentKey(undefined, 'Claims')).not.toBe(departmentKey('ACME', 'Claims'));
  });

  it('is null without a department', () => {
    expect(departmentKey('ACME', null)).toBeNull();
    expect(departmentKey('ACME', '  ')).toBeNull();
  });
});
