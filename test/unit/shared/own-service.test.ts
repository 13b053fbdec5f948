import { describe, expect, it } from 'vitest';
import {
  ownServiceDefinition,
  ownServiceId,
  ownServiceProblems,
} from '../../../shared/own-service';

describe('adding your own service', () => {
  it('names the field that is wrong, and how', () => {
    expect(ownServiceProblems({ name: ' ', url: 'shop', expectStatus: 700 })).toEqual({
      name: 'nameMissing',
      url: 'urlInvalid',
      expectStatus: 'statusInvalid',
    });
    expect(
      ownServiceProblems({ name: 'x'.repeat(81), url: 'ftp://shop.example/', expectStatus: null }),
    ).toEqual({
      name: 'nameTooLong',
      url: 'urlNotWeb',
    });
    expect(
      ownServiceProblems({ name: 'whatsapp', url: 'https://shop.example/', expectStatus: 200 }, [
        'WhatsApp',
      ]),
    ).toEqual({ name: 'duplicate' });
    expect(
      ownServiceProblems({ name: 'Shop', url: 'https://shop.example/', expectStatus: null }),
    ).toEqual({});
  });

  it('becomes one cheap HTTP check with an id of its own', () => {
    expect(ownServiceId('Ma boutique — été', [])).toBe('own-ma-boutique-ete');
    expect(ownServiceId('Shop', ['own-shop', 'own-shop-2'])).toBe('own-shop-3');
    expect(ownServiceId('متجري', [])).toBe('own-service');
    const service = ownServiceDefinition(
      { name: ' Shop ', url: 'https://shop.example/health ', expectStatus: 204 },
      [],
    );
    expect(service).toMatchObject({
      id: 'own-shop',
      name: 'Shop',
      category: 'website',
      enabled: true,
      probes: [
        { kind: 'http', method: 'HEAD', url: 'https://shop.example/health', expectStatus: 204 },
      ],
    });
    expect(
      ownServiceDefinition({ name: 'Shop', url: 'http://shop.example/', expectStatus: null }, [])
        .probes[0],
    ).toMatchObject({ expectStatus: [200, 399] });
  });
});
