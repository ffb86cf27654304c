import acknowledgement from '../../src/detect/detectors/acknowledgement.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(acknowledgement, 'en', {
  valid: [
    { lines: ['C: My parcel never arrived and I have waited two weeks.', "A: I'm so sorry to hear that. Let me check the tracking."], quote: "I'm so sorry to hear that." },
    { lines: ['C: The app logged me out again.', 'A: I understand how frustrating this must be.'], quote: 'I understand how frustrating this must be.' },
    { lines: ['C: Charged twice this month!!', 'A: Oh no! Please DM us the last four digits of the card.'], quote: 'Oh no!' },
    { lines: ['C: Your support never replies.', "A: That's not the experience we want you to have."], quote: "That's not the experience we want you to have." },
    { lines: ['C: Still waiting on my refund.', 'A: We apologize for the delay with your refund.'], quote: 'We apologize for the delay with your refund.' },
    { lines: ['C: I feel so isolated since I moved cities.', 'A: That sounds really hard.'], quote: 'That sounds really hard.' },
    { lines: ['C: I finally told my boss I need help.', "A: That's a brave step, you should be proud."] },
    // Reflection of feelings and reassurance, in the forms support chats use.
    { lines: ['C: Nobody at school talks to me anymore.', 'A: I can really relate to that.'], quote: 'I can really relate to that.' },
    { lines: ['C: I keep replaying the argument in my head.', 'A: I can tell that you are still hurt by it.'] },
    { lines: ['C: I failed my driving test again.', "A: I'm sure you'll pass it next time."] },
    { lines: ['C: Everything feels heavy right now.', 'A: Hang in there, this feeling will pass.'] },
    { lines: ['C: I cried all evening after the call.', "A: It's completely okay to feel that way."] },
    { lines: ['C: I signed up for a night class.', "A: You're clearly a determined person."] },
    { lines: ['C: My roommate took my food again.', "A: That's not fair to you at all."] },
    // Naming what the customer goes through as hard, whatever it is called.
    { lines: ['C: Work has been so stressful since the layoffs.', 'A: The whole situation is really tough right now.'] },
    { lines: ['C: I have not seen my family all year.', 'A: This pandemic has been a hard time for everyone.'] },
    // Approving of a step the customer took, or of their effort; telling them there is nothing to fear.
    { lines: ['C: I finally called a counsellor today.', 'A: Reaching out like that is a great first step.'] },
    { lines: ['C: I feel like I am failing my kids.', "A: You're doing the best you can."] },
    { lines: ['C: I cried at work today.', "A: There's nothing to be ashamed of."] },
    { lines: ['C: I think my boss just does not like me.', "A: You're absolutely right to be careful."] },
  ],
  invalid: [
    { lines: ['C: Where is my order?', 'A: Sorry, can you DM us your order number?'] },
    { lines: ['C: Can you waive the fee?', "A: Sorry, but we can't change that."] },
    { lines: ['C: Hello', 'A: Hi there, thanks for reaching out!'] },
    { lines: ['C: ok', 'A: Thanks for your patience, the credit has been issued.'] },
    { lines: ['C: What time do you open?', "A: It's hard to say exactly, the store opens at 9am."] },
    // Seeing the customer's order is not seeing how they feel; a closing is not praise.
    { lines: ['C: Where is my parcel?', 'A: I can see the order was shipped yesterday.'] },
    { lines: ['C: Thanks, that fixed it.', 'A: It was nice talking to you.'] },
    // Advice and invitations that share the words of praise or reassurance.
    { lines: ['C: Should I restart the router?', 'A: It is a good idea to restart it once a week.'] },
    { lines: ['C: Can I ask about my bill here?', "A: Don't be afraid to ask us anything."] },
    { lines: ['C: How do I set this up?', 'A: The setup is hard to explain in a message.'] },
  ],
});

ruleTester(acknowledgement, 'zh', {
  valid: [
    { lines: ['C: 等了一个星期还没到货，太慢了', 'A: 我理解您的心情，马上为您催促'], quote: '我理解您的心情，马上为您催促' },
    { lines: ['C: 等了一個星期還沒到貨', 'A: 我理解您的心情'], quote: '我理解您的心情' },
    { lines: ['C: 快递一直没有更新', 'A: 非常抱歉給您帶來不便'] },
    { lines: ['C: 在吗？在吗？', 'A: 让您久等了，非常抱歉'] },
    // An apology followed at once by doing something about it is for the customer's trouble.
    { lines: ['C: 我的包裹又被退回去了', 'A: 抱歉，这个我们马上和快递核实一下'], quote: '抱歉，这个我们马上和快递核实一下' },
  ],
  invalid: [
    { lines: ['C: 能帮我改一下地址吗', 'A: 抱歉，这个无法操作'] },
    { lines: ['C: 我要改地址', 'A: 抱歉，请您提供一下订单号'] },
    { lines: ['C: 你好', 'A: 您好，很高兴为您服务'] },
  ],
});
