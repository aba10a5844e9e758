// A password reset for the director, from the mail to a login with the new
// password, in a fresh session that never logged in. The profile cycle
// later logs in with the new password, so it depends on this flow.

import { DESKTOP } from '../harness/browser.mjs';
import { log } from '../harness/config.mjs';
import { waitForMailLink } from '../harness/mail.mjs';

export default async function passwordReset(ctx) {
  const { DIRECTOR } = ctx.accounts;
  const { mailFile, port } = ctx;
  const anon = await ctx.page('anon', { viewport: DESKTOP });
  const A = ctx.drive(anon, { lang: 'nl' });

  return [
    // 11. A password reset for the director, from the mail to a new login.
    {
      name: '11-password-reset',
      needs: ['07-director-accept'],
      page: anon,
      run: async () => {
        await A.goto('/wachtwoord-vergeten');
        await A.fill('form#forgot', { email: DIRECTOR.email });
        await A.submit('form#forgot', 'forgot password', { status: 200 });
        A.expectAt('/inloggen', 'melding', 'herstel-verstuurd');
        await A.expectVisible('.notice[role=status]', 'notice');
        const link = await waitForMailLink(mailFile, DIRECTOR.email, port, '/wachtwoord-herstellen/[0-9a-f]+', {
          subjectRe: /wachtwoord|password/i,
        });
        const resetPath = new URL(link).pathname;
        await A.goto(link);
        await A.fill('form#reset', {
          password: DIRECTOR.newPassword,
          password_confirm: `${DIRECTOR.newPassword}-anders`,
        });
        await A.submit('form#reset', 'reset (mismatch)', { status: 422 });
        A.expectAt(resetPath);
        log(`  error shown: ${JSON.stringify(await A.expectVisible('.field-error', 'field error'))}`);
        await A.fill('form#reset', { password: DIRECTOR.newPassword, password_confirm: DIRECTOR.newPassword });
        await A.submit('form#reset', 'reset', { status: 200 });
        A.expectAt('/inloggen', 'melding', 'wachtwoord-gewijzigd');
        await A.expectVisible('.notice[role=status]', 'notice');
        await A.login(DIRECTOR, DIRECTOR.newPassword);
        await A.expectText('De Brug');
      },
    },
  ];
}
