import { dataCenters } from '../sites/createSite.js';

export type DataCenter = (typeof dataCenters)[number];

/**
 * The base domain of each data center (gigya-api.md §12): `<dc>.gigya.com`, except China's,
 * which SAP runs under its own domain. ru1 is listed by initRegistration's Global Access
 * parameter but has no domain in any SDK: it follows the common pattern.
 */
export function dataCenterDomain(dataCenter: string): string {
  return dataCenter === 'cn1' ? 'cn1.sapcdm.cn' : `${dataCenter}.gigya.com`;
}

/** `accounts.eu1.gigya.com`: the host an SDK calls for a namespace in a data center. */
export function gigyaHostName(namespace: string, dataCenter: string): string {
  return `${namespace}.${dataCenterDomain(dataCenter)}`;
}

/** The wildcard names the fake's certificate covers: every namespace of every data center. */
export function dataCenterWildcards(): string[] {
  return dataCenters.map((dataCenter) => `*.${dataCenterDomain(dataCenter)}`);
}

/** What a Host header says about Gigya: nothing, one data center's namespace, or a Gigya name that is neither. */
export type GigyaHost =
  | { kind: 'dataCenter'; namespace: string; dataCenter: DataCenter }
  | { kind: 'otherGigyaName'; name: string };

const namespaceLabel = /^[a-z0-9-]{1,63}$/;

/**
 * Reads a host name (no port) as Gigya's: `<namespace>.<dc>.gigya.com` or
 * `<namespace>.cn1.sapcdm.cn` is a data center's; any other name under gigya.com or
 * sapcdm.cn (www.gigya.com, accounts.xx9.gigya.com, accounts.cn1.gigya.com) is a Gigya name
 * that serves no API; every other name (127.0.0.1, localhost, fake-gigya) is not Gigya's: null.
 */
export function gigyaHostOf(hostName: string): GigyaHost | null {
  const name = hostName.toLowerCase().replace(/\.$/, '');
  if (!/(^|\.)(gigya\.com|sapcdm\.cn)$/.test(name)) return null;
  const labels = name.split('.');
  if (labels.length === 4 && namespaceLabel.test(labels[0]!)) {
    const dataCenter = dataCenters.find((dc) => `${labels[0]}.${dataCenterDomain(dc)}` === name);
    if (dataCenter !== undefined) return { kind: 'dataCenter', namespace: labels[0]!, dataCenter };
  }
  return { kind: 'otherGigyaName', name };
}
