// hearth-server: the headless Hearth server.
#include "ServerMain.h"

int main(int argc, char *argv[])
{
    return hearth::runServerMain(argc, argv);
}
