import { contextBridge, ipcRenderer } from 'electron';
import { notForTheWindow, windowMayInvoke } from './windowGate';

/**
 * The renderer's only way out: one `invoke` over one channel, for the operations on the
 * window's allow-list (windowOperations.ts, generated from the contract). ipcRenderer
 * itself is never exposed. No zod here: a sandboxed preload cannot require() packages,
 * and the main process parses every input (and checks the allow-list) anyway.
 */
contextBridge.exposeInMainWorld('bottega', {
  invoke: (name: string, input: unknown): Promise<unknown> =>
    windowMayInvoke(name) ? ipcRenderer.invoke('bottega:invoke', name, input) : Promise.resolve(notForTheWindow(name)),
  platform: process.platform,
});
