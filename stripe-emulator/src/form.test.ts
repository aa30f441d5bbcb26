import { describe, expect, it } from 'vitest';
import { canonicalJson, parseForm } from './form.ts';

// Stripe's bracket notation, as the SDK encodes it (indexed arrays, nested hashes).
describe('parseForm', () => {
  it('nests hashes and indexed arrays', () => {
    const params = parseForm(
      'amount=1200&metadata[order_id]=ord_1&line_items[0][price_data][currency]=eur' +
        '&line_items[0][quantity]=2&line_items[1][price]=price_1&expand[]=latest_charge&expand[]=customer',
    );
    expect(params).toEqual({
      amount: '1200',
      metadata: { order_id: 'ord_1' },
      line_items: [{ price_data: { currency: 'eur' }, quantity: '2' }, { price: 'price_1' }],
      expand: ['latest_charge', 'customer'],
    });
  });

  it('accepts percent-encoded brackets and keeps values as strings', () => {
    expect(parseForm('metadata%5Bnote%5D=a%20%26%20b&confirm=true')).toEqual({
      metadata: { note: 'a & b' },
      confirm: 'true',
    });
  });

  it('an empty value stays an empty string (Stripe’s "unset")', () => {
    expect(parseForm('metadata=&description=')).toEqual({ metadata: '', description: '' });
  });

  it('a key that is not bracket notation stays whole', () => {
    expect(parseForm('a[b]c=1')).toEqual({ 'a[b]c': '1' });
  });

  it('canonicalJson ignores the order parameters were sent in', () => {
    expect(canonicalJson(parseForm('a=1&m[x]=1&m[y]=2'))).toBe(
      canonicalJson(parseForm('m[y]=2&a=1&m[x]=1')),
    );
    expect(canonicalJson(parseForm('a=1'))).not.toBe(canonicalJson(parseForm('a=2')));
  });
});
