/**
 * Small closed word lists the entity rules use: titles that announce a
 * person, role nouns that can stand for one, demonyms (which tell which
 * country an article is about), unit descriptors, and capitalised words that
 * are never entities on their own. Code, not resources: they are part of the
 * rules' logic and change with them.
 */

/** Demonym (lowercase) → ISO country code. */
export const DEMONYMS: Record<string, string> = {
  ukrainian: 'UA', russian: 'RU', belarusian: 'BY', polish: 'PL',
  german: 'DE', french: 'FR', british: 'GB', american: 'US', chinese: 'CN', iranian: 'IR',
  'north korean': 'KP', turkish: 'TR', moldovan: 'MD', georgian: 'GE', israeli: 'IL', syrian: 'SY', italian: 'IT',
  spanish: 'ES', dutch: 'NL', swedish: 'SE', finnish: 'FI', norwegian: 'NO', danish: 'DK', romanian: 'RO',
  hungarian: 'HU', lithuanian: 'LT', latvian: 'LV', estonian: 'EE', japanese: 'JP', indian: 'IN', canadian: 'CA',
};

/** Country names used as possessive qualifiers ("Ukraine's military") → ISO country code. */
export const COUNTRY_NAMES: Record<string, string> = {
  ukraine: 'UA', russia: 'RU', belarus: 'BY', poland: 'PL', germany: 'DE', france: 'FR', britain: 'GB',
  america: 'US', us: 'US', 'u.s.': 'US', china: 'CN', iran: 'IR', kyiv: 'UA', moscow: 'RU',
};

/**
 * The tables as Maps, for look-ups in hot loops: indexing a plain object with
 * a fresh string (a token) makes V8 internalise it; a Map only hashes it.
 */
const DEMONYM_CODES = new Map(Object.entries(DEMONYMS));
const COUNTRY_CODES = new Map(Object.entries(COUNTRY_NAMES));
const DEMONYM_MIN_LENGTH = Math.min(...[...DEMONYM_CODES.keys()].map((k) => k.length));
const DEMONYM_MAX_LENGTH = Math.max(...[...DEMONYM_CODES.keys()].map((k) => k.length));

/** A demonym, its plural or its people noun: "Russian", "Russians", "Ukrainians". */
export function isDemonym(word: string): boolean {
  // Shorter or longer than any demonym: no lowercasing, no look-up (this runs on every capitalised word).
  if (word.length < DEMONYM_MIN_LENGTH || word.length > DEMONYM_MAX_LENGTH + 1) return false;
  const lower = word.toLowerCase();
  return DEMONYM_CODES.has(lower) || (lower.endsWith('s') && DEMONYM_CODES.has(lower.slice(0, -1)));
}

/** Country code of a lowercase demonym ("russian" → RU), or undefined. */
export function demonymCountry(lower: string): string | undefined {
  return DEMONYM_CODES.get(lower);
}

/** Country code of a lowercase country name ("ukraine" → UA), or undefined. */
export function countryNamed(lower: string): string | undefined {
  return COUNTRY_CODES.get(lower);
}

/** Country code → the adjective used in canonical organisation names ("Russian Defense Ministry"). */
export const COUNTRY_ADJECTIVE: Record<string, string> = {
  UA: 'Ukrainian', RU: 'Russian', BY: 'Belarusian', PL: 'Polish', DE: 'German', FR: 'French', GB: 'British',
  US: 'US', CN: 'Chinese', IR: 'Iranian', KP: 'North Korean', TR: 'Turkish',
};

/**
 * Words that, before a capitalised name, make it a person: "President Volodymyr
 * Zelensky", "Professor Clarke", "General Apty Alaudinov", "governor Vadym Filashkin".
 * Lowercase; multiword titles are matched word by word from the name backwards.
 */
export const PERSON_TITLES = new Set([
  'president', 'vice-president', 'minister', 'premier', 'chancellor', 'general', 'gen.', 'gen', 'lieutenant',
  'lt.', 'colonel', 'col.', 'major', 'maj.', 'captain', 'capt.', 'sergeant', 'sgt.', 'admiral', 'commander',
  'professor', 'prof.', 'dr.', 'dr', 'mr.', 'mr', 'mrs.', 'mrs', 'ms.', 'ms', 'governor', 'gov.', 'mayor',
  'senator', 'sen.', 'representative', 'rep.', 'ambassador', 'spokesperson', 'spokesman', 'spokeswoman',
  'aide', 'adviser', 'advisor', 'secretary-general', 'secretary', 'chief', 'head', 'leader', 'dictator',
  'pope', 'king', 'queen', 'prince', 'princess', 'sir', 'lady', 'lord', 'judge', 'prosecutor', 'analyst',
  'journalist', 'correspondent', 'reporter', 'commander-in-chief', 'officer', 'soldier', 'deputy', 'director',
  'chairman', 'chairwoman', 'blogger', 'expert', 'photographer', 'editor', 'author', 'writer', 'economist',
]);

