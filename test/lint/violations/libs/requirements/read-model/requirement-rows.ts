export const requirementRows = 'rows inside requirements';
