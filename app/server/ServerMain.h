#pragma once

namespace hearth {

// The whole of hearth-server: command line, configuration, user commands,
// and serving until SIGINT/SIGTERM. Also `hearth --headless`.
int runServerMain(int argc, char *argv[]);

} // namespace hearth
