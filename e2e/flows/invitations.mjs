// The chain of invitations that creates the accounts everything else needs:
// platform admin -> SWV admin -> school director. Each link is taken from the
// mail the sink received, as a real person would. All in one browser
// session, logged out between people; logout() checks each time that the
// session really ended, so the next person starts clean.

import { waitForInviteLink } from '../harness/mail.mjs';
import { log } from '../harness/config.mjs';

export default async function invitations(ctx) {
  const { ADMIN, SWV_ADMIN, DIRECTOR } = ctx.accounts;
  const { state, mailFile, port } = ctx;
  const page = await ctx.page('invitations');
  // No <html lang> or overflow expectation here; the tours check those.
  const S = ctx.drive(page);

  return [
    // 1. The platform admin logs in.
    {
      name: '01-admin-login',
      needs: [],
      page,
      run: async () => {
        await S.goto('/inloggen');
        await page.fill('form#login input[name=email]', ADMIN.email);
        await page.fill('form#login input[name=password]', ADMIN.password);
        await S.submit('form#login', 'login');
        S.expectPath('/dashboard');
      },
    },

    // 2. The platform admin invites an SWV admin for PO2707.
    {
      name: '02-invite-swv-admin',
      needs: ['01-admin-login'],
      page,
      run: async () => {
        await S.invite('/organisaties/swv/PO2707/leden', SWV_ADMIN.email, 'swv_admin');
      },
    },

    // 3. The invitation mail arrives with a link.
    {
      name: '03-swv-invite-mail',
      needs: ['02-invite-swv-admin'],
      page,
      run: async () => {
        state.swvLink = await waitForInviteLink(mailFile, SWV_ADMIN.email, port);
      },
    },

    // 4. Log out, accept the invitation as the SWV admin.
    {
      name: '04-swv-admin-accept',
      needs: ['03-swv-invite-mail'],
      page,
      run: async () => {
        await S.logout();
        await S.goto(state.swvLink);
        await S.fillAccept(SWV_ADMIN.name, SWV_ADMIN.password, SWV_ADMIN.password);
        await S.submit('form#accept', 'accept');
        S.expectPath('/dashboard');
        await S.expectText('PO 27-07');
      },
    },

    // 5. The SWV admin invites a director for school 04FZ; the mail arrives.
    {
      name: '05-invite-director',
      needs: ['04-swv-admin-accept'],
      page,
      run: async () => {
        await S.invite('/organisaties/school/04FZ/leden', DIRECTOR.email, 'director');
        state.directorLink = await waitForInviteLink(mailFile, DIRECTOR.email, port);
        await S.logout();
      },
    },

    // 6. A password mismatch on the accept form shows an error and stays put.
    {
      name: '06-accept-password-mismatch',
      needs: ['05-invite-director'],
      page,
      run: async () => {
        await S.goto(state.directorLink);
        const invitePath = new URL(state.directorLink).pathname;
        await S.fillAccept(DIRECTOR.name, DIRECTOR.password, `${DIRECTOR.password}-anders`);
        await S.submit('form#accept', 'accept (mismatch)');
        const p = new URL(page.url()).pathname;
        if (!p.startsWith(invitePath)) throw new Error(`expected to stay on ${invitePath}, got ${page.url()}`);
        const err = page.locator('[role=alert], .field-error');
        if ((await err.count()) === 0) throw new Error('no [role=alert] or .field-error after a password mismatch');
        if (!(await err.first().isVisible())) throw new Error('the [role=alert]/.field-error element is not visible');
        log(`  error shown: ${JSON.stringify((await err.first().innerText()).trim())}`);
      },
    },

    // 7. The director accepts with matching passwords and sees their school.
    // Step 6 may have failed anywhere, so this one does not rely on its page.
    {
      name: '07-director-accept',
      needs: ['05-invite-director'],
      page,
      run: async () => {
        if (!new URL(page.url()).pathname.startsWith(new URL(state.directorLink).pathname)) {
          await S.goto(state.directorLink);
        }
        await S.fillAccept(DIRECTOR.name, DIRECTOR.password, DIRECTOR.password);
        await S.submit('form#accept', 'accept');
        S.expectPath('/dashboard');
        await S.expectText('De Brug');
        await S.expectText(DIRECTOR.name);
      },
    },
  ];
}
