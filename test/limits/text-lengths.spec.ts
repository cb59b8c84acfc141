import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataStorage } from 'class-validator';

/**
 * README ("Limits"): titles 200 and texts 20,000 characters. Every input type of every slice is
 * loaded and each text field's @Length read back, so a new slice (or a slip such as a reason cut
 * at 2,000) cannot hold a field to another limit than the one the README promises.
 */
const TEXTS = new Set(['reason', 'note', 'notes', 'message', 'resolution', 'text', 'description']);
const TITLES = new Set(['title', 'summary', 'name', 'customerName', 'key', 'organisation', 'department']);
/** Labels of their own, which README names apart (a webhook's description is a short label). */
const APART: Record<string, number> = { 'RegisterWebhookInput.description': 500 };

/** A class an input file exports. */
type InputClass = new (...args: never[]) => unknown;

const inputFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return inputFiles(path);
    return entry.name.endsWith('.input.ts') ? [path] : [];
  });

describe('text limits of every input', () => {
  const longest = new Map<string, number>();

  beforeAll(async () => {
    const root = join(process.cwd(), 'libs');
    const classes: InputClass[] = [];
    for (const file of inputFiles(root)) {
      const loaded = (await import(`../../${relative(process.cwd(), file)}`)) as Record<string, unknown>;
      classes.push(...Object.values(loaded).filter((value): value is InputClass => typeof value === 'function'));
    }
    for (const target of classes) {
      for (const rule of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
        if (rule.name === 'isLength') longest.set(`${target.name}.${rule.propertyName}`, rule.constraints[1] as number);
      }
    }
  });

  it('finds the input types (so the checks below check something)', () => {
    expect(longest.size).toBeGreaterThan(40);
    expect(longest.get('ChangeBudgetInput.reason')).toBeDefined();
  });

  it('holds every text to 20,000 characters and every title to 200, as README says', () => {
    const off: string[] = [];
    for (const [field, max] of longest) {
      const name = field.split('.')[1];
      const promised = APART[field] ?? (TEXTS.has(name) ? 20_000 : TITLES.has(name) ? 200 : undefined);
      if (promised !== undefined && max !== promised) off.push(`${field}: ${max} (README: ${promised})`);
    }
    expect(off).toEqual([]);
  });
});
