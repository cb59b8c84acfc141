import { categoryOfStream } from '@cf/core';
import type { Projection } from '@cf/event-store';
import { projectChurn } from './churn.apply.js';
import { churnSessionVoided, migrateChurnSessions } from './churn-sessions.apply.js';
import { projectContactCoverage } from './contact-coverage.apply.js';
import { projectRequestCounts } from './request-counts.apply.js';
import { migrateContactDayTables, projectSessionDays } from './session-days.apply.js';

/**
 * The dashboard's summary rows, moved event by event so that the dashboard query reads a
 * handful of rows per project however long its history (docs/dashboards.md defines each figure).
 * Commitment figures are the commitments context's own counters: it judges them.
 * The per-entity tables hold only what is needed to take an entity's old contribution back.
 */
export const dashboardsProjection: Projection = {
  name: 'dashboards',
  // 4: a developer's contact days count each calendar day once, however many sessions fall on it; a voided session is no churn trigger
  // 5: a department is named by the contact in it longest of those it has now, not by one who left it
  version: 5,
  tables: [
    'dashboard_counters',
    'dashboard_projects',
    'dashboard_requests',
    'dashboard_contact_days',
    'dashboard_contact_day_parts',
    'dashboard_contacts',
    'dashboard_departments',
    'dashboard_response_times',
    'dashboard_sessions',
    'dashboard_churn_sessions',
  ],
  migrate: async (db) => {
    await db.schema
      .createTable('dashboard_counters')
      .ifNotExists()
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('counter', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('dashboard_counters_pk', ['project_id', 'counter'])
      .execute();
    await db.schema
      .createTable('dashboard_projects')
      .ifNotExists()
      .addColumn('project_id', 'text', (c) => c.primaryKey())
      .addColumn('baseline_at', 'text')
      .execute();
    await db.schema
      .createTable('dashboard_requests')
      .ifNotExists()
      .addColumn('request_id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .addColumn('responded', 'integer', (c) => c.notNull())
      .addColumn('declined', 'integer', (c) => c.notNull())
      .addColumn('first_response_hours', 'double precision')
      .addColumn('response_bucket', 'integer')
      .execute();
    // How many first responses took exactly this long: the median walks one bucket's distinct times.
    await db.schema
      .createTable('dashboard_response_times')
      .ifNotExists()
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('bucket', 'integer', (c) => c.notNull())
      .addColumn('hours', 'double precision', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('dashboard_response_times_pk', ['project_id', 'bucket', 'hours'])
      .execute();
    await migrateContactDayTables(db);
    await migrateChurnSessions(db);
    await db.schema
      .createTable('dashboard_sessions')
      .ifNotExists()
      .addColumn('session_id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('days', 'double precision', (c) => c.notNull())
      .addColumn('developer_ids', 'text', (c) => c.notNull())
      .addColumn('contact_ids', 'text', (c) => c.notNull())
      .addColumn('voided', 'integer', (c) => c.notNull())
      .execute();
    // Members' stays are the projects context's (project_member_stays); version 3 kept a copy here.
    await db.schema.dropTable('dashboard_memberships').ifExists().execute();
    await db.schema
      .createTable('dashboard_contacts')
      .ifNotExists()
      .addColumn('contact_id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('organisation', 'text')
      .addColumn('department', 'text')
      .addColumn('department_key', 'text')
      .addColumn('department_since', 'bigint')
      .addColumn('sessions', 'integer', (c) => c.notNull())
      .addColumn('forgotten', 'integer', (c) => c.notNull())
      .execute();
    // A department's contacts, to name it after one leaves.
    await db.schema
      .createIndex('dashboard_contacts_by_department')
      .ifNotExists()
      .on('dashboard_contacts')
      .columns(['project_id', 'department_key'])
      .execute();
    await db.schema
      .createTable('dashboard_departments')
      .ifNotExists()
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('department_key', 'text', (c) => c.notNull())
      .addColumn('organisation', 'text')
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('contacts', 'integer', (c) => c.notNull())
      .addColumn('attended', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('dashboard_departments_pk', ['project_id', 'department_key'])
      .execute();
  },
  keys: {
    dashboard_counters: ['project_id', 'counter'],
    dashboard_projects: ['project_id'],
    dashboard_requests: ['request_id'],
    dashboard_contact_days: ['project_id', 'month', 'user_id'],
    dashboard_contact_day_parts: ['project_id', 'user_id', 'date'],
    dashboard_contacts: ['contact_id'],
    dashboard_departments: ['project_id', 'department_key'],
    dashboard_response_times: ['project_id', 'bucket', 'hours'],
    dashboard_sessions: ['session_id'],
    dashboard_churn_sessions: ['session_id', 'position'],
  },
  project: async (rows, recorded) => {
    const category = categoryOfStream(recorded.stream);
    switch (category) {
      case 'request':
        return projectRequestCounts(rows, recorded);
      case 'project':
        return projectChurn(rows, recorded);
      case 'budget':
      case 'requirement':
        return projectChurn(rows, recorded);
      case 'contact':
        return projectContactCoverage(rows, recorded);
      case 'session':
        await projectSessionDays(rows, recorded);
        if (recorded.type === 'ContactSessionCorrected' && typeof recorded.data.voided === 'boolean') {
          await churnSessionVoided(rows, String(recorded.data.sessionId), recorded.data.voided);
        }
        return;
    }
  },
};
