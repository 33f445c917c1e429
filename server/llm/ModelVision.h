#pragma once

#include <QtCore/QString>

#include <optional>

class QJsonObject;

namespace hearth {

// Whether a model accepts pictures, as far as can be known without asking
// it: nullopt when nothing says, and pictures are then passed on for the
// provider to judge. An admin's setting per model wins over both.

// What a provider's GET /models entry says, where it says anything:
// OpenRouter's architecture.input_modalities, LM Studio's type "vlm",
// a "capabilities" list or object naming vision (Ollama, LiteLLM, vLLM
// front ends), or a "modalities"/"input_modalities" list.
std::optional<bool> visionFromModelEntry(const QJsonObject &entry);

// What is known of the well-used model families by name: DeepSeek's chat
// models read text only; GPT-4o, GPT-4.1, GPT-5, o3/o4, Claude, Gemini,
// Llava, Qwen-VL, Gemma 3, Pixtral, MiniCPM-V and Llama 3.2 Vision see.
std::optional<bool> visionByModelName(const QString &modelId);

} // namespace hearth
