/**
 * A requirement is reported on under "key: title", so a gap names the requirement as the baseline
 * does. Keys hold no colon (REQUIREMENT_KEY_PATTERN): the key is what precedes the first ": ".
 */
export const requirementSubjectTitle = (key: string, title: string): string => `${key}: ${title}`;

/** The subject's title after its requirement was renamed: the key stays, the title follows. */
export const renamedRequirementTitle = (subjectTitle: string, title: string): string => {
  const separator = subjectTitle.indexOf(': ');
  return separator < 0 ? title : requirementSubjectTitle(subjectTitle.slice(0, separator), title);
};
