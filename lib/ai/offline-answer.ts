/**
 * The offline model's answers: deterministic (same question → same answer), shaped by the question,
 * and honest about what they are. No randomness, no clock.
 */
const STOP_WORDS = new Set(
  'a about an and are as at be but by can could did do does for from has have how i if in into is it its me my of on or our please should so tell than that the their them then there here these this those to too up us was we were what when where which who why will with would you your'.split(' '),
);

export function keywords(question: string, limit = 3): string[] {
  const seen = new Set<string>();
  for (const word of question.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []) {
    if (word.length > 2 && !STOP_WORDS.has(word)) seen.add(word);
    if (seen.size === limit) break;
  }
  return [...seen];
}

export function composeOfflineAnswer(question: string): string {
  const topic = keywords(question);
  const about = topic.length > 0 ? topic.map((word) => `"${word}"`).join(', ') : 'your message';
  return [
    `Thanks for asking about ${about}. I am the offline demo model, so this answer is composed locally, word by word, without calling any API.`,
    '',
    'Here is what happens while you read it:',
    '- the server opened an AGENT span for this turn and an LLM span for this model call;',
    '- every word you see is a streamed chunk passing through the traced model;',
    '- when the stream closes, the output and the token counts are written on the span, and the span ends.',
    '',
    'Set OPENAI_API_KEY to talk to a real model; the traces will look the same.',
  ].join('\n');
}

/** The `/think` reasoning, streamed before the answer as reasoning parts (like a model's thinking). */
export function composeOfflineReasoning(question: string): string {
  const topic = keywords(question);
  const about = topic.length > 0 ? topic.map((word) => `"${word}"`).join(', ') : 'nothing in particular';
  return [
    `The user asks about ${about}.`,
    'I am the offline model: I cannot look anything up, so I should say what I am and explain how this turn is traced.',
    'This reasoning is recorded as a reasoning content block of the output message, not as the answer.',
  ].join(' ');
}

/** The `/slow` answer: long enough (≥ 40 words) to press Stop mid-stream and look at the trace. */
export function composeLongOfflineAnswer(question: string): string {
  const topic = keywords(question);
  const about = topic.length > 0 ? topic.map((word) => `"${word}"`).join(', ') : 'your message';
  return `This is the slow mode, answering about ${about}: each word waits a little before it is sent, so you can press Stop and then look at the trace. The spans of an aborted turn still end exactly once, carry the partial output streamed so far and an abort marker, and leave unknown token counts unset instead of writing zero.`;
}

/** Three follow-up questions about the conversation's topic (the offline answer to "Suggest follow-ups"). */
export function composeFollowUps(previousQuestion: string): string {
  const [first = 'this answer', second = 'the stream'] = keywords(previousQuestion, 2);
  return [
    `How would the trace of a question about "${first}" look in Phoenix?`,
    `Which span attributes change when the answer about "${second}" is longer?`,
    'What do the spans show if I press Stop halfway through?',
  ].join('\n');
}
