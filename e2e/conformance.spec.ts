import { expect, test } from '@playwright/test';
import type { ReceivedSpan } from '../receiver/api';
import { ChatPage, RUNTIMES } from './support/chat-page';
import { conformanceViolations } from './support/openinference-conformance';
import { kindOf, waitForTurnSpans } from './support/turn-spans';

/**
 * Decodes what really reached the receiver for a plain turn, a tool turn and an aborted turn, and
 * checks it against the OpenInference spec; then the tool turn's tree and the per-request context.
 */
for (const runtime of RUNTIMES) {
  test(`[${runtime}] plain, tool and aborted turns export spec-conformant OpenInference traces`, async ({ page }) => {
    test.setTimeout(90_000);
    const chat = new ChatPage(page);
    await chat.open(runtime);
    const sessionId = (await page.getByTestId('session-id').getAttribute('data-session-id'))!;

    await chat.ask('Hello there, what can you do?');
    const plainTrace = await chat.lastTraceId();

    const toolAnswer = await chat.ask('Please calculate 17*23');
    const toolTrace = await chat.lastTraceId();
    expect(toolAnswer).toBe('17*23 = 391.');
    const toolPart = chat.lastAnswer.getByTestId('tool-call');
    await expect(toolPart).toHaveAttribute('data-tool-name', 'calculator');
    await expect(toolPart).toHaveAttribute('data-state', 'output-available');
    await expect(toolPart.getByTestId('tool-output')).toContainText('391');

    await chat.send('/slow Tell me a long story about spans');
    await expect(chat.lastAnswerText).toHaveText(/(\S+\s+){3}/);
    await page.getByTestId('stop-button').click();
    await expect(chat.lastAnswer.getByTestId('stopped-label')).toBeVisible();
    const abortedTrace = await chat.lastTraceId();

    const plain = await waitForTurnSpans(plainTrace);
    const tool = await waitForTurnSpans(toolTrace, 15_000, 2);
    const aborted = await waitForTurnSpans(abortedTrace);
    const all = [...plain.all, ...tool.all, ...aborted.all];
    expect(conformanceViolations(all)).toEqual([]);

    // Tool turn: AGENT → LLM (calls the tool) → TOOL → LLM (uses the result).
    expect(tool.all.map(kindOf).sort()).toEqual(['AGENT', 'LLM', 'LLM', 'TOOL']);
    const agent = tool.chain;
    const [first, second] = tool.all.filter((s) => kindOf(s) === 'LLM').sort((a, b) => Number(a.startTimeUnixNano - b.startTimeUnixNano)) as [ReceivedSpan, ReceivedSpan];
    const toolSpan = tool.all.find((s) => kindOf(s) === 'TOOL')!;
    for (const span of [first, second, toolSpan]) expect(span.parentSpanId).toBe(agent.spanId);
    const callId = first.attributes['llm.output_messages.0.message.tool_calls.0.tool_call.id'];
    expect(first.attributes['llm.output_messages.0.message.tool_calls.0.tool_call.function.name']).toBe('calculator');
    expect(JSON.parse(String(first.attributes['llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments']))).toEqual({ expression: '17*23' });
    expect(toolSpan.attributes).toMatchObject({ 'tool.name': 'calculator', 'tool.id': callId });
    expect(JSON.parse(String(toolSpan.attributes['output.value']))).toEqual({ expression: '17*23', result: 391 });
    // The conversation so far: system, user, assistant, user (calculate…), assistant (tool call), tool (result).
    expect(second.attributes['llm.input_messages.4.message.role']).toBe('assistant');
    expect(second.attributes['llm.input_messages.4.message.tool_calls.0.tool_call.id']).toBe(callId);
    expect(second.attributes['llm.input_messages.5.message.role']).toBe('tool');
    expect(second.attributes['llm.input_messages.5.message.tool_call_id']).toBe(callId);
    expect(JSON.parse(String(second.attributes['llm.input_messages.5.message.content']))).toEqual({ expression: '17*23', result: 391 });
    expect(Number(toolSpan.startTimeUnixNano)).toBeGreaterThanOrEqual(Number(first.endTimeUnixNano) - 1e6);
    expect(Number(second.startTimeUnixNano)).toBeGreaterThanOrEqual(Number(toolSpan.endTimeUnixNano) - 1e6);

    // Context set once per request is on every span of every turn.
    const userIds = new Set(all.map((s) => s.attributes['user.id']));
    expect(userIds.size).toBe(1);
    expect([...userIds][0]).toMatch(/^[0-9a-f-]{36}$/);
    for (const span of all) {
      expect(span.attributes['session.id'], span.name).toBe(sessionId);
      expect(JSON.parse(String(span.attributes['metadata']))).toMatchObject({ runtime, route: runtime === 'edge' ? '/api/chat/edge' : '/api/chat' });
      expect(span.attributes['tag.tags']).toEqual(['chat', runtime]);
    }

    // Time to first token on every LLM span that streamed text; the aborted turn is marked as such.
    for (const llm of [plain.llm, second, aborted.llm]) {
      const ttft = llm.events.find((e) => e.name === 'First Token Stream Event');
      expect(ttft, llm.name).toBeDefined();
      expect(Number(ttft!.attributes['llm.time_to_first_token_ms'])).toBeGreaterThanOrEqual(0);
    }
    expect(aborted.chain.attributes['stream.outcome']).toBe('aborted');
  });
}
