// Runs in the page before its own scripts (bundled by xr-headset.ts): an emulated VR headset (iwer's
// Meta Quest 3, one eye, no room) in place of Chromium's own navigator.xr, standing at the origin.
import { XRDevice, metaQuest3 } from 'iwer';

declare global {
  interface Window {
    __xrHeadset: XRDevice;
  }
}

const headset = new XRDevice(metaQuest3, { stereoEnabled: false });
headset.installRuntime({ forceInstall: true });
headset.position.set(0, 1.6, 0);
window.__xrHeadset = headset;
