import { describe, expect, it } from 'vitest';
import { detectLanguage, loadLanguageDetector } from './language.ts';

const PARAGRAPHS = {
  en: 'Russian forces shelled Kharkiv and Sumy overnight, regional governors said on Wednesday. Two people were injured when a guided bomb hit a residential district.',
  uk: 'Уночі російські війська обстріляли Харків і Суми, повідомили голови обласних військових адміністрацій. Двоє людей дістали поранення, коли керована авіабомба влучила в житловий квартал.',
  ru: 'Ночью российские войска обстреляли Харьков и Сумы, сообщили главы областных администраций. Два человека получили ранения, когда управляемая авиабомба попала в жилой квартал.',
  de: 'Russische Truppen haben in der Nacht Charkiw und Sumy beschossen, teilten die Gouverneure der Regionen mit. Zwei Menschen wurden verletzt, als eine Gleitbombe ein Wohnviertel traf.',
  fr: "Les forces russes ont bombardé Kharkiv et Soumy pendant la nuit, ont indiqué mercredi les gouverneurs régionaux. Deux personnes ont été blessées lorsqu'une bombe guidée a frappé un quartier résidentiel.",
} as const;

describe('detectLanguage', () => {
  for (const [language, paragraph] of Object.entries(PARAGRAPHS)) {
    it(`tells ${language} from a news paragraph`, async () => {
      const guess = await detectLanguage(paragraph);
      expect(guess.language).toBe(language);
      expect(guess.confidence).toBeGreaterThan(0.5);
      expect(guess.confidence).toBeLessThanOrEqual(1);
    });
  }

  it('returns null for text with too few letters to tell', async () => {
    expect(await detectLanguage('Kharkiv, 31.07')).toEqual({ language: null, confidence: 0 });
    expect(await detectLanguage('2024-07-31 06:15 — 1,234 / 5,678')).toEqual({ language: null, confidence: 0 });
    expect(await detectLanguage('')).toEqual({ language: null, confidence: 0 });
    // 28 letters: a short headline, below the 30 the guard asks for.
    expect(await detectLanguage('Shelling hits Kharkiv overnight')).toEqual({ language: null, confidence: 0 });
  });

  it('tells the language of a headline-length text', async () => {
    expect((await detectLanguage('Russian forces shelled Kharkiv and Sumy overnight')).language).toBe('en');
    expect((await detectLanguage('Російські війська вночі обстріляли Харків і Суми')).language).toBe('uk');
  });

  it('reads a long article by its body, not an English lead-in that eld alone would stop at', async () => {
    // Long enough (330 characters) to fill the ~380 bytes eld reads of its input.
    const leadIn =
      "Editor's note: this story was first published in Ukrainian by our partner outlet and is reproduced here in the original language. " +
      'Support independent journalism in Ukraine. Join us in this fight. Become a member or support us just once. ' +
      'Our reporters are on the front line every day, and they need readers like you to keep going. ';
    const body = Array.from({ length: 6 }, () => PARAGRAPHS.uk).join('\n\n');
    const guess = await detectLanguage(leadIn + body);
    expect(guess.language).toBe('uk');
  });
});

describe('loadLanguageDetector', () => {
  it('loads each database once per process and detects synchronously afterwards', async () => {
    const first = await loadLanguageDetector();
    const again = await loadLanguageDetector();
    expect(again).toBe(first);
    expect(first.size).toBe('medium');
    expect(first.detect(PARAGRAPHS.ru).language).toBe('ru');
  });
});
