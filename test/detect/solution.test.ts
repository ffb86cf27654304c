import solution from '../../src/detect/detectors/solution.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(solution, 'en', {
  valid: [
    { lines: ['C: I was charged twice.', "A: I'll refund the second charge today."], quote: "I'll refund the second charge today." },
    { lines: ['C: The app keeps crashing.', 'A: Hi there. Please try restarting the app.'], quote: 'Please try restarting the app.' },
    { lines: ['C: My order is late.', "A: DM us your order number and we'll look into the delay."], quote: "DM us your order number and we'll look into the delay." },
    { lines: ['C: Still buffering.', "A: If that doesn't help, please call us on 0800 123 456."], quote: "If that doesn't help, please call us on 0800 123 456." },
    { lines: ['C: When do you open?', 'A: Our stores open at 9am every day.'] },
    { lines: ['C: I have not slept in days.', 'A: Maybe you could talk to your doctor about it.'] },
    // Advice in the forms support chats use: an imperative, a question that proposes, what might help.
    { lines: ['C: I feel so stuck at home.', 'A: Take some time to go for a walk every morning.'] },
    { lines: ['C: My coworker keeps taking credit for my work.', 'A: Could you talk to your manager about it?'] },
    { lines: ['C: I cannot stop worrying at night.', 'A: It might be a good idea to write your worries down before bed.'] },
    { lines: ['C: I have no friends in this city.', 'A: What about joining a running club?'] },
    { lines: ['C: I am always anxious.', 'A: Journaling is a great way to sort out your thoughts.'] },
    { lines: ['C: I feel lonely since I moved.', 'A: Have you ever considered volunteering at the library?'] },
    { lines: ['C: My brother never calls me back.', 'A: Maybe schedule a weekly call with him.'] },
    { lines: ['C: I cannot focus at work.', 'A: Maybe keeping a to-do list will help you stay on track.'] },
    { lines: ['C: I forget my deadlines.', 'A: Using a planner can keep you organised.'] },
    { lines: ['C: My partner and I keep fighting.', 'A: Ask her what she needs from you this week.'] },
    { lines: ['C: My friends are drifting away.', 'A: Keep in touch with them by text, even briefly.'] },
  ],
  invalid: [
    // Blame for what already happened is not a next step.
    { lines: ['C: My blender broke after a week.', 'A: You should have read the warranty policy before buying.'] },
    { lines: ['C: Can you help?', "A: I can't help with that."] },
    { lines: ['C: I want my money back.', "A: We can't refund this order."] },
    { lines: ['C: Any news?', 'A: Please wait.'] },
    { lines: ['C: My order is late.', 'A: Please send us a DM so we can assist you further.'] },
    { lines: ['C: Thanks!', 'A: Is there anything else I can help you with?'] },
    { lines: ['C: It broke.', 'A: Please provide your order number.'] },
    // Reassurance, a closing, or asking what was tried is not a step on the issue.
    { lines: ['C: I am scared of the exam.', 'A: I know you can get through this!'] },
    { lines: ['C: Thanks for listening.', 'A: You too, take care!'] },
    { lines: ['C: Nothing works for my back pain.', 'A: What have you tried so far?'] },
    { lines: ['C: I had a rough day.', 'A: You can always talk to me.'] },
    // Words that look like steps but are not offered to the customer.
    { lines: ['C: My best friend ignored me.', 'A: It hurts when people we trust let us down.'] },
    { lines: ['C: I am not sure where to begin.', "A: Let's start with a few questions if that's ok."] },
    { lines: ['C: Everyone judges me.', 'A: People either support you or they do not.'] },
  ],
});

ruleTester(solution, 'zh', {
  valid: [
    { lines: ['C: 收到的商品坏了', 'A: 已为您申请补发'] },
    { lines: ['C: 收到的商品壞了', 'A: 已為您補發'] },
    { lines: ['C: 优惠券用不了', 'A: 建议您重新下单'] },
  ],
  invalid: [
    { lines: ['C: 你们服务太差了', 'A: 我们会反馈的'] },
    { lines: ['C: 我的快递到哪了', 'A: 正在为您查询，请稍等'] },
  ],
});
