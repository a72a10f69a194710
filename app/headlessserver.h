#pragma once

namespace natter {

/// `natter --server`: runs the chat server with no GUI until SIGINT or SIGTERM; returns the exit code.
int runHeadlessServer(int argc, char *argv[]);

} // namespace natter
