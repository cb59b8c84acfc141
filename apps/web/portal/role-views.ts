import type { Role, View } from './board.js';
import { approvalQueueView } from './views/approval-queue.js';
import { budgetView } from './views/budget-view.js';
import { contactDaysView } from './views/contact-days.js';
import { customerCommitmentsView, customerRequestsView } from './views/customer-views.js';
import { firstResponsesView } from './views/first-responses.js';
import { flaggedCommitmentsView } from './views/flagged-commitments.js';
import { perceptionGapsView } from './views/perception-gaps.js';
import { requirementChurnView } from './views/requirement-churn.js';
import { statusToldView } from './views/status-told.js';
import { uncontactedDepartmentsView } from './views/uncontacted-departments.js';

/** What the team reads, most pressing first. */
const TEAM_VIEWS: View[] = [
  budgetView,
  approvalQueueView,
  flaggedCommitmentsView,
  perceptionGapsView,
  requirementChurnView,
  contactDaysView,
  uncontactedDepartmentsView,
  firstResponsesView,
];

/** A customer's own view: nothing internal is even asked for. */
const CUSTOMER_VIEWS: View[] = [customerCommitmentsView, statusToldView, customerRequestsView];

export const viewsFor = (role: Role): View[] => (role === 'CUSTOMER' ? CUSTOMER_VIEWS : TEAM_VIEWS);
