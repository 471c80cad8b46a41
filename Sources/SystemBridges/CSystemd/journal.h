#ifndef SUPERVISOR_CSYSTEMD_JOURNAL_H
#define SUPERVISOR_CSYSTEMD_JOURNAL_H
#include <systemd/sd-journal.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-id128.h>
#endif
