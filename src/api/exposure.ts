import type { ApiSettings } from '../config.js';
import { LuocdoError } from '../errors.js';

// Where the API listens decides who reaches it: beyond loopback, the token is all that stands between the
// network and the graph. `serve` refuses to open the reads to the network unless told that is meant.

/** 127.0.0.0/8, ::1 (also as IPv4-mapped) and `localhost`: only this machine. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  return /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

type Exposed = Pick<ApiSettings, 'host' | 'token' | 'protectReads' | 'public'>;

/** What a person reaching the server from the network can do, one line each; empty on loopback. */
export function exposureLines(s: Exposed): string[] {
  if (isLoopback(s.host)) return [];
  const readsOpen = !s.token || !s.protectReads;
  return [
    `listening on ${s.host}: the API is reachable from the network, not only from this machine`,
    readsOpen
      ? 'reads are open to anyone who reaches it: every query, search and audit, without a token'
      : 'reads need the API token (LUOCDO_API_PROTECT_READS=true)',
    s.token
      ? 'mutations (ingestText, removeSource) need the API token'
      : 'mutations are refused to everyone: no LUOCDO_API_TOKEN is set',
    ...(s.token ? ['the token crosses the network in clear over plain HTTP: put a TLS proxy in front'] : []),
    'the GraphiQL page, /health and /ready answer without a token',
  ];
}

/** Refuses to listen beyond loopback with the reads open, unless told (`--public`, LUOCDO_API_PUBLIC=true). */
export function checkExposure(s: Exposed): void {
  if (isLoopback(s.host) || s.public || (s.token && s.protectReads)) return;
  const why = s.token ? 'LUOCDO_API_PROTECT_READS is not true' : 'no LUOCDO_API_TOKEN is set';
  throw new LuocdoError(
    'API_EXPOSED',
    `refusing to listen on ${s.host} (beyond loopback) with the reads open to the network: ${why}`,
    {
      hint:
        'set LUOCDO_API_TOKEN and LUOCDO_API_PROTECT_READS=true, or pass --public (LUOCDO_API_PUBLIC=true) ' +
        'if anyone on the network may read the graph',
    },
  );
}
