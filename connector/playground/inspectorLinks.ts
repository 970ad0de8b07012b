/**
 * Links from the playground into the fake Gigya's inspector (server/ui). Built from its base URL
 * only: the connector never imports server/. Without a base URL there are no links.
 */
export class InspectorLinks {
  constructor(
    private readonly base: string | undefined,
    private readonly apiKey: string | undefined,
  ) {}

  /** INSPECTOR_URL when given, else the inspector of the Gigya the integration points at. */
  static resolve(explicit: string | undefined, gigyaBaseUrl: string | undefined, apiKey: string | undefined): InspectorLinks {
    const base = explicit ?? (gigyaBaseUrl === undefined ? undefined : `${gigyaBaseUrl.replace(/\/+$/, '')}/__admin/ui`);
    return new InspectorLinks(base?.replace(/\/+$/, ''), apiKey);
  }

  get home(): string | undefined {
    return this.base;
  }

  account(uid: string): string | undefined {
    return this.site(`accounts/${encodeURIComponent(uid)}`);
  }

  emailAccounts(email: string): string | undefined {
    return this.site(`email-accounts?email=${encodeURIComponent(email)}`);
  }

  accounts(): string | undefined {
    return this.site('accounts');
  }

  private site(path: string): string | undefined {
    if (this.base === undefined || this.apiKey === undefined) return undefined;
    return `${this.base}/sites/${encodeURIComponent(this.apiKey)}/${path}`;
  }
}