/**
 * Head nouns of names that are never a person's: a title or given name before
 * them does not make a person ("Premier League", "Major League Baseball",
 * "Victoria Park", "Governor Street").
 */
export const NON_PERSON_HEADS = new Set([
  'league', 'party', 'council', 'cup', 'association', 'committee', 'office', 'university', 'college', 'school',
  'club', 'company', 'corporation', 'union', 'federation', 'bank', 'church', 'cathedral', 'museum', 'hospital',
  'institute', 'academy', 'army', 'navy', 'agency', 'ministry', 'department', 'championship', 'championships',
  'games', 'award', 'awards', 'prize', 'series', 'street', 'road', 'route', 'highway', 'avenue', 'river', 'bridge',
  'station', 'airport', 'park', 'square', 'stadium', 'arena', 'district', 'county', 'province', 'island',
  'islands', 'mountain', 'mountains', 'lake', 'bay', 'city', 'hotel', 'palace', 'castle', 'tower', 'trophy',
  'tournament', 'festival', 'records', 'airlines', 'railway', 'team', 'fc', 'senate', 'parliament', 'assembly',
  'court', 'commission', 'foundation', 'society', 'brigade', 'regiment', 'battalion', 'division', 'corps',
]);

/** Role nouns a mention like "the president" or "its spokesperson" can use, → the role they name. */
export const ROLE_NOUNS: Record<string, string> = {
  president: 'president',
  'head of state': 'president',
  'prime minister': 'prime minister',
  'foreign minister': 'foreign minister',
  'defense minister': 'defense minister',
  'defence minister': 'defense minister',
  'commander-in-chief': 'commander-in-chief',
  'commander in chief': 'commander-in-chief',
  spokesperson: 'spokesperson',
  spokesman: 'spokesperson',
  spokeswoman: 'spokesperson',
  'press secretary': 'spokesperson',
  'presidential aide': 'aide',
  aide: 'aide',
};

/** Descriptors between a unit's number and its kind: "47th Separate Mechanized Brigade". */
export const UNIT_DESCRIPTORS = [
  'Separate', 'Independent', 'Guards', 'Guard', 'Mechanized', 'Mechanised', 'Motorized', 'Motorised', 'Motor',
  'Rifle', 'Assault', 'Air', 'Airborne', 'Airmobile', 'Marine', 'Naval', 'Infantry', 'Tank', 'Armored',
  'Armoured', 'Artillery', 'Jaeger', 'Mountain', 'Special', 'Forces', 'Purpose', 'Operations', 'Territorial',
  'Defense', 'Defence', 'Presidential', 'Operational', 'Combined', 'Arms', 'Coastal', 'Spetsnaz', 'Assault',
  'Reconnaissance', 'Ranger', 'Rocket', 'Anti-Aircraft', 'Missile', 'Engineer', 'Border', 'National', 'Heavy',
  'Light', 'Storm', 'Drone', 'Unmanned', 'Systems', 'Strike', 'Combat', 'Brigade', 'Named',
];

/** The kinds of military formation. */
export const UNIT_KINDS = ['Brigade', 'Regiment', 'Battalion', 'Division', 'Corps', 'Army', 'Squadron', 'Detachment', 'Company', 'Fleet', 'Flotilla'];

/**
 * Capitalised words that are not entities by themselves, though a tagger or
 * the gazetteer may think so: calendar words, sentence openers, page furniture.
 */
export const NOT_ENTITIES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday',
  'tomorrow', 'related', 'share', 'read', 'photo', 'video', 'watch', 'updated', 'advertisement', 'subscribe',
  'breaking', 'exclusive', 'opinion', 'analysis', 'the', 'a', 'an', 'and', 'but', 'however', 'meanwhile', 'still',
  'both', 'some', 'this', 'that', 'these', 'those', 'if', 'when', 'as', 'after', 'before', 'while', 'although',
  'according', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'his', 'her', 'its', 'their', 'our', 'we', 'they',
  'he', 'she', 'it', 'i', 'you', 'officials', 'analysts', 'drones', 'army', 'units', 'president', 'min',
  'additionally', 'delve', 'taking', 'over', 'support', 'become', 'join', 'link', 'seen', 'by', 'western', 'eastern',
  'northern', 'southern', 'central', 'grads', 'kab', 'victory', 'plan', 'there', 'what', 'three', 'one', 'two',
  'fierce', 'regional', 'file', 'article', 'taking', 'west', 'east', 'high', 'european', 'main', 'version', 'seen',
  'above', 'min', 'both', 'no', 'not', 'even', 'all', 'spetsnaz',
]);

/** Verbs of saying: "X said", "said X" make X a person (or an outlet, when X is one). */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'added', 'stated', 'claimed', 'claims', 'noted', 'asked', 'wrote', 'announced',
  'declared', 'mentioned', 'remarked', 'warned', 'explained', 'argued', 'insisted', 'denied', 'confirmed',
  'acknowledged', 'reported', 'reports', 'described', 'emphasized', 'stressed', 'urged', 'appealed', 'informed',
]);
