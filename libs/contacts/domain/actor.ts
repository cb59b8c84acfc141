/** Who gives a command: the user of the token, as events record them. */
export interface Actor {
  readonly userId: string;
  readonly name: string;
}
