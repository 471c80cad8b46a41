#ifndef SUPERVISOR_CSYSTEMD_BUS_H
#define SUPERVISOR_CSYSTEMD_BUS_H
#include <systemd/sd-bus.h>
#include <systemd/sd-daemon.h>
#endif
