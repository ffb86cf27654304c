// Recognising the customer's feelings or trouble. Phrases: language/lexicons/<lang>/acknowledgement.yml.
import { phraseDetector } from '../phrases.js';

export default phraseDetector('acknowledgement', 'acknowledgement', "recognises the customer's feelings, the difficulty of their situation or the inconvenience they suffered");
