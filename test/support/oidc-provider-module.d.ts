// oidc-provider ships no types and @types/oidc-provider is not installed: the little the tests'
// local provider uses, typed by hand (oidc-provider 9.x).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Grant = { addOIDCScope(scope: string): void; save(): Promise<string> };
  type OidcContext = {
    path: string;
    method: string;
    req: IncomingMessage;
    res: ServerResponse;
    respond: boolean;
    type: string;
    body: unknown;
    oidc?: {
      body?: Record<string, unknown>;
      session?: { accountId?: string };
      client?: { clientId: string };
      provider: { Grant: new (init: { clientId: string; accountId: string }) => Grant };
    };
  };
  type OidcContextWithOidc = OidcContext & { oidc: NonNullable<OidcContext['oidc']> };

  export type Configuration = {
    clients?: Record<string, unknown>[];
    jwks?: { keys: Record<string, unknown>[] };
    enabledJWA?: Record<string, string[]>;
    features?: Record<string, { enabled: boolean }>;
    pkce?: { required: () => boolean };
    acrValues?: string[];
    conformIdTokenClaims?: boolean;
    scopes?: string[];
    claims?: Record<string, string[]>;
    findAccount?: (ctx: OidcContext, id: string) => Promise<{ accountId: string; claims: () => Promise<Record<string, unknown>> } | undefined>;
    interactions?: { url: (ctx: OidcContext, interaction: { uid: string }) => string };
    loadExistingGrant?: (ctx: OidcContextWithOidc) => Promise<Grant | undefined>;
    fetch?: (url: string | URL, init: RequestInit) => Promise<Response>;
    ttl?: Record<string, number>;
    renderError?: (ctx: OidcContext, out: Record<string, unknown>, error: Error) => Promise<void>;
  };

  // biome-ignore lint/style/noDefaultExport: oidc-provider itself exports its class as the default
  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    Client: { find(id: string): Promise<{ asymmetricKeyStore?: { freshUntil: number } } | undefined> };
    use(middleware: (ctx: OidcContext, next: () => Promise<void>) => Promise<void>): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
