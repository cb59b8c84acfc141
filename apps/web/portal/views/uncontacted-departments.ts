import type { View } from '../board.js';
import { UNCONTACTED_DEPARTMENTS } from '../documents/contact.js';
import { h } from '../elements.js';

interface DepartmentsData {
  dashboard: { uncontactedDepartments: string[] };
}

/** Stakeholder coverage: departments no developer has met in a contact session. */
export const uncontactedDepartmentsView: View<DepartmentsData> = {
  id: 'uncontacted-departments',
  title: 'Departments never met',
  load: ({ client, projectId }) => client.request<DepartmentsData>(UNCONTACTED_DEPARTMENTS, { projectId }),
  render: ({ dashboard: { uncontactedDepartments } }) =>
    uncontactedDepartments.length === 0
      ? h('p', { class: 'good' }, 'Every department with a contact has been met in person.')
      : h(
          'div',
          {},
          h('p', {}, 'No contact of these departments has attended a contact session:'),
          h('ul', { class: 'departments' }, ...uncontactedDepartments.map((department) => h('li', {}, department))),
        ),
};
