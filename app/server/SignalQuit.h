#pragma once

#include <functional>

namespace hearth {

// Runs `handler` on the event loop for every SIGINT and SIGTERM (with how
// many have arrived so far), so that the server shuts down through its own
// code instead of dying mid-write.
void onTerminationSignals(std::function<void(int count)> handler);

} // namespace hearth
