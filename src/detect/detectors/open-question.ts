// A question that invites the customer to explain; yes/no questions and "anything else?" do not count.
import { phraseDetector } from '../phrases.js';

export default phraseDetector('open_question', 'open-question', 'asks an open question that invites the customer to describe or explain');
