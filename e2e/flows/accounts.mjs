// The people the flows act as. Only ADMIN exists at the start (made with the
// CLI); every other account is created by a flow through a real invitation,
// which is why the flows depend on each other's steps.

export const ACCOUNTS = {
  ADMIN: { email: 'admin@e2e.test', name: 'E2E Beheer', password: 'e2e-admin-wachtwoord' },
  SWV_ADMIN: { email: 'swv-admin@e2e.test', name: 'Sanne SWV', password: 'swv-wachtwoord-123' },
  // newPassword: set by the password reset flow and used from then on.
  DIRECTOR: {
    email: 'directeur@e2e.test',
    name: 'Dirk Directeur',
    password: 'directeur-wachtwoord-1',
    newPassword: 'directeur-nieuw-wachtwoord-2',
  },
  TEAM_MEMBER: { email: 'teamlid@e2e.test', name: 'Tim Teamlid', password: 'teamlid-wachtwoord-12' },
  MR_MEMBER: { email: 'mr@e2e.test', name: 'Mila MR', password: 'mr-lid-wachtwoord-123' },
  BOARD_MEMBER: { email: 'bestuur@e2e.test', name: 'Bas Bestuur', password: 'bestuur-wachtwoord-12' },
};

// A well-formed reset token that was never issued.
export const UNKNOWN_TOKEN = '0'.repeat(64);
