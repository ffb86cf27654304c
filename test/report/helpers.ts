// A hand-built report for formatter tests (like textlint's createTestResult): two agents, English and Chinese,
// untrusted text in the turns, every finding kind; numbers come from buildReport and prepareReport, as in the CLI.
import { buildReport } from '../../src/analyze.js';
import type { ConversationResult } from '../../src/model/analysis.js';
import type { HeardReport } from '../../src/model/report.js';
import { prepareReport } from '../../src/report/prepare.js';
import type { Baseline } from '../../src/report/prepare.js';
import type { FormatOptions } from '../../src/report/index.js';
import { agentTurn, customerTurn, moveFinding, result } from '../helpers/analysed.js';

export const HOSTILE = '<script>alert("x")</script> =HYPERLINK("http://evil.example") | **bold** & "quoted", line\nbreak';

export function testResults(): ConversationResult[] {
  const rude: ConversationResult = {
    ...result('C-2', {
      agent: 'Bob',
      score: 20,
      moves: { acknowledgement: 'missing', solution: 'late' },
      turns: [
        customerTurn(0, `My parcel is late! ${HOSTILE}`, ['acknowledgement', 'solution']),
        agentTurn(1, 'As I said, it is in transit.', [], ['negative_language']),
        agentTurn(2, "I've sent a replacement today.", ['solution']),
      ],
    }),
    findings: [
      moveFinding('missing', 'acknowledgement', 0, 'My parcel is late!', 1),
      moveFinding('late', 'solution', 0, 'My parcel is late!', 2),
      { kind: 'negative_language', flag: 'negative_language', turn: 1, agentTurn: 1, message: 'Negative language: "as i said".', evidence: { agent: 'As I said, it is in transit.' } },
    ],
  };
  return [
    result('C-1', {
      agent: 'Alice',
      score: 90,
      moves: { acknowledgement: 'present', solution: 'present' },
      turns: [customerTurn(0, 'I was charged twice.', ['acknowledgement', 'solution']), agentTurn(1, "I'm so sorry. I've refunded it.", ['acknowledgement', 'solution'])],
    }),
    rude,
    result('C-3', {
      agent: '小美',
      language: 'zh',
      score: 75,
      moves: { paraphrase: 'missing' },
      turns: [customerTurn(0, '我的快递还没到', ['paraphrase']), agentTurn(1, '=请提供订单号')],
      findings: [moveFinding('missing', 'paraphrase', 0, '我的快递还没到', 1)],
    }),
    result('C-4', { agent: 'Alice', turns: [customerTurn(0, 'Hi'), agentTurn(1, 'Hello!')] }),
  ];
}

export function createTestReport(baseline?: Baseline): HeardReport {
  return prepareReport(buildReport(testResults(), [{ source: 'broken.csv:3', reason: 'row has no text' }]), baseline);
}

export const OPTIONS: FormatOptions = { color: false, csvLevel: 'conversation', thresholds: { minConversations: 5 } };
