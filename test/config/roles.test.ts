// Config roles: extra role words, and patterns over the whole speaker label.
import { describe, expect, it } from 'vitest';
import { roleOfLabel } from '../../src/ingest/roles.js';

describe('roles from the config', () => {
  const options = { roles: { agent: ['concierge', '专家'], customer: ['patient'], bot: [{ regex: '^desk-\\d+$' }] } };

  it('role words work like the built-in ones, and the rest of the label is the name', () => {
    expect(roleOfLabel('Concierge Anna')).toEqual({ name: 'Concierge Anna' });
    expect(roleOfLabel('Concierge Anna', options)).toEqual({ role: 'agent', name: 'Anna' });
    expect(roleOfLabel('专家小李', options)).toEqual({ role: 'agent', name: '小李' });
    expect(roleOfLabel('Patient 12', options)).toEqual({ role: 'customer', name: '12' });
  });

  it('patterns match the whole label, case-insensitively', () => {
    expect(roleOfLabel('DESK-7', options)).toEqual({ role: 'bot', name: 'DESK-7' });
    expect(roleOfLabel('DESK-7b', options).role).toBeUndefined();
  });

  it('built-in words still apply', () => {
    expect(roleOfLabel('Agent Maria', options)).toEqual({ role: 'agent', name: 'Maria' });
  });
});
