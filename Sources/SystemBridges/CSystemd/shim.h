#ifndef SUPERVISOR_CSYSTEMD_SHIM_H
#define SUPERVISOR_CSYSTEMD_SHIM_H
/* Typed helpers for the variadic parts of libsystemd live in these headers. */
#include "bus.h"
#include "journal.h"
#endif
