import { boundedText, diffFields, nonNegativeHours, nothingToChange, requiredText, type Decider } from '@cf/core';
import type { AddRequirement, RemoveRequirement, ReviseRequirement } from './requirements.commands.js';
import { REQUIREMENT_TEXT_MAX_LENGTH, REQUIREMENT_TITLE_MAX_LENGTH, requirementErrors } from './requirements.errors.js';
import { type Event, REQUIREMENT_FIELDS, type RequirementFieldChange } from './requirements.events.js';
import { buildTrigger, checkKey } from './requirements.input.js';
import { evolve, initialState, type State } from './requirements.state.js';

export type Command = AddRequirement | ReviseRequirement | RemoveRequirement;

const checkTitle = (title: unknown): string => requiredText('title', title, REQUIREMENT_TITLE_MAX_LENGTH);
/** Kept as written (its layout may matter), but a requirement must say what is required. */
const checkText = (text: unknown): string => {
  const kept = boundedText('text', text, REQUIREMENT_TEXT_MAX_LENGTH);
  requiredText('text', kept);
  return kept;
};
const checkHours = (hours: unknown): number => nonNegativeHours('estimateHours', hours);

/** A requirement that exists and is not removed; returns its project. */
const liveRequirement = (requirementId: string, state: State): string => {
  if (!state.exists || state.projectId === null) throw requirementErrors.notFound(requirementId);
  if (state.removed) throw requirementErrors.finalState();
  return state.projectId;
};

const add = (command: AddRequirement, state: State): Event[] => {
  const key = checkKey(command.key);
  const title = checkTitle(command.title);
  const text = checkText(command.text);
  const estimateHours = checkHours(command.estimateHours);
  // The id follows from the key (requirementIdOfKey): a stream already there is the key taken.
  if (state.exists || command.keyTaken) throw requirementErrors.requirementKeyUnique(key);
  const trigger = buildTrigger(command, command.projectId);
  return [
    {
      type: 'RequirementAdded',
      data: {
        requirementId: command.requirementId,
        projectId: command.projectId,
        key,
        title,
        text,
        estimateHours,
        trigger,
        revision: 1,
        by: { userId: command.actor.userId, name: command.actor.name },
        at: command.at,
      },
    },
  ];
};

const revise = (command: ReviseRequirement, state: State): Event[] => {
  const projectId = liveRequirement(command.requirementId, state);
  const given = {
    title: command.title === undefined ? undefined : checkTitle(command.title),
    text: command.text === undefined ? undefined : checkText(command.text),
    estimateHours: command.estimateHours === undefined ? undefined : checkHours(command.estimateHours),
  };
  const reason = requiredText('reason', command.reason, REQUIREMENT_TEXT_MAX_LENGTH);
  const trigger = buildTrigger(command, projectId);
  const before = { title: state.title, text: state.text, estimateHours: state.estimateHours };
  const changes: RequirementFieldChange[] = diffFields<string | number>(before, given, REQUIREMENT_FIELDS);
  if (changes.length === 0) throw nothingToChange(given, REQUIREMENT_FIELDS, ['a title', 'text', 'estimateHours']);
  return [
    {
      type: 'RequirementRevised',
      data: {
        requirementId: command.requirementId,
        projectId,
        revision: state.revision + 1,
        title: given.title ?? state.title,
        text: given.text ?? state.text,
        estimateHours: given.estimateHours ?? state.estimateHours,
        changes,
        reason,
        trigger,
        by: { userId: command.actor.userId, name: command.actor.name },
        at: command.at,
      },
    },
  ];
};

const remove = (command: RemoveRequirement, state: State): Event[] => {
  const projectId = liveRequirement(command.requirementId, state);
  const reason = requiredText('reason', command.reason, REQUIREMENT_TEXT_MAX_LENGTH);
  const trigger = buildTrigger(command, projectId);
  const by = { userId: command.actor.userId, name: command.actor.name };
  return [
    {
      type: 'RequirementRemoved',
      data: { requirementId: command.requirementId, projectId, reason, revision: state.revision + 1, trigger, by, at: command.at },
    },
  ];
};

export const decide = (command: Command, state: State): Event[] => {
  switch (command.type) {
    case 'AddRequirement':
      return add(command, state);
    case 'ReviseRequirement':
      return revise(command, state);
    case 'RemoveRequirement':
      return remove(command, state);
  }
};

export const requirementsDecider: Decider<Command, Event, State> = { initialState, evolve, decide };
