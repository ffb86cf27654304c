import negativeLanguage from '../../src/detect/detectors/negative-language.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(negativeLanguage, 'en', {
  valid: [
    { lines: ['C: Why is this still broken?', "A: As I already said, that's not our problem."], quote: "As I already said, that's not our problem." },
    { lines: ['C: I did not know about the fee.', 'A: You should have read the terms.'], quote: 'You should have read the terms.' },
    // A flat refusal with no alternative.
    { lines: ['C: Can you refund me?', "A: We can't do that."], quote: "We can't do that." },
    { lines: ['C: This is ridiculous!', 'A: Calm down, please.'] },
  ],
  invalid: [
    // A "no" with an alternative is polite, correct information.
    { lines: ['C: Can you refund me?', "A: We can't refund this, but I'll send you a voucher for the full amount."] },
    { lines: ['C: Where is my order?', "A: I'm sorry for the wait, it will arrive tomorrow."] },
  ],
});

ruleTester(negativeLanguage, 'zh', {
  valid: [
    { lines: ['C: 能不能快点', 'A: 我已经说过了'] },
    { lines: ['C: 能退款吗', 'A: 这个没办法'] },
  ],
  invalid: [{ lines: ['C: 能退款吗', 'A: 好的，已为您申请退款'] }],
});
