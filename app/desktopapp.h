#pragma once

namespace natter {

/// `natter` with no --server: the desktop app. Returns the exit code.
int runDesktopApp(int argc, char *argv[]);

} // namespace natter
