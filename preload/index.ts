/** Electron preload: exposes the typed kiosk API and nothing else (never ipcRenderer itself). */
import { contextBridge, ipcRenderer } from 'electron';
import { buildKioskApi } from './api.js';

contextBridge.exposeInMainWorld(
  'kiosk',
  buildKioskApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
