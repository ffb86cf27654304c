import openQuestion from '../../src/detect/detectors/open-question.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(openQuestion, 'en', {
  valid: [
    { lines: ['C: It does not work.', 'A: What happens when you try to log in?'], quote: 'What happens when you try to log in?' },
    { lines: ['C: The screen flickers.', 'A: Sorry about that! Which device are you using?'], quote: 'Which device are you using?' },
    { lines: ['C: I got an error.', 'A: Could you tell me more about the error?'], quote: 'Could you tell me more about the error?' },
    { lines: ['C: The site is broken.', 'A: May we ask what website you are trying to reach?'] },
  ],
  invalid: [
    { lines: ['C: Thanks, that fixed it.', 'A: Great! Anything else?'] },
    { lines: ['C: Thanks!', 'A: Is there anything else I can help you with?'] },
    { lines: ['C: It will not start.', 'A: Have you tried restarting?'] },
    { lines: ['C: I will try that.', 'A: Let us know how it goes.'] },
    { lines: ['C: Either is fine.', 'A: You can have a refund or a voucher. Which do you prefer?'] },
  ],
});

ruleTester(openQuestion, 'zh', {
  valid: [
    { lines: ['C: 东西有问题', 'A: 请问具体是什么问题呢？'] },
    { lines: ['C: 你好', 'A: 有什么问题我可以帮您处理呢?'] },
  ],
  invalid: [
    { lines: ['C: 好的谢谢', 'A: 还有其他可以帮到您的吗?'] },
    { lines: ['C: 我要退货', 'A: 是这个订单吗？'] },
  ],
});
