// Drives Hearth with the official OpenAI Node SDK, unchanged: only the base
// URL and the key differ from talking to OpenAI. Exits non-zero on any mismatch.
import OpenAI from 'openai';
import assert from 'node:assert/strict';

const client = new OpenAI({ baseURL: process.env.HEARTH_BASE_URL, apiKey: process.env.HEARTH_API_KEY });

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
console.log('openai SDK: models, completion, stream with usage, 404 and 401 all as with OpenAI');
