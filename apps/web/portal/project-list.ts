import { h } from './elements.js';

export interface ProjectEntry {
  id: string;
  name: string;
  customerName: string;
}

/** The projects the user belongs to, as links: each opens the project and can be bookmarked. */
export const projectList = (projects: ProjectEntry[], current: string | undefined): HTMLElement =>
  projects.length === 0
    ? h('p', { class: 'quiet' }, 'You are not a member of any project yet.')
    : h(
        'ul',
        { class: 'project-list' },
        ...projects.map((project) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `#project=${encodeURIComponent(project.id)}`, 'aria-current': project.id === current ? 'page' : null },
              project.name,
              h('small', { class: 'block' }, project.customerName),
            ),
          ),
        ),
      );
