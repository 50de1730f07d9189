import { contextBridge, ipcRenderer } from 'electron';

/**
 * The renderer's only way out: one typed `invoke` over one channel. ipcRenderer itself is
 * never exposed. No zod here: a sandboxed preload cannot require() packages, and the
 * main process parses every input anyway.
 */
contextBridge.exposeInMainWorld('bottega', {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('bottega:invoke', name, input),
  platform: process.platform,
});
