import directAnswer from '../../src/detect/detectors/direct-answer.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(directAnswer, 'en', {
  valid: [
    { lines: ['C: Does the Plus plan allow more users?', 'A: The Plus plan allows up to five users on one account.'] },
    // A personal question that also asks for advice is still a request.
    { lines: ['C: How have you coped with stress yourself? Any tips?', 'A: A short walk after lunch clears stress for most people.'] },
    // A question typed without its question mark is still a question.
    { lines: ['C: When does the winter sale start', 'A: The sale started this morning and runs all week.'] },
  ],
  invalid: [
    // Questions about the agent are answered by self-disclosure, not by a way forward.
    { lines: ['C: Have you ever been through a breakup?', 'A: Breakups happened to my cousin twice.'] },
    { lines: ['C: Do you have any kids?', 'A: Kids are wonderful, but no.'] },
    // Saying back what the customer said answers nothing.
    { lines: ['C: Should I block the accounts that post negative things?', 'A: Sometimes accounts that post negative things drain you.'] },
    { lines: ['C: Do you think he loves me?', 'A: You mentioned he loves spending time with you.'] },
    // The agent speaking of themselves.
    { lines: ['C: Is there a way to get rid of stress?', 'A: When I am stressed I like to listen to music.'] },
    // "?!" after a statement is disbelief, not a question waiting for an answer.
    { lines: ['C: You charged me for the seats twice again?!', 'A: Seats are charged when you book them.'] },
  ],
});

ruleTester(directAnswer, 'zh', {
  valid: [
    { lines: ['C: 这个套餐有流量吗？', 'A: 这个套餐包含五个G的流量'] },
    // 正反问（带不带、有没有）没有问号也是提问。
    { lines: ['C: 这个套餐带不带流量', 'A: 这个套餐包含五个G的流量'] },
  ],
  invalid: [{ lines: ['C: 这个套餐包含流量', 'A: 这个套餐包含五个G的流量'] }],
});
