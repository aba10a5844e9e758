// Every public page and public form result, in Dutch on a desktop, for a
// visitor without an account: the pages most people see, and the error
// answers such a visitor can meet (wrong password, unknown address, unknown
// reset token, a page that does not exist).

import { UNKNOWN_TOKEN } from './accounts.mjs';
import { DESKTOP } from '../harness/browser.mjs';

export default async function anonymousTour(ctx) {
  // The admin tour continues in this session.
  const desk = await ctx.page('desk', { viewport: DESKTOP });
  const D = ctx.drive(desk, { lang: 'nl' });

  return [
    // 8. Anonymous, in Dutch, on a desktop: every public page and form result.
    {
      name: '08-tour-anonymous',
      needs: [],
      page: desk,
      run: async () => {
        await D.goto('/');
        await D.goto('/scholen');
        await D.goto('/scholen?q=brug');
        await D.expectText('De Brug');
        await D.goto('/scholen/04FZ');
        await D.goto('/besturen/41234');
        await D.expectText('De Brug');
        await D.goto('/samenwerkingsverbanden');
        await D.goto('/samenwerkingsverbanden/PO2707');
        await D.goto('/api');
        await D.goto('/inloggen');
        await D.fill('form#login', { email: 'niemand@e2e.test', password: 'geen-geldig-wachtwoord' });
        await D.submit('form#login', 'login (wrong password)', { status: 422 });
        await D.expectVisible('[role=alert]', 'login error');
        await D.goto('/wachtwoord-vergeten');
        await D.fill('form#forgot', { email: 'niemand@e2e.test' });
        await D.submit('form#forgot', 'forgot password (unknown address)', { status: 200 });
        D.expectAt('/inloggen', 'melding', 'herstel-verstuurd');
        await D.expectVisible('.notice[role=status]', 'notice');
        await D.goto(`/wachtwoord-herstellen/${UNKNOWN_TOKEN}`, { status: 404 });
        await D.expectVisible('main a[href="/wachtwoord-vergeten"]', 'link to ask for a new reset mail');
        await D.goto('/bestaat-niet', { status: 404 });
      },
    },
  ];
}
