import { Module } from '@nestjs/common';
import { ProjectsModule } from '@cf/projects';
import { ApproveCommitmentHandler } from './approve-commitment/approve-commitment.handler.js';
import { ApproveCommitmentResolver } from './approve-commitment/approve-commitment.resolver.js';
import { ApproveBaselineHandler } from './approve-baseline/approve-baseline.handler.js';
import { ApproveBaselineResolver } from './approve-baseline/approve-baseline.resolver.js';
import { ChangeBudgetHandler } from './change-budget/change-budget.handler.js';
import { ChangeBudgetResolver } from './change-budget/change-budget.resolver.js';
import { BudgetDecisions } from './decision/budget-decisions.js';
import { idsOfKindWithoutStream } from '@cf/ledger';
import { commitmentsReadModel } from './read-model/commitments.read-model.js';
import { CommitmentFieldsResolver, CoveringChangeOrderResolver } from './show-commitment-standing/show-commitment-standing.resolver.js';
import { DeliverCommitmentHandler } from './deliver-commitment/deliver-commitment.handler.js';
import { DeliverCommitmentResolver } from './deliver-commitment/deliver-commitment.resolver.js';
import { GetCommitmentHandler } from './get-commitment/get-commitment.handler.js';
import { GetCommitmentResolver } from './get-commitment/get-commitment.resolver.js';
import { ListCommitmentsHandler } from './list-commitments/list-commitments.handler.js';
import { ListCommitmentsResolver } from './list-commitments/list-commitments.resolver.js';
import { MakeCommitmentHandler } from './make-commitment/make-commitment.handler.js';
import { MakeCommitmentResolver } from './make-commitment/make-commitment.resolver.js';
import { ProjectBudgetResolver } from './show-project-budget/show-project-budget.resolver.js';
import { RejectCommitmentHandler } from './reject-commitment/reject-commitment.handler.js';
import { RejectCommitmentResolver } from './reject-commitment/reject-commitment.resolver.js';
import { RequestAuthorityResolver } from './show-request-authority/show-request-authority.resolver.js';
import { RequestCommitmentsResolver } from './list-commitments-of-request/list-commitments-of-request.resolver.js';
import { ReviseCommitmentHandler } from './revise-commitment/revise-commitment.handler.js';
import { ReviseCommitmentResolver } from './revise-commitment/revise-commitment.resolver.js';
import { WithdrawCommitmentHandler } from './withdraw-commitment/withdraw-commitment.handler.js';
import { WithdrawCommitmentResolver } from './withdraw-commitment/withdraw-commitment.resolver.js';

@Module({
  imports: [ProjectsModule],
  providers: [
    BudgetDecisions,
    idsOfKindWithoutStream('commitment', (readModels, id) => commitmentsReadModel(readModels).commitment(id)),
    ChangeBudgetHandler,
    ChangeBudgetResolver,
    ApproveBaselineHandler,
    ApproveBaselineResolver,
    MakeCommitmentHandler,
    MakeCommitmentResolver,
    ApproveCommitmentHandler,
    ApproveCommitmentResolver,
    RejectCommitmentHandler,
    RejectCommitmentResolver,
    ReviseCommitmentHandler,
    ReviseCommitmentResolver,
    WithdrawCommitmentHandler,
    WithdrawCommitmentResolver,
    DeliverCommitmentHandler,
    DeliverCommitmentResolver,
    ListCommitmentsHandler,
    ListCommitmentsResolver,
    GetCommitmentHandler,
    GetCommitmentResolver,
    CommitmentFieldsResolver,
    CoveringChangeOrderResolver,
    ProjectBudgetResolver,
    RequestCommitmentsResolver,
    RequestAuthorityResolver,
  ],
})
export class CommitmentsModule {}
