/** Golden cases for channels: the medium a statement reached the article through. */
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../model/index.ts';
import { analyze } from '../index.ts';

function quotes(text: string): Quote[] {
  return analyze({ text, published: { value: '2024-08-20', provenance: 'metadata', evidence: null } }).quotes.filter((q) => q.kind !== 'partial');
}

describe('channels', () => {
  it('"the state agency Tass quoted him as saying": Tass is the channel, "him" the speaker', () => {
    const [q] = quotes('General Apty Alaudinov spoke in Kursk. "Half of the territory has been liberated," the state agency Tass quoted him as saying.');
    expect(q?.channel).toMatchObject({ text: 'the state agency Tass', entity: 'outlet:tass' });
    expect(q?.speaker).toMatchObject({ text: 'him', entity: 'person:apty alaudinov' });
    expect(q?.cue?.text).toBe('quoted him as saying');
  });
  it('"per a translation from the Kyiv Independent" is a channel, not a source', () => {
    const [q] = quotes('Zelensky said that Moscow is concentrating its troops on Pokrovsk, per a translation from the Kyiv Independent.');
    expect(q?.speaker?.entity).toBe('person:volodymyr zelensky');
    expect(q?.channel).toMatchObject({ text: 'the Kyiv Independent', entity: 'outlet:kyiv independent' });
    expect(q?.content.text).toBe('Moscow is concentrating its troops on Pokrovsk');
  });
  it('"according to a translation by Ukrainian outlet Pravda"', () => {
    const [q] = quotes('"The main objective has shifted," said Zelenskyy, according to a translation by Ukrainian outlet Pravda.');
    expect(q?.channel?.entity).toBe('outlet:ukrainska pravda');
  });
  it('"Die Welt reports" after an attribution carries it', () => {
    const [q, ...rest] = quotes('According to Ukrainian commander-in-chief, Olexander Syrskyj, Moscow has withdrawn 50,000 soldiers, Die Welt reports.');
    expect(rest).toEqual([]);
    expect(q?.speaker?.entity).toBe('person:oleksandr syrskyi');
    expect(q?.channel?.entity).toBe('outlet:die welt');
  });
  it('an outlet reporting on its own is the source', () => {
    const [q] = quotes('The battle for Pokrovsk is among the bloodiest of the entire war, The Wall Street Journal reports.');
    expect(q?.speaker?.entity).toBe('outlet:wall street journal');
    expect(q?.channel).toBeNull();
  });
  it('"wrote on X" and "posted on Telegram" name the platform', () => {
    expect(quotes('"We will present our strategy," Zelensky wrote on X.')[0]?.channel?.text).toBe('X');
    expect(quotes('Zelensky posted on Telegram that the fighting is fierce.')[0]?.channel?.text).toBe('Telegram');
  });
  it('"…, the officer added, UNIAN reported."', () => {
    const [, q] = quotes('According to one officer, "drones are everywhere." "They dominate the sky," the officer added, UNIAN reported.');
    expect(q?.channel?.entity).toBe('outlet:unian');
  });
});
