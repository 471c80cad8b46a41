#ifndef SUPERVISOR_CUDEV_SHIM_H
#define SUPERVISOR_CUDEV_SHIM_H
#include <libudev.h>
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/eventfd.h>

/* A non-blocking, close-on-exec eventfd that wakes a monitor thread; -1 and errno on failure. */
static inline int cudev_wake_fd_create(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

/* Signals the wake fd; safe to call from any thread, any number of times. */
static inline void cudev_wake_fd_signal(int fd) {
    uint64_t one = 1;
    ssize_t written;
    do { written = write(fd, &one, sizeof one); } while (written < 0 && errno == EINTR);
}

/* Waits until `monitor_fd` is readable or `wake_fd` is signalled.
 * Returns 1 when the monitor has data or a pending socket error (e.g. ENOBUFS after a burst,
 * which the next receive clears), 0 when woken or the fd is closed, -1 on error. */
static inline int cudev_wait(int monitor_fd, int wake_fd) {
    struct pollfd fds[2] = {
        { .fd = monitor_fd, .events = POLLIN, .revents = 0 },
        { .fd = wake_fd, .events = POLLIN, .revents = 0 },
    };
    for (;;) {
        int ready = poll(fds, 2, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (fds[1].revents != 0) return 0;
        if (fds[0].revents & (POLLHUP | POLLNVAL)) return 0;
        if (fds[0].revents & (POLLIN | POLLERR)) return 1;
    }
}
#endif
