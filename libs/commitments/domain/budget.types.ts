/** The inputs and outputs of the budget arithmetic (see budget.ts for the rules). */
export interface BudgetRequirement {
  requirementId: string;
  estimateHours: number;
}

/** Never changed once built: a new baseline is a new object (its estimates are looked up by identity). */
export interface BudgetBaseline {
  readonly baselineId: string;
  /** Optional display name, used only in the reason sentences. */
  readonly name?: string;
  readonly requirements: readonly Readonly<BudgetRequirement>[];
}

export interface BudgetCommitment {
  commitmentId: string;
  estimateHours: number;
  requirementIds: string[];
}

/** What a commitment draws on: its estimate over the requirements it links. */
export interface Drawn {
  readonly estimateHours: number;
  readonly requirementIds: readonly string[];
}

export interface BudgetInputs {
  budgetHours: number;
  /** The latest approved baseline, or null when none is approved yet. */
  baseline: BudgetBaseline | null;
  /** Active = not REJECTED nor WITHDRAWN (DELIVERED, APPROVED, PENDING_APPROVAL all count). */
  activeCommitments: BudgetCommitment[];
}

export interface BudgetView {
  budgetHours: number;
  baselineHours: number;
  reserveHours: number;
  /** The part of the baseline its active commitments promise (each requirement up to its estimate). */
  promisedBaselineHours: number;
  overrunHours: number;
  outsideRequirementsHours: number;
  exposureHours: number;
  remainingReserveHours: number;
}

/** Where one commitment's hours go against a baseline: per baseline requirement, or outside. */
export interface Draw {
  outsideHours: number;
  loads: ReadonlyMap<string, number>;
}

/** What a set of active commitments draws, summed: the budget picture without the budget itself. */
export interface Exposure {
  outsideHours: number;
  /** Hours committed per baseline requirement. */
  committed: ReadonlyMap<string, number>;
}

/** The budget numbers a commitment was judged on, as they stood just before it. */
export interface BudgetAtDecision {
  budgetHours: number;
  baselineHours: number;
  reserveHours: number;
  remainingReserveHours: number;
}

export interface BudgetClassification {
  outsideRequirements: boolean;
  outsideBudget: boolean;
  exceedsBudgetByHours: number;
  drawHours: number;
  budgetAtDecision: BudgetAtDecision;
}
