#pragma once

#include <QtCore/QByteArrayList>
#include <QtCore/QJsonObject>

#include <optional>

// The fake provider's models that check a request as a strict
// OpenAI-compatible server does (unknown fields, malformed tools, tool
// results for calls never made: 400) and answer with what agent frameworks
// and JSON-mode apps expect:
//   fake-tools     a streamed call of the first tool (finish_reason
//                  tool_calls); after a tool result, an answer that uses it;
//                  JSON for a response_format; "I see N image(s)." for
//                  image_url parts; logprobs on every content piece when asked
//   fake-refusal   a streamed refusal and no content
//   fake-tool-big  one tool call whose arguments stream 2 MiB in 1,024 pieces,
//                  with no usage (Hearth must estimate it)
struct FakeScriptedReply
{
    int status = 200;
    QByteArray errorBody;  // when status is not 200
    QByteArrayList events; // each a whole "data: …\n\n", [DONE] included
};

QStringList fakeToolModels();
// nullopt for the other models.
std::optional<FakeScriptedReply> fakeToolReply(const QString &model, const QJsonObject &request);
