/** The people of the demo story: the team (users) and the customer's side (contacts). */
export const DEMO_PROJECT_ID = '01900000-0000-7000-8000-00000000de30';

export const TEAM = {
  maria: { userId: 'maria', name: 'Maria Manager', role: 'MANAGER' },
  jonas: { userId: 'jonas', name: 'Jonas Developer', role: 'DEVELOPER', since: '2026-03-02' },
  ines: { userId: 'ines', name: 'Ines Auditor', role: 'AUDITOR', since: '2026-03-02' },
} as const;

export const CONTACTS = {
  paula: {
    name: 'Paula Proxy',
    email: 'paula@northwind.example',
    organisation: 'Northwind Insurance',
    department: 'IT Account Management',
    role: 'PROXY',
    canApproveScope: false,
  },
  sven: {
    name: 'Sven Decider',
    email: 'sven@northwind.example',
    organisation: 'Northwind Insurance',
    department: 'Claims',
    role: 'DECISION_MAKER',
    canApproveScope: true,
  },
  erik: {
    name: 'Erik Enduser',
    email: 'erik@northwind.example',
    organisation: 'Northwind Insurance',
    department: 'Claims',
    role: 'END_USER',
    canApproveScope: false,
  },
  fiona: {
    name: 'Fiona Finance',
    email: 'fiona@northwind.example',
    organisation: 'Northwind Insurance',
    department: 'Finance',
    role: 'OTHER',
    canApproveScope: false,
  },
} as const;
