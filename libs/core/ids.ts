import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

/** New ids are UUIDv7: time-ordered, so streams and pages sort by creation. */
export const newId = (): string => uuidv7();

/** Ids of things recorded before they had ids of their own: the same name always gives the same id. */
const DERIVED_ID_NAMESPACE = '6f1d3c2a-8b4e-4f57-9a0c-2d6e7b1f4a93';
export const derivedId = (name: string): string => uuidv5(name, DERIVED_ID_NAMESPACE);

/** Stream names are `<category>-<id>`. */
export const streamName = (category: StreamCategory, id: string): string => `${category}-${id}`;

/** The kinds of streams; a project's `budget` stream shares the project's id (it holds its commitments). */
export type StreamCategory = 'project' | 'contact' | 'session' | 'request' | 'requirement' | 'budget' | 'status' | 'webhook';

/** A stream's kind: its name up to the first `-` (ids may hold dashes, kinds do not); all of it when there is none. */
export const categoryOfStream = (stream: string): string => {
  const at = stream.indexOf('-');
  return at < 0 ? stream : stream.slice(0, at);
};

/** A stream's id: its name after the first `-`. */
export const idOfStream = (stream: string): string => stream.slice(stream.indexOf('-') + 1);

/** What a stream is the history of, as the API names it (a `budget` stream is its project's budget). */
const ENTITY_OF_CATEGORY: Record<StreamCategory, string> = {
  project: 'Project',
  contact: 'Contact',
  session: 'ContactSession',
  request: 'Request',
  requirement: 'Requirement',
  budget: 'ProjectBudget',
  status: 'StatusReports',
  webhook: 'Webhook',
};

/** Every kind of stream the ledger writes, for checking a stream's name given from outside. */
export const STREAM_CATEGORIES = Object.keys(ENTITY_OF_CATEGORY) as StreamCategory[];

export const isStreamCategory = (category: string): category is StreamCategory => Object.hasOwn(ENTITY_OF_CATEGORY, category);

/** The entity a stream is the history of, and its id; an unknown category names itself. */
export const entityOfStream = (stream: string): { entity: string; id: string } => {
  const category = categoryOfStream(stream);
  return { entity: isStreamCategory(category) ? ENTITY_OF_CATEGORY[category] : category, id: idOfStream(stream) };
};
