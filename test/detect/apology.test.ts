import apology from '../../src/detect/detectors/apology.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(apology, 'en', {
  valid: [
    { lines: ['C: Still no refund.', 'A: We apologize for the delay.'], quote: 'We apologize for the delay.' },
    // "sorry" softening a request is not acknowledgement, but it is still an apology in explicit words.
    { lines: ['C: Where is my order?', 'A: Sorry, can you DM us your order number?'], quote: 'Sorry, can you DM us your order number?' },
    { lines: ['C: It has been days.', 'A: Thanks for waiting. Please excuse the delay over the weekend.'], quote: 'Please excuse the delay over the weekend.' },
  ],
  invalid: [
    { lines: ['C: Hello', 'A: Thanks for your message, how can I help?'] },
    { lines: ['C: Thank you!', 'A: No worries at all, have a great day.'] },
  ],
});

ruleTester(apology, 'zh', {
  valid: [
    { lines: ['C: 还没发货', 'A: 不好意思，让您久等了'] },
    { lines: ['C: 還沒發貨', 'A: 對不起，給您帶來不便'] },
    { lines: ['C: 能改地址吗', 'A: 抱歉，这个无法操作'] },
  ],
  invalid: [
    { lines: ['C: 好的', 'A: 感谢您的耐心等待'] },
    { lines: ['C: 你好', 'A: 您好，请问有什么可以帮您'] },
  ],
});
