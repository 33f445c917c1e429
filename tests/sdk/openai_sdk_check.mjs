// Drives Hearth with the official OpenAI Node SDK, unchanged: only the base
// URL and the key differ from talking to OpenAI. Exits non-zero on any mismatch.
import OpenAI from 'openai';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';

// Every chat request body the SDK sends, and the body the provider must
// then receive: the same bytes, but for the members Hearth owns (stream,
// stream_options), set in place or appended. The C++ side compares them with
// what the fake provider got.
const expectedUpstream = [];
const recordingFetch = async (url, init) => {
  if (String(url).endsWith('/chat/completions') && init?.body) {
    const body = JSON.parse(init.body);
    if (body.model.startsWith('fake-'))
      expectedUpstream.push(JSON.stringify({ ...body, stream: true, stream_options: { include_usage: true } }));
  }
  return fetch(url, init);
};

const client = new OpenAI({
  baseURL: process.env.HEARTH_BASE_URL,
  apiKey: process.env.HEARTH_API_KEY,
  fetch: recordingFetch,
  maxRetries: 0,
});

const models = await client.models.list();
const ids = models.data.map((m) => m.id);
assert.ok(ids.includes('fake-stream'), `models: ${ids}`);

const completion = await client.chat.completions.create({
  model: 'fake-stream',
  messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hello' }],
  temperature: 0.5,
  max_tokens: 64,
});
assert.equal(completion.object, 'chat.completion');
assert.equal(completion.choices[0].message.content, 'Hello, world');
assert.equal(completion.choices[0].finish_reason, 'stop');
assert.equal(completion.usage.total_tokens, 18);

const stream = await client.chat.completions.create({
  model: 'fake-stream',
  messages: [{ role: 'user', content: 'Stream please' }],
  stream: true,
  stream_options: { include_usage: true },
});
let text = '';
let usage = null;
for await (const chunk of stream) {
  text += chunk.choices[0]?.delta?.content ?? '';
  if (chunk.usage) usage = chunk.usage;
}
assert.equal(text, 'Hello, world');
assert.equal(usage.total_tokens, 18);

try {
  await client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] });
  assert.fail('expected an error for an unknown model');
} catch (error) {
  assert.ok(error instanceof OpenAI.NotFoundError, `got ${error}`);
  assert.equal(error.code, 'model_not_found');
}

const bad = new OpenAI({ baseURL: process.env.HEARTH_BASE_URL, apiKey: 'hk-wrong', maxRetries: 0 });
try {
  await bad.models.list();
  assert.fail('expected 401');
} catch (error) {
  assert.ok(error instanceof OpenAI.AuthenticationError, `got ${error}`);
}
// n = 1, given or left to its default: one choice.
for (const n of [undefined, 1]) {
  const one = await client.chat.completions.create({ model: 'fake-stream', n, messages: [{ role: 'user', content: 'x' }] });
  assert.equal(one.choices.length, 1);
}

// A tool-call round trip, as agent frameworks make it.
const tools = [{
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
}];
const question = [{ role: 'user', content: 'Weather in Paris?' }];
const called = await client.chat.completions.create({ model: 'fake-tools', messages: question, tools, tool_choice: 'auto' });
assert.equal(called.choices[0].finish_reason, 'tool_calls');
const call = called.choices[0].message.tool_calls[0];
assert.deepEqual(call, { id: 'call_fake1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Paris"}' } });
assert.equal(called.choices[0].message.content, null);

// Streamed, gathered by the SDK's own helper.
const runner = client.beta.chat.completions.stream({ model: 'fake-tools', messages: question, tools, parallel_tool_calls: false });
const streamedCall = await runner.finalChatCompletion();
assert.deepEqual(streamedCall.choices[0].message.tool_calls[0].function, call.function);
assert.equal(streamedCall.choices[0].finish_reason, 'tool_calls');

const answered = await client.chat.completions.create({
  model: 'fake-tools',
  tools,
  messages: [...question, called.choices[0].message, { role: 'tool', tool_call_id: call.id, content: 'sunny' }],
});
assert.equal(answered.choices[0].message.content, 'It is sunny');
const answeredStream = await client.chat.completions.create({
  model: 'fake-tools',
  tools,
  stream: true,
  messages: [...question, streamedCall.choices[0].message, { role: 'tool', tool_call_id: call.id, content: 'sunny' }],
});
let streamedAnswer = '';
for await (const chunk of answeredStream) streamedAnswer += chunk.choices[0]?.delta?.content ?? '';
assert.equal(streamedAnswer, 'It is sunny');

// JSON mode with a schema.
const json = await client.chat.completions.create({
  model: 'fake-tools',
  messages: [{ role: 'user', content: '2+2' }],
  response_format: {
    type: 'json_schema',
    json_schema: { name: 'sum', strict: true, schema: { type: 'object', properties: { answer: { type: 'integer' } }, required: ['answer'] } },
  },
  seed: 7,
});
assert.deepEqual(JSON.parse(json.choices[0].message.content), { answer: 4 });

// A picture as a content part, passed through to the provider.
const seen = await client.chat.completions.create({
  model: 'fake-tools',
  messages: [{ role: 'user', content: [
    { type: 'text', text: 'What is this?' },
    { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' } },
  ] }],
});
assert.equal(seen.choices[0].message.content, 'I see 1 image(s).');

// The provider's own refusal of a request comes back as an SDK error.
try {
  await client.chat.completions.create({ model: 'fake-tools', messages: question, tools: [{ type: 'function' }] });
  assert.fail('expected the provider to refuse a tool without a name');
} catch (error) {
  assert.ok(error instanceof OpenAI.BadRequestError, `got ${error}`);
  assert.equal(error.param, 'tools');
}

writeFileSync(process.env.HEARTH_SDK_SENT, JSON.stringify(expectedUpstream));
console.log('openai SDK: models, completion, stream with usage, tool calls, JSON schema, images, 400, 404 and 401 all as with OpenAI');
