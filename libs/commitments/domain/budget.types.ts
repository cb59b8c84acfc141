/** The inputs and outputs of the budget arithmetic (see budget.ts for the rules). */
export interface BudgetRequirement {
  requirementId: string;
  estimateHours: number;
}

export interface BudgetBaseline {
  baselineId: string;
  /** Optional display name, used only in the reason sentences. */
  name?: string;
  requirements: BudgetRequirement[];
}

export interface BudgetCommitment {
  commitmentId: string;
  estimateHours: number;
  requirementIds: string[];
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
  overrunHours: number;
  outsideRequirementsHours: number;
  exposureHours: number;
  remainingReserveHours: number;
}

/** Tolerance for comparing sums of decimal hours. */
export const HOURS_EPSILON = 1e-9;

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
