import { dataCenterWildcards, gigyaHostOf } from './dataCenterHosts.js';

/** Why a proxy request is not served: its HTTP status and a message that says what the fake is for. */
export interface ProxyRefusal {
  status: 400 | 403;
  message: string;
}

const servedHosts = () => `${dataCenterWildcards().join(', ')}`;

function refusal(what: string): ProxyRefusal {
  return {
    status: 403,
    message:
      `fake-gigya is not a general proxy: it answers only for Gigya's data-centre hosts (${servedHosts()}) itself, ` +
      `and never opens a connection anywhere else. ${what} is refused; send other traffic around it (NO_PROXY).\n`,
  };
}

/**
 * A CONNECT target (`host:port`): served only when it names a data center's host on 443, the
 * port every SDK calls; the tunnel then ends in the fake itself. Null means accepted.
 */
export function connectRefusal(authority: string): ProxyRefusal | null {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(authority);
  if (match === null) return { status: 400, message: `CONNECT needs a host:port target, not "${authority.slice(0, 200)}"\n` };
  const [, host, port] = match;
  const gigya = gigyaHostOf(host!);
  if (gigya?.kind !== 'dataCenter') return refusal(`CONNECT ${authority.slice(0, 200)}`);
  if (port !== '443') return refusal(`CONNECT ${authority.slice(0, 200)} (Gigya's hosts are called on port 443)`);
  return null;
}

/**
 * A request line in absolute form (`POST http://accounts.us1.gigya.com/accounts.x`), as a plain
 * HTTP proxy receives it: served when its host is a data center's. Origin-form requests
 * (`/accounts.x`) are ordinary calls and always pass. Null means accepted.
 */
export function absoluteUrlRefusal(requestTarget: string): ProxyRefusal | null {
  if (requestTarget.startsWith('/') || requestTarget === '*') return null;
  let url: URL;
  try {
    url = new URL(requestTarget);
  } catch {
    return { status: 400, message: `"${requestTarget.slice(0, 200)}" is not a request target\n` };
  }
  const shown = `${url.protocol}//${url.host}`;
  if (url.protocol !== 'http:') return refusal(`A proxy request for ${shown}`);
  if (gigyaHostOf(url.hostname)?.kind !== 'dataCenter') return refusal(`A proxy request for ${shown}`);
  if (url.port !== '' && url.port !== '80') return refusal(`A proxy request for ${shown} (Gigya's hosts are called on port 80 or 443)`);
  return null;
}
