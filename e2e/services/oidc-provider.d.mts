// Types of oidc-provider.mjs for the TypeScript tests, which do not read JavaScript (allowJs is
// off). Generated from its JSDoc; after changing that, regenerate everything below with
//   npx tsc --allowJs --declaration --emitDeclarationOnly --skipLibCheck --module nodenext --outDir /tmp/dts e2e/services/oidc-provider.mjs

/**
 * Starts the provider on 127.0.0.1; its issuer is http://localhost:<port>.
 * @param {{ port?: number, clients: Client[], accounts: Account[], emailInIdToken?: boolean }} options
 * @returns {Promise<RunningProvider>}
 */
export function startOidcProvider({ port, clients, accounts, emailInIdToken }: {
    port?: number;
    clients: Client[];
    accounts: Account[];
    emailInIdToken?: boolean;
}): Promise<RunningProvider>;
export type Account = {
    sub: string;
    email: string;
    name?: string;
};
export type Client = {
    clientId: string;
    jwks: {
        keys: Array<Record<string, unknown>>;
    };
    redirectUris: string[];
    postLogoutRedirectUris?: string[];
};
export type RunningProvider = {
    issuer: string;
    port: number;
    setAccountEmail(sub: string, email: string): void;
    addAccount(account: Account): void;
    stop(): Promise<void>;
};
