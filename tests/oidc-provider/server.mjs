// A real OpenID Connect provider (the `oidc-provider` package) for Passend's
// integration tests (crates/passend/tests/integration/oidc.rs), which start it
// and read its issuers from the first line it prints.
//
// Three issuers, each on its own port, all with the client Passend is
// configured with:
//   good     - a normal provider;
//   forged   - publishes one key but signs its ID tokens with another of the
//              same key id (a wrongly signed ID token);
//   expired  - its token endpoint runs two hours behind, so the ID tokens it
//              issues expired an hour ago.
//
// Who logs in is chosen by the test with the standard `login_hint` parameter
// added to the authorization URL; the interaction then finishes at once (no
// login form), as a person who is already logged in at the provider would see.
//
// Environment: PASSEND_URL (where Passend listens: the redirect URIs are
// PASSEND_URL/inloggen/oidc/{name}/terug for the names in PROVIDER_NAMES).

import { AsyncLocalStorage } from 'node:async_hooks';
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';

import Provider from 'oidc-provider';

// The test may stop reading our output; that must not end the provider.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

const passendUrl = process.env.PASSEND_URL;
if (!passendUrl) {
  console.error('PASSEND_URL is required');
  process.exit(2);
}
const names = (process.env.PROVIDER_NAMES || 'school,vervalst,verlopen').split(',');
export const CLIENT_ID = 'passend';
export const CLIENT_SECRET = 'een-geheim-van-de-testprovider';

// The people the provider knows. Made-up names and addresses.
const ACCOUNTS = {
  'juf-anna': { email: 'anna@brug.nl', email_verified: true, name: 'Anna de Vries', nlEduPersonHomeOrganizationId: '04FZ' },
  'meester-bas': { email: 'bas@brug.nl', email_verified: true, name: 'Bas Jansen', nlEduPersonHomeOrganizationId: '04FZ' },
  'dirk-onbevestigd': { email: 'dirk@brug.nl', email_verified: false, name: 'Dirk Bakker' },
  'sanne-bestaand': { email: 'sanne@swv.nl', email_verified: true, name: 'Sanne Smit' },
};

// Time as the token endpoint of the `expired` issuer sees it.
const clock = new AsyncLocalStorage();
const realNow = Date.now;
Date.now = () => realNow() + (clock.getStore()?.shiftMs ?? 0);

function signingKey(kid) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
}

function makeProvider(issuer, key) {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: names.map((name) => `${passendUrl}/inloggen/oidc/${name}/terug`),
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [key] },
    cookies: { keys: ['een-sleutel-voor-de-cookies-van-de-test'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'nlEduPersonHomeOrganizationId'],
    },
    // The claims in the ID token itself, as Entree and Microsoft send them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    findAccount: async (ctx, sub) => {
      const account = ACCOUNTS[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
    // Consent is given at once: the test is about Passend, not about a consent screen.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
  });
  provider.on('server_error', (ctx, error) => console.error('oidc-provider server error:', error));
  return provider;
}

// The interaction: log in whoever the login_hint names.
async function interaction(provider, req, res) {
  try {
    const details = await provider.interactionDetails(req, res);
    const accountId = details.params.login_hint;
    if (!ACCOUNTS[accountId]) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`unknown login_hint ${accountId}`);
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  } catch (error) {
    console.error('interaction failed:', error);
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error));
  }
}

function listen(handler) {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function issuerWith(makeHandler) {
  // The port is known only once listening; the issuer is made then.
  let handler = (req, res) => res.end();
  const server = await listen((req, res) => handler(req, res));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  handler = makeHandler(issuer);
  return issuer;
}

const good = await issuerWith((issuer) => {
  const provider = makeProvider(issuer, signingKey('sleutel-1'));
  const callback = provider.callback();
  return (req, res) => (req.url.startsWith('/interaction/') ? interaction(provider, req, res) : callback(req, res));
});

const forged = await issuerWith((issuer) => {
  // Both sign as `sleutel-1`; the published one is not the one that signs.
  const published = makeProvider(issuer, signingKey('sleutel-1'));
  const signing = makeProvider(issuer, signingKey('sleutel-1'));
  const publishedCallback = published.callback();
  const signingCallback = signing.callback();
  return (req, res) => {
    if (req.url.startsWith('/jwks')) return publishedCallback(req, res);
    if (req.url.startsWith('/interaction/')) return interaction(signing, req, res);
    return signingCallback(req, res);
  };
});

const expired = await issuerWith((issuer) => {
  const provider = makeProvider(issuer, signingKey('sleutel-1'));
  const callback = provider.callback();
  return (req, res) => {
    if (req.url.startsWith('/interaction/')) return interaction(provider, req, res);
    if (req.url.startsWith('/token')) return clock.run({ shiftMs: -2 * 3600 * 1000 }, () => callback(req, res));
    return callback(req, res);
  };
});

console.log(JSON.stringify({ good, forged, expired, client_id: CLIENT_ID, client_secret: CLIENT_SECRET }));
