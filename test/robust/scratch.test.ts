import { it } from 'vitest';
import { parseCsv } from '../../src/ingest/csv.js';
it('x', () => {
console.log(JSON.stringify(parseCsv('id,role,text\n1,agent,hello\n1,customer,"never closed\n1,agent,x\n2,customer,"again\n2,agent,ok\n2,customer,fine\n', 'q.csv').skipped, null, 1));
console.log(JSON.stringify(parseCsv('id,role,text\n1,agent,hello\n1,customer,"never closed\n1,agent,x\n2,customer,"again\n2,agent,ok\n2,customer,fine\n', 'q.csv').conversations.map(c=>c.turns.map(t=>t.source.line+' '+t.text))));
console.log(JSON.stringify(parseCsv('id,role,text\n1,customer,hello,extra\n1,agent,hi\n1,customer,"multi\nline"\n', 'c.csv')));
});
