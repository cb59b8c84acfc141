import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { repositoryPath } from '../harness/repository-path.js';

/**
 * The lint is only a guard rail if it fails: each file of test/lint/violations breaks one rule,
 * named in its file name, and that rule (and only a rule of that name) must fire on it.
 */
const VIOLATIONS = repositoryPath('test/lint/violations');
const ruleFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? ruleFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
const ruleOf = (file: string): string => basename(file, '.ts').replace(/-[ab]$/, '');

const DEPENDENCY_RULES = [
  'core-imports-nothing-of-ours',
  'store-imports-no-context',
  'plumbing-imports-no-context',
  'domain-is-pure',
  'libs-never-import-apps',
  'production-never-imports-tests',
  'contexts-through-their-public-face',
  'no-cycles',
];
const CODE_RULES: Record<string, string> = {
  'own-tables': 'read-models/own-tables',
  'no-floating-promises': '@typescript-eslint/no-floating-promises',
  'no-non-null-assertion': '@typescript-eslint/no-non-null-assertion',
  'no-explicit-any': '@typescript-eslint/no-explicit-any',
};

describe('npm run lint', () => {
  it('has a deliberate violation for every dependency rule and every code rule under test', () => {
    const named = new Set(ruleFiles(VIOLATIONS).map(ruleOf));
    for (const rule of [...DEPENDENCY_RULES, ...Object.keys(CODE_RULES)]) expect(named).toContain(rule);
    const { forbidden } = createRequire(import.meta.url)(repositoryPath('.dependency-cruiser.cjs')) as { forbidden: { name: string }[] };
    expect(forbidden.map((rule) => rule.name).sort()).toEqual([...DEPENDENCY_RULES].sort());
  });

  it('fails each dependency rule on its violation', async () => {
    const { forbidden, options } = createRequire(import.meta.url)(repositoryPath('.dependency-cruiser.cjs'));
    const result = await cruise(['libs', 'apps', 'test'], {
      ...options,
      baseDir: VIOLATIONS,
      tsConfig: undefined,
      validate: true,
      ruleSet: { forbidden },
    });
    if (typeof result.output === 'string') throw new Error(result.output);
    const found = result.output.summary.violations.map((violation) => `${violation.rule.name} ${violation.from}`);
    // A cycle is reported once, from either end; the layers overlap (core is plumbing too).
    const expected = ruleFiles(VIOLATIONS)
      .filter((file) => DEPENDENCY_RULES.includes(ruleOf(file)) && !file.endsWith('-b.ts'))
      .map((file) => `${ruleOf(file)} ${relative(VIOLATIONS, file)}`);
    expect(found).toEqual(expect.arrayContaining(expected));
    const violating = new Set(found.map((violation) => violation.split(' ')[1]));
    expect([...violating].every((file) => DEPENDENCY_RULES.includes(ruleOf(file)))).toBe(true);
  });

  it('fails each code rule on its violation', async () => {
    const eslint = new ESLint({ cwd: repositoryPath('.'), ignore: false });
    const results = await eslint.lintFiles([VIOLATIONS]);
    const fired = new Map(results.map((result) => [basename(result.filePath, '.ts'), result.messages.map((message) => message.ruleId)]));
    for (const [file, rule] of Object.entries(CODE_RULES)) expect({ file, fired: fired.get(file) }).toEqual({ file, fired: [rule] });
  }, 120_000);
});
