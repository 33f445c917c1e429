#pragma once

#include <iterator>

namespace hearth::ui {

// The providers people connect most, where they answer and where their keys
// are made. Shared by the first run's "Connect a model" and the admin page.
struct ProviderPreset
{
    const char *name;
    const char *baseUrl;
    bool needsKey;
    const char *keyPage;            // where a key is made ("" when none is needed)
    const char *preferredModels[3]; // the first of these offered answers first
};

inline constexpr ProviderPreset providerPresets[] = {
    {"DeepSeek",
     "https://api.deepseek.com/v1",
     true,
     "https://platform.deepseek.com/api_keys",
     {"deepseek-chat", nullptr, nullptr}},
    {"OpenAI",
     "https://api.openai.com/v1",
     true,
     "https://platform.openai.com/api-keys",
     {"gpt-4.1-mini", "gpt-4o-mini", "gpt-4o"}},
    {"Ollama", "http://127.0.0.1:11434/v1", false, "", {nullptr, nullptr, nullptr}},
};
inline constexpr int providerPresetCount = int(std::size(providerPresets));

} // namespace hearth::ui
