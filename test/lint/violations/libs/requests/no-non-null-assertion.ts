export const firstOf = (names: Map<string, string>): string => names.get('first')!;
