import { describe, expect, it } from 'vitest';
import { gigyaHostOf } from './dataCenterHosts.js';
import { absoluteUrlRefusal, connectRefusal } from './proxyTargets.js';

describe('Gigya host names', () => {
  it("reads <namespace>.<dc>.gigya.com and China's <namespace>.cn1.sapcdm.cn as a data center's", () => {
    expect(gigyaHostOf('accounts.us1.gigya.com')).toEqual({ kind: 'dataCenter', namespace: 'accounts', dataCenter: 'us1' });
    expect(gigyaHostOf('Socialize.EU1.Gigya.com.')).toEqual({ kind: 'dataCenter', namespace: 'socialize', dataCenter: 'eu1' });
    expect(gigyaHostOf('accounts.global.gigya.com')).toEqual({ kind: 'dataCenter', namespace: 'accounts', dataCenter: 'global' });
    expect(gigyaHostOf('accounts.cn1.sapcdm.cn')).toEqual({ kind: 'dataCenter', namespace: 'accounts', dataCenter: 'cn1' });
  });

  it('reads any other name under gigya.com or sapcdm.cn as a Gigya name that serves no API', () => {
    for (const name of ['gigya.com', 'www.gigya.com', 'accounts.xx9.gigya.com', 'accounts.cn1.gigya.com', 'a.b.us1.gigya.com', 'accounts.eu1.sapcdm.cn']) {
      expect(gigyaHostOf(name), name).toEqual({ kind: 'otherGigyaName', name });
    }
  });

  it("reads every other name as not Gigya's", () => {
    for (const name of ['127.0.0.1', 'localhost', 'fake-gigya', 'accounts.us1.gigya.com.example', 'notgigya.com']) expect(gigyaHostOf(name), name).toBeNull();
  });
});

describe('proxy destinations', () => {
  it("accepts a CONNECT to a data center's host on 443 only", () => {
    expect(connectRefusal('accounts.us1.gigya.com:443')).toBeNull();
    expect(connectRefusal('accounts.cn1.sapcdm.cn:443')).toBeNull();
    expect(connectRefusal('accounts.us1.gigya.com:8443')).toMatchObject({ status: 403, message: expect.stringContaining('port 443') });
  });

  it('refuses a CONNECT anywhere else with 403 and a message that says what the fake is', () => {
    for (const target of ['example.com:443', '127.0.0.1:4100', '[::1]:443', 'www.gigya.com:443', 'accounts.us1.gigya.com.evil.example:443']) {
      const refused = connectRefusal(target);
      expect(refused, target).toMatchObject({ status: 403 });
      expect(refused!.message).toContain('not a general proxy');
      expect(refused!.message).toContain(`CONNECT ${target} is refused`);
    }
    expect(connectRefusal('no-port')).toMatchObject({ status: 400 });
  });

  it("serves an absolute-URL request to a data center's host over http, and origin-form requests", () => {
    expect(absoluteUrlRefusal('/accounts.initRegistration')).toBeNull();
    expect(absoluteUrlRefusal('http://accounts.us1.gigya.com/accounts.initRegistration')).toBeNull();
    expect(absoluteUrlRefusal('http://accounts.eu1.gigya.com:80/accounts.initRegistration')).toBeNull();
  });

  it('refuses an absolute-URL request to any other destination', () => {
    for (const target of ['http://example.com/', 'http://127.0.0.1:9/x', 'https://accounts.us1.gigya.com/accounts.x', 'http://accounts.us1.gigya.com:8080/accounts.x', 'ftp://gigya.com/']) {
      expect(absoluteUrlRefusal(target), target).toMatchObject({ status: 403 });
    }
    expect(absoluteUrlRefusal('http://[bad')).toMatchObject({ status: 400 });
  });
});
