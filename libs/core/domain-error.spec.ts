import { DomainError } from './domain-error.js';

describe('DomainError.notFound', () => {
  it('echoes an id as given, and a long one cut short to 100 characters', () => {
    expect(DomainError.notFound('Project', 'p-1')).toMatchObject({ message: 'Project p-1 does not exist', details: { id: 'p-1' } });
    const long = DomainError.notFound('Project', 'x'.repeat(900_000));
    expect(long.message.length).toBeLessThan(130);
    expect(long.details).toEqual({ entity: 'Project', id: `${'x'.repeat(100)}…` });
  });
});
