// Explicit apology words. An apology is not by itself acknowledgement: see acknowledgement.yml.
import { phraseDetector } from '../phrases.js';

export default phraseDetector('apology', 'apology', 'apologises with explicit words');
