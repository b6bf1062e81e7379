// Lesson 16-oci-image (an image from a registry's layers): the three layers of the base image's OCI layout
// (sandbox-agent/image/oci-layout.sh) unpacked into directories, their OCI whiteouts turned into overlay's,
// an overlay of them in the manifest's order, and a process whose root is that overlay.
// From what the paths are (type, device numbers, size, text) and from the mount table; the layers of the mount
// are compared with the lesson's directories by identity (device and inode), never by how they were spelled.
import { baseMountAt, layerIs, overlayDirs } from './mount-util';
import { shownEntry, shownText } from './overlay';
import { type CheckResult, defineCheck } from './types';

/**
 * What the image's layers hold where the lesson looks (oci-layout.sh writes them; oci-image.test.ts reads them
 * back from the tarballs the script makes): the text of one small file of each layer, bottom first.
 */
export const IMAGE_TEXTS = { l1: 'camada 1\n', l2: 'porta=8080\n', l3: 'porta=9090\n' } as const;

/**
 * Each layer unpacked: one file of each with the layer's text, and layer 1's busybox the same size as the
 * sandbox's (the image was built from it): a few files echoed where the check looks are no layer.
 */
export const imageUnpacked = defineCheck('image-unpacked', (snap, params): CheckResult => {
  for (const key of ['l1', 'l2', 'l3'] as const) {
    const path = params[key];
    const f = snap.files[path];
    if (f?.type !== 'file') return { done: false, hint: 'missing', params: { path } };
    if (f.text !== IMAGE_TEXTS[key]) return { done: false, hint: 'other-text', params: { path, found: shownText(f) } };
  }
  const busybox = snap.files[params.busybox];
  if (!busybox) return { done: false, hint: 'missing', params: { path: params.busybox } };
  const origin = snap.files[params.origin];
  if (busybox.type !== 'file' || origin?.type !== 'file' || busybox.size !== origin.size)
    return {
      done: false,
      hint: 'no-busybox',
      params: { path: params.busybox, found: shownEntry(busybox), size: origin?.size ?? 0 },
    };
  return { done: true };
});

/**
 * Layer 3's OCI markers turned into overlay's: a 0:0 character device where `.wh.motd` named the file, no
 * `.wh.` file left (the opaque marker's effect is seen through the overlay, in image-overlay: the user.overlay.opaque
 * attribute, or before Linux 6.6, whose tmpfs takes no user.* attribute, a whiteout for each lower entry), the layer's own
 * file still there. What is at the whiteout's path instead is shown as `ls -l` starts its line (`- ""`, `c 1, 3`).
 */
export const imageWhiteouts = defineCheck('image-whiteouts', (snap, params): CheckResult => {
  const kept = snap.files[params.kept];
  if (kept?.type !== 'file' || kept.text !== IMAGE_TEXTS.l3)
    return { done: false, hint: 'no-layer', params: { path: params.kept } };
  const w = snap.files[params.whiteout];
  if (!w) return { done: false, hint: 'whiteout-missing', params: { path: params.whiteout } };
  if (w.type !== 'char' || w.rdev !== '0:0')
    return { done: false, hint: 'no-whiteout', params: { path: params.whiteout, found: shownEntry(w) } };
  for (const marker of [params.marker, params.opaqueMarker])
    if (snap.files[marker]) return { done: false, hint: 'marker-left', params: { path: marker } };
  return { done: true };
});

/**
 * An overlay at `target` whose lower layers are `top`, `middle` and `bottom`, in that order from the top (the
 * manifest's last layer first), and through which the deleted file is gone and the replaced directory shows
 * only the new layer's content (`hidden` and `replaced` absent, `kept` there). The merged view decides, so both
 * honest forms of the replaced directory pass: opaque by attribute (read with userxattr) or a whiteout for each
 * entry below (read with or without it); a whiteout under another name leaves `replaced` shown.
 */
export const imageOverlay = defineCheck('image-overlay', (snap, params): CheckResult => {
  const target = params.target;
  const m = baseMountAt(snap, target);
  if (m?.fsType !== 'overlay') return { done: false, hint: 'no-overlay', params: { target } };
  const { lowers } = overlayDirs(m);
  const want = [params.top, params.middle, params.bottom];
  const found = lowers.join(':');
  const at = want.map((dir) => lowers.findIndex((l) => layerIs(snap, m, l, dir)));
  if (at.some((i) => i < 0)) return { done: false, hint: 'other-layers', params: { target, found } };
  if (at.some((i, k) => k > 0 && i < (at[k - 1] ?? 0)))
    return { done: false, hint: 'wrong-order', params: { target, found } };
  if (snap.files[params.hidden]) return { done: false, hint: 'file-shown', params: { path: params.hidden } };
  if (snap.files[params.replaced]) return { done: false, hint: 'not-opaque', params: { path: params.replaced } };
  if (snap.files[params.kept]?.type !== 'file') return { done: false, hint: 'no-new', params: { path: params.kept } };
  return { done: true };
});

/**
 * `image-overlay` holds, and a process of the sandbox has that overlay's root as its root (chroot, or pivot_root
 * in a mount namespace of its own: the same filesystem, the same inode): the image runs.
 */
export const imageRunning = defineCheck('image-running', (snap, params): CheckResult => {
  const mounted = imageOverlay.run(snap, params);
  if (!mounted.done) return mounted;
  const rootId = snap.paths[params.target];
  if (rootId == null || !snap.processes.some((q) => q.rootId === rootId))
    return { done: false, hint: 'not-running', params: { target: params.target } };
  return { done: true };
});
