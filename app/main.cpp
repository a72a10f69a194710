#include "desktopapp.h"
#include "headlessserver.h"

#include <cstring>

namespace {

/// True when the command line asks for the headless server (or only for help/version text).
bool wantsHeadless(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const char *argument = argv[i];
        if (std::strcmp(argument, "--server") == 0 || std::strcmp(argument, "--help") == 0 ||
            std::strcmp(argument, "-h") == 0 || std::strcmp(argument, "--version") == 0 ||
            std::strcmp(argument, "-v") == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // Decided before any application object exists, so the server never needs a display.
    if (wantsHeadless(argc, argv))
        return natter::runHeadlessServer(argc, argv);
    return natter::runDesktopApp(argc, argv);
}
