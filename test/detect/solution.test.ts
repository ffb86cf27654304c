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
    // "You'll have to / you'll need to" is an instruction like "you have to".
    { lines: ['C: The new card does not show in the app.', "A: You'll have to update the app before the card shows up."] },
    { lines: ['C: I cannot log in.', "A: You'll need to reset your password from the login page."] },
    // "You could" proposes an option whatever the verb; so does what the agent would do in the customer's place.
    { lines: ['C: My aunt never sees my photos.', 'A: You could frame a few of them and give them to her.'] },
    { lines: ['C: My landlord wants me to sign today.', 'A: I would talk to a tenants union before signing anything.'] },
    { lines: ['C: Should I post about it online?', "A: I wouldn't pursue that option yet."] },
    // Naming the step that would work best, or calling one worth doing.
    { lines: ['C: I failed the first test.', 'A: The best thing for you to do now is to ask the tutor for past papers.'] },
    { lines: ['C: The bank keeps ignoring my emails.', 'A: The best course of action is to call them and ask for a reference number.'] },
    { lines: ['C: Counselling helped us last year.', 'A: It might be worth going back to counselling then.'] },
    // Imperatives of coping advice, and an alternative offered with "or".
    { lines: ['C: People keep walking over me.', 'A: Strengthen your boundaries and pursue your own interests.'] },
    { lines: ['C: She was rude to me again.', 'A: Just leave it alone and move on.'] },
    { lines: ['C: The seller will not answer.', 'A: Or take it up with the marketplace directly.'] },
    { lines: ['C: Is there any other way?', 'A: Would it be possible for you to try the web version?'] },
    { lines: ['C: I want to quit.', 'A: Go easy on yourself and try to rest tonight.'] },
    { lines: ['C: The kettle arrived broken.', 'A: I can give you a replacement today.'] },
    // Trying to reach the customer is an action taken on their issue; so is a fix being released.
    { lines: ['C: Is there anyone I can talk to before my flight?', "A: I've tried calling you, but it goes straight to voicemail."] },
    { lines: ['C: Your app left files behind after I removed it.', "A: We're rolling out a cleanup tool with this week's update."] },
    // A link counts when the sentence says what to do with it.
    { lines: ['C: My router drops the connection every night.', 'A: Here is a link to our community forum to post the issue to: https://example.com/forum'] },
    // When something is available answers how to get it.
    { lines: ['C: Why can I not browse while I am on a call?', 'A: Calling while browsing is available when you are connected to Wi-Fi.'] },
    // "Let go of" is still advice, though the verb is followed by "of".
    { lines: ['C: I keep thinking about my ex.', 'A: Let go of the past and give yourself time.'] },
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
    // "You can" that praises, reassures or states a purpose, not a step offered to the customer.
    { lines: ['C: I still go to work every day.', "A: I'm proud that you can take care of your family like that."] },
    { lines: ['C: I walk every evening.', 'A: Walking clears your head so you can make better decisions.'] },
    { lines: ['C: I did my best.', 'A: You have to give yourself more credit for how far you have come.'] },
    { lines: ['C: I am trying so hard.', 'A: You are doing the best you can and take pride in that.'] },
    { lines: ['C: He left me last month.', "A: It's a painful loss, and you have to go through it day by day."] },
    { lines: ['C: She sounded off on the phone.', 'A: You could tell from her voice that she was upset.'] },
    { lines: ['C: I am moving back home.', 'A: You might even meet someone new there.'] },
    { lines: ['C: I am fine, how are you?', 'A: I am good, you can go ahead and tell me what is on your mind.'] },
    { lines: ['C: Hi.', "A: I'd be glad to help if you could please tell me what is bothering you."] },
    { lines: ['C: If I stay quiet nothing changes.', 'A: If you do not speak up, you could miss out on the promotion.'] },
    { lines: ['C: I have no ideas for a gift.', "A: I'm sure there's something you could come up with."] },
    // Asking the customer what would help, or whether something is possible, asks; it proposes nothing.
    { lines: ['C: I feel awful.', 'A: Is there anything you can think of that would help you feel better?'] },
    { lines: ['C: I have been so down lately.', 'A: Can you think of something that might cheer you up?'] },
    { lines: ['C: He cheated on me.', 'A: Have you thought about whether you can trust him again?'] },
    { lines: ['C: My doctor is always busy.', 'A: Is it possible to see someone else at the practice?'] },
    // Saying what would help someone else, or that it will surely help, reflects or reassures.
    { lines: ['C: He sends mixed signals.', 'A: It sounds like it would help if he were more direct with you.'] },
    { lines: ['C: My sister is coming to stay.', "A: I'm sure it will help to have your family around."] },
    // The agent's own habits and offers of support are not a step for the customer.
    { lines: ['C: I worry all the time.', 'A: I sometimes get ahead of myself and try to fix everything at once.'] },
    { lines: ['C: I decided to cut down on the news.', "A: Last year I decided that I'd spend less time online."] },
    { lines: ['C: Thank you for listening.', "A: I'm glad I could provide some support today."] },
    { lines: ['C: What should I tell him?', 'A: That is the best advice I can give you.'] },
    { lines: ['C: Any advice?', 'A: I can give you some encouragement, at least.'] },
    { lines: ['C: My family is worried too.', 'A: I hope they can help you through this.'] },
    { lines: ['C: My friends know about it.', 'A: They can help you get through this.'] },
    // Encouragement and closings that start like an instruction.
    { lines: ['C: It is hard to start over.', 'A: Take it from me, it gets easier.'] },
    { lines: ['C: I failed again.', 'A: But take heart.'] },
    { lines: ['C: Everything is dark right now.', 'A: Try and remember that this will pass.'] },
    { lines: ['C: Thanks, talk tomorrow.', 'A: See you tomorrow!'] },
    { lines: ['C: I have not told my parents.', 'A: Have you talked to your family or speak to anyone about it?'] },
    // A verb followed by "of" is a noun, and "take note" asks for attention: neither is a step.
    { lines: ['C: My internet is still down after the plan change.', 'A: Change of plans like yours can cause this kind of problem.'] },
    { lines: ['C: Still waiting for the installer.', 'A: You may take note of the installation date.'] },
    // A bare link, or help to find the number the agent is asking for, is no step on the issue.
    { lines: ['C: My order never came.', 'A: For the latest updates, go to the orders link here: https://example.com/orders'] },
    { lines: ['C: My laptop will not start.', 'A: For details on how to find your serial number, click the following link: https://example.com/serial'] },
  ],
});

ruleTester(solution, 'zh', {
  valid: [
    { lines: ['C: 收到的商品坏了', 'A: 已为您申请补发'] },
    { lines: ['C: 收到的商品壞了', 'A: 已為您補發'] },
    { lines: ['C: 优惠券用不了', 'A: 建议您重新下单'] },
    // Compensation promised to the customer, whatever the company calls itself.
    { lines: ['C: 你们为什么多收我的钱？', 'A: 对于多收的差价，某某旅行将全额赔付给您。'] },
    // What to bring, and where to go to get it done, is an instruction.
    { lines: ['C: 手机丢了，卡怎么办？', 'A: 必须持有身份证原件。'] },
    { lines: ['C: 手机丢了，卡怎么办？', 'A: 带齐材料到附近的营业厅办理补卡。'] },
  ],
  invalid: [
    { lines: ['C: 你们服务太差了', 'A: 我们会反馈的'] },
    { lines: ['C: 我的快递到哪了', 'A: 正在为您查询，请稍等'] },
    // Checking the problem back is a paraphrase, not an answer, even when it names a time.
    { lines: ['C: 快递三天了还没到', 'A: 您是说快递三天了还没送到，对吗？'] },
  ],
});
