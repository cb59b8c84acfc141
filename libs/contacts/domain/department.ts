/** A name as compared: case and white space do not make another department or organisation. */
const comparable = (name: string | null | undefined): string => (name ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * Which department a contact belongs to, for counting: "Claims" and "claims " are one department,
 * while the same name at two organisations is two. null when the contact names no department.
 */
export const departmentKey = (organisation: string | null | undefined, department: string | null | undefined): string | null =>
  comparable(department) === '' ? null : JSON.stringify([comparable(organisation), comparable(department)]);
