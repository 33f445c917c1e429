#pragma once

namespace hearth {

// Makes SIGINT and SIGTERM end the event loop (QCoreApplication::quit) so
// the server shuts down through its destructors instead of dying mid-write.
void quitOnTerminationSignals();

} // namespace hearth
