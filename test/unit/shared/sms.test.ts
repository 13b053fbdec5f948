// How many SMS a message to customers costs, as phones and operators count them.
import { describe, expect, it } from 'vitest';
import { smsLength } from '../../../shared/sms';

describe('SMS length', () => {
  it('counts the GSM alphabet at 160 per SMS and 153 per part once split', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'gsm7', segments: 1, characters: 160 });
    expect(smsLength('a'.repeat(161)).segments).toBe(2);
    expect(smsLength('a'.repeat(306)).segments).toBe(2);
    expect(smsLength('a'.repeat(307)).segments).toBe(3);
    // French with the accents the GSM alphabet has stays GSM.
    expect(smsLength('Désolé, notre boutique est fermée à cause de la panne.').encoding).toBe(
      'gsm7',
    );
  });

  it('counts €, [, ] and the like as two, and never cuts one across two parts', () => {
    expect(smsLength('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect(smsLength('€'.repeat(81)).segments).toBe(2);
    // 152 septets, then a two-septet character: it starts the second part.
    expect(smsLength(`${'a'.repeat(152)}€`).segments).toBe(1);
    expect(smsLength(`${'a'.repeat(159)}€`).segments).toBe(2);
  });

  it('sends anything else as UCS-2: 70 per SMS, 67 per part (Arabic, ê, ’, emoji)', () => {
    expect(smsLength('ê').encoding).toBe('ucs2');
    // The typographic apostrophe alone makes a French message UCS-2.
    expect(smsLength('Nous sommes désolés : l’envoi est retardé.').encoding).toBe('ucs2');
    expect(smsLength('م'.repeat(70))).toEqual({ encoding: 'ucs2', segments: 1, characters: 70 });
    expect(smsLength('م'.repeat(71)).segments).toBe(2);
    expect(smsLength('م'.repeat(201)).segments).toBe(3);
    // An emoji is two UTF-16 units, and is not split between parts.
    expect(smsLength('😀'.repeat(35)).segments).toBe(1);
    expect(smsLength(`${'م'.repeat(66)}😀`).segments).toBe(1);
    expect(smsLength(`${'م'.repeat(70)}😀`)).toMatchObject({ segments: 2, characters: 71 });
  });
});
