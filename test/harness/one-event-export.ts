import { GENESIS_HASH, chainHash } from '@cf/event-store';

const opened = { stream: 'project-p1', revision: 0, type: 'ProjectOpened', schemaVersion: 1, data: { projectId: 'p1' } };
const metadata = { actor: { userId: 'ada', name: 'Ada' }, occurredAt: '2024-01-01T00:00:00.000Z', correlationId: 'c1' };

/** The line of an export that holds one event, its chain whole: the smallest file import takes. */
export const oneEventExportLine = JSON.stringify({
  position: '1',
  ...opened,
  metadata,
  prevHash: GENESIS_HASH,
  hash: chainHash({ ...opened, metadata }, GENESIS_HASH),
});
