// The platform admin's pages, in Dutch on a desktop, including an edit form
// refused and then accepted; then a team member invited here sees their own
// dashboard and is refused a page of the admin's (403), so the tour covers
// both sides of the same permission.

import { UNKNOWN_TOKEN } from './accounts.mjs';
import { DESKTOP } from '../harness/browser.mjs';
import { log } from '../harness/config.mjs';
import { waitForInviteLink } from '../harness/mail.mjs';

export default async function adminTour(ctx) {
  const { ADMIN, TEAM_MEMBER } = ctx.accounts;
  const { state, mailFile, port } = ctx;
  // The same session as the anonymous tour.
  const desk = await ctx.page('desk', { viewport: DESKTOP });
  const D = ctx.drive(desk, { lang: 'nl' });

  return [
    // 9. The platform admin: dashboard, member pages, SWV edit (invalid and
    // valid), outbox, API, error pages; then a new team member's dashboard and
    // a page they may not see (403).
    {
      name: '09-tour-admin',
      needs: [],
      page: desk,
      run: async () => {
        await D.login(ADMIN);
        await D.goto('/organisaties/swv/PO2707/leden');
        await D.goto('/organisaties/board/41234/leden');
        await D.invite('/organisaties/school/04FZ/leden', TEAM_MEMBER.email, 'team_member');
        state.teamLink = await waitForInviteLink(mailFile, TEAM_MEMBER.email, port);
        await D.goto('/scholen/04FZ'); // with the form to correct a location's SWVs
        await D.goto('/besturen/41234');

        await D.goto('/samenwerkingsverbanden/PO2707/bewerken');
        await D.fill('form#swv-edit', { website: 'swv amsterdam' });
        await D.submit('form#swv-edit', 'SWV edit (invalid website)', { status: 422 });
        D.expectAt('/samenwerkingsverbanden/PO2707/bewerken');
        log(`  error shown: ${JSON.stringify(await D.expectVisible('.field-error', 'field error'))}`);
        await D.expectVisible('[role=alert]', 'error summary');
        await D.fill('form#swv-edit', {
          name: 'Passend Onderwijs Amsterdam E2E',
          email: 'info@swv-amsterdam.nl',
          phone: '020 123 4567',
          website: 'https://www.swv-amsterdam.nl',
          steunpunt_name: 'Ouder- en jeugdsteunpunt Amsterdam',
          steunpunt_email: 'steunpunt@swv-amsterdam.nl',
          steunpunt_phone: '+31 20 765 4321',
          steunpunt_website: 'https://steunpunt.swv-amsterdam.nl',
        });
        await D.submit('form#swv-edit', 'SWV edit', { status: 200 });
        D.expectAt('/samenwerkingsverbanden/PO2707', 'melding', 'opgeslagen');
        await D.expectVisible('.notice[role=status]', 'notice');
        await D.expectText('Passend Onderwijs Amsterdam E2E');

        await D.goto('/beheer/outbox');
        const mail = await desk.locator('main a[href^="/beheer/outbox/"]').first().getAttribute('href');
        if (!mail) throw new Error('no link to a mail (a[href^="/beheer/outbox/"]) on /beheer/outbox');
        await D.goto(mail);
        await D.goto('/api');
        await D.goto('/bestaat-niet', { status: 404 });
        await D.goto('/wachtwoord-vergeten');
        await D.goto(`/wachtwoord-herstellen/${UNKNOWN_TOKEN}`, { status: 404 });

        await D.logout();
        await D.goto(state.teamLink);
        await D.fillAccept(TEAM_MEMBER.name, TEAM_MEMBER.password, TEAM_MEMBER.password);
        await D.submit('form#accept', 'accept (team member)', { status: 200 });
        D.expectAt('/dashboard');
        await D.expectText('De Brug');
        await D.goto('/beheer/outbox', { status: 403 });
        await D.logout();
      },
    },
  ];
}
