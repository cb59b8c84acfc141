import type { View } from '../board.js';
import { UNCONTACTED_DEPARTMENTS } from '../documents/contact.js';
import { h } from '../elements.js';

interface DepartmentsData {
  dashboard: { uncontactedDepartments: string[] };
  contacts: { forgotten: boolean }[];
}

/**
 * Stakeholder coverage: departments no developer has met in a contact session. An empty list
 * means every department was met only when the project remembers a contact: without one there
 * is no department to meet, and saying all were met would hide that nobody was registered.
 */
export const uncontactedDepartmentsView: View<DepartmentsData> = {
  id: 'uncontacted-departments',
  title: 'Departments never met',
  load: ({ client, projectId }) => client.request<DepartmentsData>(UNCONTACTED_DEPARTMENTS, { projectId }),
  render: ({ dashboard: { uncontactedDepartments }, contacts }) => {
    if (!contacts.some((contact) => !contact.forgotten))
      return h('p', { class: 'quiet' }, 'The project has no contacts yet, so no department to meet.');
    if (uncontactedDepartments.length === 0) return h('p', { class: 'good' }, 'Every department with a contact has been met in person.');
    return h(
      'div',
      {},
      h('p', {}, 'No contact of these departments has attended a contact session:'),
      h('ul', { class: 'departments' }, ...uncontactedDepartments.map((department) => h('li', {}, department))),
    );
  },
};
