/** `--name value` options and positional words, nothing more. */
export class CliArguments {
  readonly positional: string[] = [];
  private readonly options = new Map<string, string>();

  constructor(argv: string[]) {
    for (let i = 0; i < argv.length; i++) {
      const word = argv[i];
      if (!word.startsWith('--')) this.positional.push(word);
      else if (word.includes('=')) this.options.set(word.slice(2, word.indexOf('=')), word.slice(word.indexOf('=') + 1));
      else this.options.set(word.slice(2), argv[i + 1]?.startsWith('--') === false ? argv[++i] : 'true');
    }
  }

  option(name: string): string | undefined {
    return this.options.get(name);
  }

  required(name: string): string {
    const value = this.options.get(name);
    if (value === undefined || value === 'true') throw new Error(`--${name} is required`);
    return value;
  }
}
