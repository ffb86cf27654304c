import { describe, expect, it } from 'vitest';
import { roleOfLabel, roleOfValue, roleOfWord, ROLE_WORDS } from '../../src/ingest/roles.js';

describe('roles.yml', () => {
  it('loads the three word lists', () => {
    expect(ROLE_WORDS.agent).toContain('csr');
    expect(ROLE_WORDS.agent).toContain('售後');
    expect(ROLE_WORDS.customer).toContain('顧客');
    expect(ROLE_WORDS.bot).toContain('智能助手');
  });
});

describe('roleOfLabel', () => {
  it.each([
    ['Agent', 'agent', undefined],
    ['agent', 'agent', undefined],
    ['Agent Maria', 'agent', 'Maria'],
    ['Support Agent Tom', 'agent', 'Tom'],
    ['Customer Service', 'agent', undefined],
    ['CSR', 'agent', undefined],
    ['Representative', 'agent', undefined],
    ['Customer', 'customer', undefined],
    ['Caller', 'customer', undefined],
    ['Guest 4821', 'customer', '4821'],
    ['Visitor', 'customer', undefined],
    ['Bot', 'bot', undefined],
    ['System', 'bot', undefined],
    ['Auto-reply', 'bot', undefined],
    ['Virtual Agent', 'bot', undefined],
    ['客服', 'agent', undefined],
    ['客服小王', 'agent', '小王'],
    ['售后客服-小李', 'agent', '小李'],
    ['人工客服', 'agent', undefined],
    ['小二', 'agent', undefined],
    ['售後專員阿美', 'agent', '阿美'],
    ['客户', 'customer', undefined],
    ['顧客', 'customer', undefined],
    ['買家', 'customer', undefined],
    ['會員', 'customer', undefined],
    ['访客', 'customer', undefined],
    ['机器人', 'bot', undefined],
    ['機器人', 'bot', undefined],
    ['系統', 'bot', undefined],
    ['智能客服', 'bot', undefined],
  ])('%s → %s (name %s)', (label, role, name) => {
    expect(roleOfLabel(label)).toEqual(name === undefined ? { role } : { role, name });
  });

  it('reads Name (role) and [role] Name notation, half- and full-width', () => {
    expect(roleOfLabel('Maria (agent)')).toEqual({ role: 'agent', name: 'Maria' });
    expect(roleOfLabel('Dana [customer]')).toEqual({ role: 'customer', name: 'Dana' });
    expect(roleOfLabel('小王（客服）')).toEqual({ role: 'agent', name: '小王' });
    expect(roleOfLabel('【客户】李女士')).toEqual({ role: 'customer', name: '李女士' });
  });

  it('does not find role words inside other words', () => {
    expect(roleOfLabel('Augusto').role).toBeUndefined();
    expect(roleOfLabel('Robert').role).toBeUndefined();
    expect(roleOfLabel('Maria (Team Lead)')).toEqual({ name: 'Maria (Team Lead)' });
  });

  it('gives --agent / --customer names (exact, case-insensitive) priority over words', () => {
    const options = { agent: ['maria'], customer: ['Agent Smith'] };
    expect(roleOfLabel('Maria', options)).toEqual({ role: 'agent', name: 'Maria' });
    expect(roleOfLabel('MARIA', options).role).toBe('agent');
    expect(roleOfLabel('agent smith', options).role).toBe('customer');
    expect(roleOfLabel('Mariana', options).role).toBeUndefined();
    expect(roleOfLabel('Maria (customer)', options)).toEqual({ role: 'agent', name: 'Maria' });
  });

  it('leaves a plain name without a role', () => {
    expect(roleOfLabel('Tom')).toEqual({ name: 'Tom' });
    expect(roleOfLabel('张先生')).toEqual({ name: '张先生' });
  });
});

describe('roleOfValue / roleOfWord', () => {
  it('maps role column and JSON values', () => {
    expect(roleOfValue('AGENT')).toBe('agent');
    expect(roleOfValue('Customer')).toBe('customer');
    expect(roleOfValue('user')).toBe('customer');
    expect(roleOfValue('assistant')).toBe('agent');
    expect(roleOfValue('system')).toBe('system');
    expect(roleOfValue('end-user')).toBe('customer');
    expect(roleOfValue('客服')).toBe('agent');
    expect(roleOfValue('顧客')).toBe('customer');
    expect(roleOfValue('manager')).toBeUndefined();
    expect(roleOfValue('')).toBeUndefined();
  });

  it('roleOfWord only accepts a bare role word', () => {
    expect(roleOfWord('agent')).toBe('agent');
    expect(roleOfWord('Agent Maria')).toBeUndefined();
  });
});
