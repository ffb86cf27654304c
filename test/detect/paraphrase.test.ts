import paraphrase from '../../src/detect/detectors/paraphrase.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(paraphrase, 'en', {
  valid: [
    {
      lines: ['C: My subscription was charged two times in May.', 'A: Just to make sure I have this right: your subscription was charged twice in May?'],
      quote: 'Just to make sure I have this right: your subscription was charged twice in May?',
    },
    {
      lines: ['C: I was charged twice for my subscription this month.', 'A: Thanks. So you were charged twice for the subscription this month?'],
      quote: 'So you were charged twice for the subscription this month?',
    },
    {
      lines: ['C: The package shows delivered but nothing came to my door.', 'A: Your package shows as delivered but never reached your door?'],
      quote: 'Your package shows as delivered but never reached your door?',
    },
    // The second route: the customer's feeling reflected in other words.
    { lines: ['C: I feel so isolated since I moved to a new city.', "A: It sounds like you're feeling lonely."], quote: "It sounds like you're feeling lonely." },
    // "So you..." says the customer's situation back by its form, even in other words.
    { lines: ['C: My landlord raised the rent again and I cannot cover it.', "A: Okay. So you're worried you might have to move out soon?"], quote: "So you're worried you might have to move out soon?" },
    // A checking form needs only one of the customer's words, or the same thing in other words (job / work).
    { lines: ['C: I lost my job last month.', 'A: So work has been on your mind a lot?'], quote: 'So work has been on your mind a lot?' },
    { lines: ['C: My sister stopped talking to me after the wedding.', 'A: You feel your sister has shut you out. Is that right?'], quote: 'Is that right?' },
    { lines: ['C: My partner keeps cheating on me.', 'A: I hear you saying that the cheating has broken your trust.'] },
    // A restatement of something said a few turns ago still restates.
    {
      lines: [
        'C: My manager yells at me in front of the whole team.',
        'A: That sounds awful.',
        'C: Yes.',
        'A: How long has it been going on?',
        'C: A few months.',
        'A: So your manager has been doing this for months, is that correct?',
      ],
    },
  ],
  invalid: [
    // A cue with none of the customer's content is a formula.
    { lines: ['C: My order is late.', 'A: So you want to know more?'] },
    { lines: ['C: My order is late.', 'A: I see.'] },
    // Repeating the order number (or one word) is not restating the problem.
    { lines: ['C: Order 12345 has not arrived.', 'A: To confirm, order 12345?'] },
    // The customer's words without a cue may be a quote or an answer.
    { lines: ['C: I was charged twice for my subscription.', 'A: The subscription charge was refunded.'] },
    // A question about a feeling is not a reflection of it.
    { lines: ['C: I feel so lonely these days.', 'A: How long have you been feeling lonely?'] },
    // Praise is not a restatement, and a question asks rather than says back.
    { lines: ['C: I started going to the gym every morning.', "A: It sounds like you're doing a great job taking care of yourself."] },
    { lines: ['C: My brother borrowed money and never paid it back.', 'A: What do you mean by never paid back?'] },
    { lines: ['C: Order 12345 never arrived at my house.', 'A: To confirm, have you checked with your neighbours about the order?'] },
    // A checking form with none of the customer's words is still a formula.
    { lines: ['C: My order is late.', 'A: Is that right?'] },
    // No customer turn before: nothing to restate.
    { lines: ['A: So you were charged twice?'] },
  ],
});

ruleTester(paraphrase, 'zh', {
  valid: [
    { lines: ['C: 我想把收货地址改到安徽合肥', 'A: 您是想把收货地址改到安徽合肥对吗'] },
    // A checking form restates the problem stated before two short replies (a number, an impatient question).
    { lines: ['C: 我的洗衣机漏水了，地上全是水', 'A: 请提供一下订单号', 'C: 8812345', 'A: 好的稍等', 'C: 好了没有？', 'A: 您是说洗衣机漏水，对吗？'] },
  ],
  invalid: [
    { lines: ['C: 我想把收货地址改到安徽合肥', 'A: 好的，我明白了'] },
    { lines: ['C: 订单还没到', 'A: 您是说什么呢'] },
  ],
});
