#pragma once

#include "core/ApiError.h"

#include <optional>
#include <utility>
#include <variant>

namespace hearth {

// A value or the ApiError that explains its absence. No exceptions cross the
// event loop; every layer returns one of these instead.
template<typename T> class Outcome
{
public:
    Outcome(T value)
        : m_state(std::move(value))
    {}
    Outcome(ApiError error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_state); }
    T &value() { return std::get<T>(m_state); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const ApiError &error() const { return std::get<ApiError>(m_state); }

private:
    std::variant<T, ApiError> m_state;
};

struct Done
{};

} // namespace hearth
