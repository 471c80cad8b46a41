#ifndef SUPERVISOR_CUDEV_SHIM_H
#define SUPERVISOR_CUDEV_SHIM_H
#include <libudev.h>
#endif
