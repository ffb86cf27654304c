import paraphrase from '../../src/detect/detectors/paraphrase.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(paraphrase, 'en', {
  valid: [
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
    // No customer turn before: nothing to restate.
    { lines: ['A: So you were charged twice?'] },
  ],
});

ruleTester(paraphrase, 'zh', {
  valid: [{ lines: ['C: 我想把收货地址改到安徽合肥', 'A: 您是想把收货地址改到安徽合肥对吗'] }],
  invalid: [
    { lines: ['C: 我想把收货地址改到安徽合肥', 'A: 好的，我明白了'] },
    { lines: ['C: 订单还没到', 'A: 您是说什么呢'] },
  ],
});
