export const harness = 'a test harness';
