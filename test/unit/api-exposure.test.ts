import { describe, expect, it } from 'vitest';
import { checkExposure, exposureLines, isLoopback } from '../../src/api/exposure.js';

const TOKEN = 'token-for-the-exposure-tests';
const at = (host: string, more: { token?: string; protectReads?: boolean; public?: boolean } = {}) => ({
  host,
  token: more.token ?? null,
  protectReads: more.protectReads ?? false,
  public: more.public ?? false,
});

describe('where the API may listen', () => {
  it('knows loopback from the rest', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.5', 'example.org', '127.0.0.1.example.org'])
      expect(isLoopback(h), h).toBe(false);
  });

  it('refuses the network with reads open, unless told; allows it with protected reads', () => {
    expect(() => checkExposure(at('0.0.0.0'))).toThrow(expect.objectContaining({ code: 'API_EXPOSED' }));
    expect(() => checkExposure(at('0.0.0.0', { token: TOKEN }))).toThrow(/PROTECT_READS/);
    expect(() => checkExposure(at('0.0.0.0', { public: true }))).not.toThrow();
    expect(() => checkExposure(at('0.0.0.0', { token: TOKEN, protectReads: true }))).not.toThrow();
    expect(() => checkExposure(at('127.0.0.1'))).not.toThrow();
  });

  it('says what the network may do', () => {
    expect(exposureLines(at('127.0.0.1'))).toEqual([]);
    const open = exposureLines(at('0.0.0.0', { public: true })).join('\n');
    expect(open).toMatch(/reads are open to anyone/);
    expect(open).toMatch(/mutations are refused to everyone/);
    const mixed = exposureLines(at('0.0.0.0', { token: TOKEN, public: true })).join('\n');
    expect(mixed).toMatch(/reads are open to anyone/);
    expect(mixed).toMatch(/mutations .* need the API token/);
    const closed = exposureLines(at('::', { token: TOKEN, protectReads: true })).join('\n');
    expect(closed).toMatch(/reads need the API token/);
    expect(closed).toMatch(/in clear/);
  });
});
