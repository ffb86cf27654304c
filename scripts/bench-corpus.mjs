// The synthetic corpus of `npm run bench`: customer-service conversations in English and Chinese, built from the
// templates and phrase lists below (written for heard, not taken from any data set), with a deterministic seed.
// Conversations vary in length (2 to ~40 turns), in what the customer brings (trouble, anger, a plain question),
// and in what the agent does (acknowledges, paraphrases, solves, deflects, blames), so every detector has work.
import { createWriteStream } from 'node:fs';

/** mulberry32: a small, fast PRNG; the same seed gives the same corpus on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = {
  agents: ['Maria', 'Daniel', 'Hannah', 'Priya', 'Tom', 'Aisha', 'Lucas', 'Grace', 'Omar', 'Sofia', 'Ben', 'Chloe', 'Ravi', 'Emma', 'Jonas', 'Leila'],
  customers: ['Leo', 'Ana', 'Mark', 'Julia', 'Sam', 'Nina', 'Paul', 'Rosa', 'Ivan', 'Kate'],
  items: ['monitor', 'hiking boots', 'coffee machine', 'phone case', 'winter jacket', 'router', 'desk lamp', 'blender', 'headphones', 'backpack'],
  problems: [
    'I ordered a {item} (order #{order}) and it arrived broken. I took the day off to set it up and now this.',
    'I was charged twice for order #{order}, ${amount} each time, and nobody answers my emails.',
    'I returned the {item} from order #{order} three weeks ago and I still have not got my ${amount} back.',
    'My {item} stopped working after two days. This is the third time I contact you about it!!!',
    'The tracking for order #{order} has said "out for delivery" since Monday. Where is my {item}?',
    'I cannot log in to my account since the update, the password reset email never arrives.',
    'You sent me the wrong size again. I ordered a medium {item} and got a small one, AGAIN.',
    'Hi, can you tell me when the {item} will be back in stock?',
    'I want to change the delivery address for order #{order} to my office please.',
    'Honestly this is ridiculous, I have been waiting on hold for an hour and my internet is still down.',
  ],
  follow: [
    'Yes, that is right.', 'No, the box was fine, only the {item} was damaged.', 'I already tried that twice.',
    'Why does this always happen to me?', 'OK, and how long will that take?', 'That is not acceptable, I need it by Friday.',
    'I paid with my credit card ending 4421.', 'The order number is #{order}.', 'Can I speak to a manager?',
    'Fine. But I am really disappointed with the service.', 'Great, that works for me.', 'I am worried the money will not come back.',
  ],
  thanks: ['Thanks, that is really helpful.', 'Thank you so much for sorting it out!', 'OK. Bye.', 'Whatever, I will just cancel.', 'Perfect, thanks a lot.'],
  acknowledge: [
    "I'm so sorry, that's really frustrating after taking the day off for it.", 'I can see how stressful it is to be charged twice.',
    'I understand how annoying it must be to wait this long.', "That's not the experience we want you to have, and I'm sorry.",
    'I completely understand your frustration.', 'Sorry for the inconvenience.',
  ],
  paraphrase: [
    'So the {item} from order #{order} arrived with the screen cracked, right?', 'Just to make sure I understand: you were charged ${amount} twice for order #{order}?',
    'If I understand correctly, the refund for the {item} has not reached your card yet?', 'So you cannot log in and the reset email never arrives, is that correct?',
  ],
  solution: [
    "I've issued a refund of ${amount} to your card; it will show within 3-5 business days.", "I'll send a replacement {item} today by express delivery.",
    'Let me check the tracking for you. I have contacted the courier and they will deliver tomorrow.', 'I have reset your password; please check your inbox and the spam folder.',
    'You can change the address in your account under Orders, or I can do it for you now.', 'I have escalated this to our technical team and will call you back before 5 pm.',
  ],
  question: ['What happened when you tried to set it up?', 'Could you describe what the error message says?', 'Is there anything else I can help you with?', 'Can you send me a photo of the damage?'],
  negative: ['As I said, that is our policy.', 'You should have read the terms before ordering.', 'There is nothing I can do about that.', 'That is not my department.'],
  filler: ['Let me look into that.', 'One moment please.', 'Thanks for waiting.', 'I am checking your account now.', 'Hello, thanks for contacting us. How can I help you today?'],
};

const ZH = {
  agents: ['小林', '小王', '小张', '小陈', '阿美', '小李', '小周', '小吴'],
  customers: ['买家', '客户', '顾客'],
  items: ['显示器', '登山鞋', '咖啡机', '手机壳', '羽绒服', '路由器', '台灯', '耳机'],
  problems: [
    '我的订单{order}显示已签收，可是我根本没收到{item}！', '我买的{item}收到就是坏的，屏幕裂了，太让人生气了。', '同一个订单扣了我两次钱，每次{amount}元，怎么回事？？？',
    '退货已经三个星期了，{amount}元还没退给我。', '这已经是我第三次联系你们了，{item}还是不能用！', '请问{item}什么时候有货？',
    '我想把订单{order}的收货地址改一下。', '你们的客服电话一直打不通，我等了一个小时了。',
  ],
  follow: ['对，就是这样。', '我已经试过两次了，还是不行。', '那要多久？', '我周五之前一定要用到。', '为什么总是这样？', '好吧，但是我真的很失望。', '我担心钱退不回来。', '订单号是{order}。'],
  thanks: ['好的，谢谢你！', '太好了，非常感谢。', '行吧。', '算了，我不买了。'],
  acknowledge: ['非常抱歉给您添麻烦了，我理解您的心情。', '让您久等了，真的很抱歉。', '我明白这种情况确实让人着急。', '给您带来不便，实在不好意思。'],
  paraphrase: ['您是说订单{order}显示已签收，但是您没有收到{item}，对吗？', '我确认一下，您是被扣了两次款，每次{amount}元，是吗？', '您的意思是退款到现在还没有到账，对吗？'],
  solution: ['我已经为您申请退款{amount}元，三到五个工作日到账。', '我马上为您补发一个新的{item}，今天就发顺丰。', '我已经联系快递，明天会给您送到。', '建议您先重启一下设备，如果还不行我帮您换货。'],
  question: ['具体是什么情况呢？', '您能描述一下出现了什么问题吗？', '还有其他可以帮您的吗？'],
  negative: ['这不归我们管。', '你自己看一下说明书。', '我已经说过了，这是规定。'],
  filler: ['您好，很高兴为您服务。', '请稍等，我帮您查一下。', '感谢您的耐心等待。'],
};

function fill(template, r, lang) {
  const kit = lang === 'en' ? EN : ZH;
  return template
    .replaceAll('{item}', () => pick(kit.items, r))
    .replaceAll('{order}', () => `${lang === 'en' ? 'NW' : 'ZX'}-${10000 + Math.floor(r() * 89999)}`)
    .replaceAll('{amount}', () => (10 + Math.floor(r() * 490)).toFixed(2));
}

function pick(list, r) {
  return list[Math.floor(r() * list.length)];
}

/** One conversation in heard's JSON shape. */
export function conversation(n, r) {
  const lang = r() < 0.7 ? 'en' : 'zh';
  const kit = lang === 'en' ? EN : ZH;
  const agent = pick(kit.agents, r);
  const customer = pick(kit.customers, r);
  const say = (role, list) => ({ role, speaker: role === 'agent' ? agent : customer, text: fill(pick(list, r), r, lang) });
  const turns = [];
  const skill = r(); // how good this agent is on this conversation
  // Rounds of customer turn → agent reply; a long tail of long conversations.
  const rounds = 1 + Math.floor(-Math.log(1 - r() * 0.999) * 3.5);
  if (r() < 0.5) turns.push(say('agent', kit.filler));
  turns.push(say('customer', kit.problems));
  for (let i = 0; i < rounds; i++) {
    const agentTurns = [];
    if (r() < skill) agentTurns.push(say('agent', kit.acknowledge));
    if (r() < skill * 0.6) agentTurns.push(say('agent', kit.paraphrase));
    if (r() < 0.3) agentTurns.push(say('agent', kit.question));
    if (r() < 0.12 * (1 - skill)) agentTurns.push(say('agent', kit.negative));
    if (r() < 0.5 + skill / 2) agentTurns.push(say('agent', kit.solution));
    if (agentTurns.length === 0) agentTurns.push(say('agent', kit.filler));
    // Several short messages or one long reply.
    if (r() < 0.5) turns.push(...agentTurns);
    else turns.push({ ...agentTurns[0], text: agentTurns.map((t) => t.text).join(lang === 'en' ? ' ' : '') });
    turns.push(say('customer', i === rounds - 1 ? kit.thanks : kit.follow));
  }
  let t = 0;
  for (const turn of turns) {
    turn.start = t;
    t += 5 + Math.floor(r() * 60);
  }
  return { id: `${lang.toUpperCase()}-${String(n).padStart(8, '0')}`, agent, language: lang, turns };
}

/** Write conversations as JSONL to `file` until it holds at least `bytes`; resolves to {bytes, conversations, turns}. */
export async function writeCorpus(file, bytes, seed = 42) {
  const r = rng(seed);
  const out = createWriteStream(file);
  let written = 0;
  let conversations = 0;
  let turns = 0;
  while (written < bytes) {
    const lines = [];
    for (let i = 0; i < 200 && written < bytes; i++) {
      const c = conversation(conversations++, r);
      turns += c.turns.length;
      const line = `${JSON.stringify(c)}\n`;
      written += Buffer.byteLength(line);
      lines.push(line);
    }
    if (!out.write(lines.join(''))) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return { bytes: written, conversations, turns };
}
